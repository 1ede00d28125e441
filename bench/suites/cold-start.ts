import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Suite, SuiteResult } from '../suite.js';

/**
 * Start-up time of the CLI: the median wall time of `flannel-doctor --version` and of
 * `flannel-doctor explain "<msg>"` against `kubectl version --client` (a Go binary: the bar a
 * kubectl plugin is compared with), with a bare `node -e 0` for scale. Target: both medians under
 * 150 ms. Every round runs each command once, interleaved, so load on the machine hits them alike.
 *
 * Ours is the installed command, `bin/flannel-doctor` (what npm links onto the PATH), as a user types it.
 * NODE_EXTRA_CA_CERTS: Node.js 20 reads that file and its own root certificates while starting, before
 * any of our code runs (about 90 ms here; kubectl does not pay it). The installed command starts
 * commands that open no TLS connection (explain, --version) without it. When it is set, `node
 * bin/flannel-doctor.cjs` (which always pays it) is timed too, with and without the variable, so the
 * table shows what is ours and what is the environment's.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'flannel-doctor');
const cli = join(root, 'bin', 'flannel-doctor.cjs');
const MSG = 'Failed to pull image "reg.local/a/b:1": rpc error: code = Unknown desc = failed to pull and unpack image "reg.local/a/b:1": failed to resolve reference "reg.local/a/b:1": failed to do request: Head "https://reg.local/v2/a/b/manifests/1": dial tcp: lookup reg.local on 127.0.0.53:53: no such host';

type Env = NodeJS.ProcessEnv;

function once(cmd: string, args: string[], env: Env): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error || r.status !== 0) throw new Error(`${cmd} ${args.join(' ').slice(0, 80)}: ${r.error?.message ?? String(r.stderr).slice(0, 200)}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round1 = (ms: number) => Math.round(ms * 10) / 10;

const suite: Suite = {
  name: 'cold-start',
  description: 'median start-up of `flannel-doctor --version` and `explain "<msg>"` vs `kubectl version --client`',
  async run({ quick, log }) {
    const runs = quick ? 7 : 21;
    const env = process.env;
    const { NODE_EXTRA_CA_CERTS: extraCa, ...clean } = env;
    try {
      once('kubectl', ['version', '--client'], env);
    } catch (err) {
      return { skipped: `kubectl not usable: ${(err as Error).message}` };
    }
    const commands: { name: string; cmd: string; args: string[]; env: Env }[] = [
      { name: 'version', cmd: bin, args: ['--version'], env },
      { name: 'explain', cmd: bin, args: ['explain', MSG], env },
      { name: 'kubectl', cmd: 'kubectl', args: ['version', '--client'], env },
      { name: 'bare', cmd: 'node', args: ['-e', '0'], env },
    ];
    if (extraCa) {
      for (const [name, args] of [['version', ['--version']], ['explain', ['explain', MSG]]] as const) {
        commands.push({ name: `${name}Cjs`, cmd: 'node', args: [cli, ...args], env }, { name: `${name}NoExtraCa`, cmd: 'node', args: [cli, ...args], env: clean });
      }
      commands.push({ name: 'bareNoExtraCa', cmd: 'node', args: ['-e', '0'], env: clean });
    }
    const times = new Map(commands.map((c) => [c.name, [] as number[]]));
    for (let i = 0; i < runs + 2; i++) {
      const t = commands.map((c) => once(c.cmd, c.args, c.env));
      if (i < 2) continue; // the first two rounds warm the page cache
      commands.forEach((c, j) => times.get(c.name)!.push(t[j]));
    }
    const ms = (name: string) => median(times.get(name)!);
    const [version, explain, kubectl, bare] = ['version', 'explain', 'kubectl', 'bare'].map(ms);
    log(`--version ${version.toFixed(1)} ms, explain ${explain.toFixed(1)} ms, kubectl version --client ${kubectl.toFixed(1)} ms, node -e 0 ${bare.toFixed(1)} ms (median of ${runs}, interleaved)`);
    const without: Record<string, number> = {};
    let note = '';
    if (extraCa) {
      for (const n of ['version', 'explain', 'bare']) without[`${n}MsNoExtraCa`] = round1(ms(`${n}NoExtraCa`));
      for (const n of ['version', 'explain']) without[`${n}MsCjs`] = round1(ms(`${n}Cjs`));
      log(`node bin/flannel-doctor.cjs: --version ${without.versionMsCjs} ms, explain ${without.explainMsCjs} ms; without NODE_EXTRA_CA_CERTS: --version ${without.versionMsNoExtraCa} ms, explain ${without.explainMsNoExtraCa} ms, node -e 0 ${without.bareMsNoExtraCa} ms`);
      note = `; NODE_EXTRA_CA_CERTS is set here, and Node.js 20 reads it at every start (node -e 0 ${bare.toFixed(0)} ms with it, ${without.bareMsNoExtraCa.toFixed(0)} ms without); the installed command starts these two without it, \`node bin/flannel-doctor.cjs\` pays it: --version ${without.versionMsCjs.toFixed(0)} ms, explain ${without.explainMsCjs.toFixed(0)} ms (${without.versionMsNoExtraCa.toFixed(0)} and ${without.explainMsNoExtraCa.toFixed(0)} ms without the variable)`;
    }
    const ours = Math.max(version, explain);
    const result: SuiteResult = {
      suite: 'cold-start',
      ours: { label: 'flannel-doctor, the installed command (slower of --version and explain)', unit: 'ms (median)', value: ours, note: `--version ${version.toFixed(1)} ms, explain ${explain.toFixed(1)} ms, ${runs} runs each; node -e 0 ${bare.toFixed(1)} ms${note}` },
      peer: { label: 'kubectl version --client', unit: 'ms (median)', value: kubectl, note: `${runs} runs, interleaved with ours` },
      ratio: kubectl / ours,
      ratioSays: 'kubectl ms ÷ ours ms (> 1: ours starts faster)',
      target: '< 150 ms median (both commands)',
      met: version < 150 && explain < 150,
      extra: { versionMs: round1(version), explainMs: round1(explain), kubectlMs: round1(kubectl), bareNodeMs: round1(bare), extraCaCerts: extraCa ? 'set' : 'unset', ...without, runs },
    };
    return result;
  },
};

export default suite;
