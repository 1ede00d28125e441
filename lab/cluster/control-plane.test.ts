/**
 * The real control plane under the lab prefix `cpt`: etcd, kube-apiserver, controller-manager and
 * scheduler from lab/components/build.sh, in netns cpt-cp on the underlay cpt-u, reached from the
 * host through the socat forwarder. Needs Linux, root and the built components; elsewhere it fails
 * with the reason unless FLANNEL_DOCTOR_ALLOW_NO_LAB=1 (then it is skipped, loudly).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../exec.js';
import { createUnderlay } from '../network.js';
import { CLUSTER_CIDR, DNS_SERVICE_IP, SERVICE_CIDR, UNDERLAY_CIDR, labDir } from '../plan.js';
import { loadState, saveState } from '../state.js';
import type { LabHandle, LabState } from '../types.js';
import { component, components, programOf } from './components.js';
import { controlPlaneMemory, cpNetns, kubectl, startControlPlane, stopControlPlane } from './control-plane.js';
import { kubeconfigFor } from './pki.js';

const NAME = 'cpt';

function prerequisite(): string | undefined {
  if (process.platform !== 'linux') return `needs Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'needs root (network namespaces)';
  try {
    const missing = components().filter((c) => (c.name === 'kubernetes' || c.name === 'etcd') && !c.built);
    if (missing.length) return `not built: ${missing.map((c) => `${c.name} ${c.version}`).join(', ')}; run: bash lab/components/build.sh`;
  } catch (e) {
    return `cannot list the components: ${(e as Error).message.split('\n')[0]}`;
  }
  try {
    execFileSync('socat', ['-V'], { stdio: 'ignore' });
  } catch {
    return 'needs socat (apt-get install socat)';
  }
  return undefined;
}

const why = prerequisite();
const allowSkip = process.env.FLANNEL_DOCTOR_ALLOW_NO_LAB === '1';
if (why && !allowSkip) {
  describe('control plane', () => {
    it('needs Linux, root, socat and the built components (FLANNEL_DOCTOR_ALLOW_NO_LAB=1 skips)', () => {
      throw new Error(`control-plane tests cannot run here: ${why}`);
    });
  });
}
if (why && allowSkip) process.stderr.write(`control-plane tests SKIPPED (FLANNEL_DOCTOR_ALLOW_NO_LAB=1): ${why}\n`);
const d = why ? describe.skip : describe;

function freshState(): LabState {
  return {
    name: NAME,
    prefix: NAME,
    dir: labDir(NAME),
    underlay: { netns: `${NAME}-u`, bridge: 'br0', cidr: UNDERLAY_CIDR },
    clusterCIDR: CLUSTER_CIDR,
    serviceCIDR: SERVICE_CIDR,
    dnsServiceIP: DNS_SERVICE_IP,
    nodes: [],
    pods: [],
    pids: {},
    registries: [],
    faults: [],
    netnsCreated: [],
    outsideFiles: [],
  };
}

function handle(state: LabState): LabHandle {
  const none = () => {
    throw new Error('no object store in the control-plane test');
  };
  return {
    state,
    exec: (netns, argv, opts) => run(netns, argv, opts),
    node: none,
    api: { get: none, put: none, remove: none, list: none },
    save: () => saveState(state),
  };
}

function labNetns(): string[] {
  return execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.split(' ')[0])
    .filter((n) => n.startsWith(`${NAME}-`));
}

/** Processes whose command line names the lab dir (every control-plane process does). */
function labProcesses(dir: string): string[] {
  const out: string[] = [];
  for (const p of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(p) || Number(p) === process.pid) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmd.includes(`${dir}/`)) out.push(`${p}: ${cmd.slice(0, 120)}`);
    } catch {
      /* gone */
    }
  }
  return out;
}

async function teardown(state: LabState): Promise<void> {
  await stopControlPlane(handle(state));
  for (const ns of [...(state.netnsCreated ?? [])].reverse()) await run(undefined, ['ip', 'netns', 'del', ns], { allowFail: true });
  state.netnsCreated = [];
  fs.rmSync(state.dir, { recursive: true, force: true });
}

function inCidr(ip: string, cidr: string): boolean {
  const num = (a: string) => a.split('.').reduce((n, o) => n * 256 + Number(o), 0);
  const [base, bits] = cidr.split('/');
  const mask = bits === '0' ? 0 : 2 ** 32 - 2 ** (32 - Number(bits));
  return (num(ip) & mask) >>> 0 === (num(base) & mask) >>> 0;
}

d('real control plane (prefix cpt)', () => {
  let state: LabState;
  let lab: LabHandle;
  let endpoints: Awaited<ReturnType<typeof startControlPlane>>;

  beforeAll(async () => {
    // leftovers of an interrupted run of this file
    const old = await loadState(NAME).catch(() => undefined);
    if (old) await teardown(old);
    for (const ns of labNetns()) await run(undefined, ['ip', 'netns', 'del', ns], { allowFail: true });
    fs.rmSync(labDir(NAME), { recursive: true, force: true });

    state = freshState();
    lab = handle(state);
    fs.mkdirSync(state.dir, { recursive: true });
    await createUnderlay(state);
    await saveState(state);
    const t = Date.now();
    endpoints = await startControlPlane(lab);
    const rss = controlPlaneMemory(state);
    const totalMiB = Object.values(rss).reduce((a, b) => a + b, 0) / 1024;
    process.stderr.write(
      `control plane up in ${Date.now() - t} ms (phases ${JSON.stringify(state.controlPlane?.phases)}); ` +
        `RSS MiB ${Object.entries(rss).map(([k, v]) => `${k}=${(v / 1024).toFixed(0)}`).join(' ')} total=${totalMiB.toFixed(0)}\n`,
    );
  }, 240_000);

  afterAll(async () => {
    if (state) await teardown(state);
  }, 60_000);

  it('serves /readyz through the host forwarder, with the admin kubeconfig', async () => {
    expect(endpoints.serverUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(endpoints.inClusterServer).toBe('https://172.31.250.2:6443');
    expect(fs.readFileSync(endpoints.kubeconfig, 'utf8')).toContain(`server: ${endpoints.serverUrl}`);
    expect((fs.statSync(endpoints.kubeconfig).mode & 0o777).toString(8)).toBe('600');
    const r = await kubectl(lab, ['get', '--raw', '/readyz']);
    expect(r.stdout.trim()).toBe('ok');
  });

  it('runs the built release: kubectl version shows it from the server', async () => {
    const r = await kubectl(lab, ['version', '-o', 'json']);
    const v = JSON.parse(r.stdout);
    expect(v.serverVersion.gitVersion).toBe(component('kubernetes').version);
    expect(v.clientVersion.gitVersion).toBe(component('kubernetes').version);
  });

  it('enforces RBAC: an unprivileged user gets 403 listing secrets; kubeadm bindings are in place', async () => {
    const conf = await kubeconfigFor(state.dir, 'nobody', endpoints.serverUrl, { cn: 'lab-nobody', groups: [] });
    const r = await run(undefined, [programOf('kubernetes', 'kubectl'), '--kubeconfig', conf, 'get', 'secrets', '-A'], { allowFail: true });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Forbidden.*User "lab-nobody" cannot list resource "secrets"/);
    const raw = await run(undefined, [programOf('kubernetes', 'kubectl'), '--kubeconfig', conf, 'get', '--raw', '/api/v1/secrets'], { allowFail: true });
    expect(raw.stderr).toMatch(/Forbidden|403/);
    expect((await kubectl(lab, ['get', 'secrets', '-A', '-o', 'name'])).code).toBe(0); // the admin may
    const can = async (as: string, verb: string, res: string) =>
      (await kubectl(lab, ['auth', 'can-i', verb, res, '--as', as], { allowFail: true })).stdout.trim();
    expect(await can('kube-apiserver-kubelet-client', 'get', 'nodes/proxy')).toBe('yes');
    expect(await can('system:kube-proxy', 'list', 'endpointslices.discovery.k8s.io')).toBe('yes');
    expect(await can('system:kube-proxy', 'list', 'secrets')).toBe('no');
  });

  it('controller-manager and scheduler hold their leases', async () => {
    for (const lease of ['kube-controller-manager', 'kube-scheduler']) {
      const r = await kubectl(lab, ['get', 'lease', '-n', 'kube-system', lease, '-o', 'jsonpath={.spec.holderIdentity}']);
      expect(r.stdout.trim()).not.toBe('');
    }
  });

  it('controller-manager allocates a podCIDR inside the cluster CIDR to a new Node', async () => {
    const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'cpt-probe' } };
    await kubectl(lab, ['apply', '-f', '-'], { input: JSON.stringify(node) });
    let cidr = '';
    for (let i = 0; i < 150 && !cidr; i++) {
      cidr = (await kubectl(lab, ['get', 'node', 'cpt-probe', '-o', 'jsonpath={.spec.podCIDR}'])).stdout.trim();
      if (!cidr) await new Promise((r) => setTimeout(r, 200));
    }
    expect(cidr).toMatch(/^\d+\.\d+\.\d+\.\d+\/24$/);
    expect(inCidr(cidr.split('/')[0], CLUSTER_CIDR)).toBe(true);
    await kubectl(lab, ['delete', 'node', 'cpt-probe', '--wait=false']);
  }, 60_000);

  it('teardown leaves no namespace, process or file', async () => {
    const pids = Object.values(state.pids);
    expect(pids.length).toBe(6);
    await teardown(state);
    expect(labNetns()).toEqual([]);
    expect(labProcesses(state.dir)).toEqual([]);
    for (const pid of pids) expect(fs.existsSync(`/proc/${pid}`) && !/\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))).toBe(false);
    expect(fs.existsSync(state.dir)).toBe(false);
    expect(fs.existsSync(path.join(state.dir, 'api.sock'))).toBe(false);
    expect(cpNetns(state)).toBe('cpt-cp');
  }, 60_000);
});
