/**
 * The cluster-side rules (image/, registry/, flannel/cluster-*, dns/) on real and example bundles:
 * the healthy k3s support bundle (flannel embedded in k3s, no DaemonSet) must not raise an error or a
 * warning from them; the broken example must name its planted root causes at the right places.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../engine/diagnose.js';
import { readBundle } from '../../sources/bundle/read.js';
import { RULES } from '../index.js';
import { SHARED } from '../../../test/shared-dir.js';

const MINE = RULES.filter((r) => /^(image|registry|dns)\/|^flannel\/cluster-/.test(r.id) && r.scope === 'cluster');

describe('cluster-side rules on bundles', () => {
  it('k3s arm64 support bundle: nothing above info', async () => {
    const { evidence } = await readBundle(`${SHARED}/data/bundles/troubleshoot-k3s-arm64.tar.gz`);
    expect(evidence.cluster?.nodes.length).toBe(1);
    const report = diagnose(evidence, MINE);
    expect(report.evidence.rulesRun).toBeGreaterThan(5);
    expect(report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.cause}: ${f.message}`)).toEqual([]);
  });

  it('examples/broken-cluster: the three planted root causes, where they are', async () => {
    const { evidence } = await readBundle(new URL('../../../examples/broken-cluster', import.meta.url).pathname);
    const report = diagnose(evidence, MINE);
    const errors = report.findings.filter((f) => f.severity === 'error');
    const by = (cause: string) => errors.find((f) => f.cause === cause);
    expect(errors.map((f) => f.cause).sort()).toEqual(['flannel.no-pod-cidr', 'image.pullsecret-wrong-registry', 'registry.dns']);
    expect(by('registry.dns')?.nodes.sort()).toEqual(['node-a', 'node-b']);
    expect(by('registry.dns')?.registry).toBe('registry.corp.example');
    expect(by('registry.dns')?.pods.length).toBe(8);
    expect(by('flannel.no-pod-cidr')?.nodes).toEqual(['node-c']);
    expect(by('image.pullsecret-wrong-registry')?.pods).toEqual(['web/storefront-7d9c8b6f5-x2k4m']);
    expect(report.verdict).toBe('broken');
  });
});
