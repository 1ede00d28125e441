import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { mutated, noise } from '../../parsers/fuzz-inputs.js';
import { gatherNode } from './index.js';
import type { CommandRunner } from './runner.js';

/**
 * The whole gatherer against random node trees and random command output: it must never throw, and
 * every problem must name where it came from. Commands never run: the runner answers with fuzz.
 */
const FILES = [
  '/etc/cni/net.d/10-flannel.conflist',
  '/etc/cni/net.d/05-other.conf',
  '/run/flannel/subnet.env',
  '/etc/kube-flannel/net-conf.json',
  '/etc/containerd/config.toml',
  '/etc/containerd/certs.d/docker.io/hosts.toml',
  '/etc/docker/daemon.json',
  '/etc/resolv.conf',
  '/var/lib/cni/networks/cbr0/10.244.1.2',
  '/var/log/flanneld.log',
  '/var/log/journal.export',
  '/etc/hostname',
];
const SAMPLES = [
  '{"name":"cbr0","cniVersion":"0.3.1","plugins":[{"type":"flannel","subnetFile":"/run/flannel/subnet.env"}]}',
  'FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=10.244.1.1/24\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true\n',
  'version = 2\n[plugins."io.containerd.grpc.v1.cri".registry]\nconfig_path = "/etc/containerd/certs.d"\n[plugins."io.containerd.grpc.v1.cri".cni]\nconf_dir = "/etc/cni/net.d"\n',
  '[{"ifname":"flannel.1","flags":["UP"],"linkinfo":{"info_kind":"vxlan","info_data":{"id":1}}}]',
  '*filter\n:FORWARD DROP [0:0]\n-A FORWARD -j ACCEPT\nCOMMIT\n',
  'MESSAGE=failed to find plugin "bridge" in path [/opt/cni/bin]\nSYSLOG_IDENTIFIER=kubelet\n\n',
];

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

describe('fuzz: gatherNode on random node trees', () => {
  it('never throws and locates every problem', async () => {
    const text = fc.oneof(mutated(SAMPLES), noise());
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...FILES), text, { maxKeys: FILES.length }), fc.array(text, { minLength: 1, maxLength: 8 }), async (files, outputs) => {
        const root = mkdtempSync(join(tmpdir(), 'fdn-fuzzroot-'));
        roots.push(root);
        for (const [p, content] of Object.entries(files)) {
          mkdirSync(join(root, dirname(p)), { recursive: true });
          writeFileSync(join(root, p), content);
        }
        let k = 0;
        const run: CommandRunner = async () => ({ stdout: outputs[k++ % outputs.length], code: k % 5 === 0 ? 1 : 0 });
        const n = await gatherNode({ hostRoot: root, run, kernelViaRunner: true, name: 'fz' });
        expect(n.name).toBe('fz');
        const all = [...n.problems, ...n.cniConfigs.flatMap((c) => c.problems), ...(n.subnetEnv?.problems ?? []), ...(n.containerd?.problems ?? []), ...n.registryHosts.flatMap((h) => h.problems), ...(n.iptables?.problems ?? [])];
        // A gatherer exception is caught and turned into a problem; none may happen.
        expect(n.problems.filter((p) => p.message.startsWith('could not gather'))).toEqual([]);
        for (const p of all) {
          expect(typeof p.file).toBe('string');
          expect(p.file.length).toBeGreaterThan(0);
          expect(p.message.length).toBeGreaterThan(0);
        }
        expect(JSON.parse(JSON.stringify(n)).name).toBe('fz');
        rmSync(root, { recursive: true, force: true });
      }),
      { numRuns: Number(process.env.FUZZ_GATHER_RUNS ?? 150) },
    );
  }, 120_000);
});
