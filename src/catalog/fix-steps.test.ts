import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillSteps } from '../fix/steps.js';
import { placeholdersIn } from '../fix/placeholders.js';
import { shq } from '../fix/shell.js';
import { FIX_VARIABLES } from './fix-variables.js';
import { FIX_STEPS } from './fix-steps.js';

const SRC = join(import.meta.dirname, '..');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.ts') && !n.endsWith('.test.ts') ? [join(dir, n)] : []));
}
const knowledge = [...files(join(SRC, 'rules')), ...files(join(SRC, 'catalog'))].filter((f) => !f.endsWith('fix-steps.ts'));

describe('named fix steps', () => {
  it('persisting two settings writes two files: applying both fixes keeps both', () => {
    const steps = fillSteps(
      [
        { step: 'sysctl.persist', data: { key: 'net.ipv4.ip_forward', value: 1 } },
        { step: 'sysctl.persist', data: { key: 'net.bridge.bridge-nf-call-iptables', value: 1 } },
        { step: 'module.persist', data: { module: 'br_netfilter' } },
        { step: 'module.persist', data: { module: 'vxlan' } },
      ],
      { node: 'n1' },
    );
    const targets = steps.map((s) => /> (\S+)/.exec(s.run ?? '')?.[1]);
    expect(targets).toEqual([
      '/etc/sysctl.d/90-flannel-doctor-net.ipv4.ip_forward.conf',
      '/etc/sysctl.d/90-flannel-doctor-net.bridge.bridge-nf-call-iptables.conf',
      '/etc/modules-load.d/flannel-doctor-br_netfilter.conf',
      '/etc/modules-load.d/flannel-doctor-vxlan.conf',
    ]);
    expect(steps.every((s) => s.manual && !s.missing)).toBe(true);
  });

  it('a step\'s data fills its placeholders; the finding\'s scope fills the rest', () => {
    const [restart] = fillSteps([{ step: 'flannel.restart', text: 'Restart flannel on {node} so it rewrites subnet.env' }], { node: 'n2', flannelNamespace: 'kube-system' });
    expect(restart).toEqual({
      text: 'Restart flannel on n2 so it rewrites subnet.env',
      on: 'cluster',
      run: 'kubectl -n kube-system delete pod -l app=flannel --field-selector spec.nodeName=n2',
      verify: 'kubectl -n kube-system wait pod -l app=flannel --field-selector spec.nodeName=n2 --for=condition=Ready --timeout=120s',
    });
  });

  it('iptables steps take their rule as data: accept is idempotent, delete removes every copy', () => {
    const [accept, del] = fillSteps(
      [
        { step: 'iptables.accept', data: { table: 'filter', chain: 'FORWARD', match: '-s 10.244.0.0/16' } },
        { step: 'iptables.delete', data: { table: 'filter', chain: 'INPUT', rule: '-p udp --dport 8472 -j DROP' } },
      ],
      { node: 'n1' },
    );
    expect(accept).toEqual({
      text: 'Accept -s 10.244.0.0/16 in FORWARD on n1',
      on: 'node',
      run: 'iptables -t filter -C FORWARD -s 10.244.0.0/16 -j ACCEPT 2>/dev/null || iptables -t filter -I FORWARD -s 10.244.0.0/16 -j ACCEPT',
      verify: 'iptables -t filter -C FORWARD -s 10.244.0.0/16 -j ACCEPT',
    });
    expect(del!.run).toBe('while iptables -t filter -C INPUT -p udp --dport 8472 -j DROP 2>/dev/null; do iptables -t filter -D INPUT -p udp --dport 8472 -j DROP; done');
    expect(del!.verify).toBe('! iptables -t filter -C INPUT -p udp --dport 8472 -j DROP 2>/dev/null');
  });

  it('rules and causes write no such command themselves: they name the catalog step', () => {
    const written = knowledge.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return [/\/etc\/sysctl\.d\/[\w.-]*\.conf/, /\/etc\/modules-load\.d\/[\w.-]*\.conf/, /delete pod -l app=flannel/, /sysctl -w /, /\bmodprobe [a-z]/, /rollout (restart|status) (daemonset |ds\/)\{flannelDaemonSet\}/, /patch configmap \$\{/, /-C \$\{rule\(|iptables -[CI] FORWARD -[sd] \$\{/, /while \$\{check\}/].filter((re) => re.test(text)).map((re) => `${f.slice(SRC.length + 1)}: ${re.source}`);
    });
    expect(written).toEqual([]);
    expect(Object.keys(FIX_STEPS).length).toBeGreaterThan(3);
  });

  it('rules write no command of their own: a step with a command (run, verify) is a catalog entry they name with data', () => {
    const inline = files(join(SRC, 'rules')).flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return [...text.matchAll(/\b(run|verify): *[`'"]/g)].map((m) => `${f.slice(SRC.length + 1)}: ${m[0]}`);
    });
    expect(inline).toEqual([]);
  });

  it('a hosts.toml loses exactly the failing mirror\'s tables, gains the registry\'s once, and each verify holds after its run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fd-hosts-'));
    const file = join(dir, 'hosts.toml');
    try {
      const original = [
        'server = "http://reg.lab:5000"',
        'capabilities = ["push"]',
        '',
        '[host."http://reg-mirror.lab:50001"]',
        '  capabilities = ["pull"]',
        '',
        '[host."http://reg-mirror.lab:5000"]',
        '  capabilities = ["pull", "resolve"]',
        '[ host."http://reg-mirror.lab:5000".header ]',
        '  x-token = ["abc"]',
        "[host.'http://reg-mirror.lab:5000']",
        '  skip_verify = true',
        '[host."https://other.lab"]',
        '  capabilities = ["pull"]',
      ];
      writeFileSync(file, original.join('\n') + '\n');
      const lines = ['[host."http://reg.lab:5000"]', '  capabilities = ["pull", "resolve"]'];
      const [drop, add] = fillSteps(
        [
          { step: 'containerd.hosts-drop-host', data: { file: shq(file), hostUrl: 'http://reg-mirror.lab:5000' } },
          { step: 'containerd.hosts-add-host', data: { file: shq(file), hostUrl: 'http://reg.lab:5000', header: shq(lines[0]), toml: lines.map(shq).join(' ') } },
        ],
        { node: 'n1' },
      );
      const sh = (cmd: string) => execFileSync('sh', ['-c', cmd], { stdio: 'pipe' });
      expect(() => sh(drop!.verify!)).toThrow();
      sh(drop!.run!);
      sh(drop!.verify!);
      sh(add!.run!);
      sh(add!.run!); // idempotent: the table is written once
      sh(add!.verify!);
      expect(readFileSync(file, 'utf8')).toBe([...original.slice(0, 6), ...original.slice(12), '', ...lines].join('\n') + '\n');
      expect(drop!.changes).toEqual([file]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('use only declared placeholders, and every entry has a command', () => {
    for (const [name, spec] of Object.entries(FIX_STEPS)) {
      expect(spec.run, name).toBeTruthy();
      for (const t of [spec.text, spec.run!, spec.verify ?? '', ...(spec.changes ?? [])]) for (const p of placeholdersIn(t)) expect(FIX_VARIABLES[p], `${name}: {${p}}`).toBeDefined();
    }
  });
});
