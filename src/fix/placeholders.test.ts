import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { specOf } from '../catalog/fix-steps.js';
import { FIX_VARIABLES } from '../catalog/fix-variables.js';
import { CAUSES } from '../catalog/causes.js';
import type { FixStepSource } from '../catalog/fix-types.js';
import { fillTemplate, placeholdersIn } from './placeholders.js';
import { fillSteps } from './steps.js';
import { fixValues } from './values.js';
import { makeEvidence } from '../rules/rule-tester.js';
import { node, pod } from '../rules/image/_fixtures.js';

const texts = (src: FixStepSource) => {
  if (typeof src === 'string') return [src];
  const s = specOf(src);
  return [s.text, s.run, s.verify].filter((t): t is string => t !== undefined);
};
const causeTexts = (c: (typeof CAUSES)[number]) => [...c.fix.flatMap(texts), ...(c.verify ?? [])];

/** The lab's faults as their files declare them (read, not imported: the lab is its own part); a file is named by the cause it produces. */
function labFaults(): { id: string; cause: string; where: string }[] {
  const dir = new URL('../../lab/faults/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => /^[a-z]+\.[a-z0-9-]+\.ts$/.test(f) && !f.endsWith('.test.ts'))
    .map((f) => {
      const text = readFileSync(new URL(f, dir), 'utf8');
      const id = f.replace(/\.ts$/, '');
      return { id, cause: id, where: /\bwhere: '([^']+)'/.exec(text)?.[1] ?? '' };
    });
}

describe('fix placeholders', () => {
  it('fill known values, write secrets as shell variables, keep unknown ones visible', () => {
    const r = fillTemplate('kubectl create secret docker-registry {secret} -n {namespace} --docker-password={registryPassword} --x={node}', { secret: 'regcred', namespace: 'shop' });
    expect(r.text).toBe('kubectl create secret docker-registry regcred -n shop --docker-password="$REGISTRY_PASSWORD" --x=<node>');
    expect(r.missing).toEqual(['node']);
    expect(r.secrets).toEqual(['registryPassword']);
  });

  it('leave JSONPath, JSON and udev braces alone', () => {
    const t = 'kubectl get pod -o jsonpath="{.spec.imagePullSecrets}" -p \'{"spec":{"podCIDR":"x"}}\' ENV{INTERFACE}=="flannel.1"';
    expect(placeholdersIn(t)).toEqual([]);
    expect(fillTemplate(t, {}).text).toBe(t);
  });

  it('a secret step is preceded by one saying where to get the value, once', () => {
    const steps = fillSteps(['a {registryUser} {registryPassword}', 'b {registryPassword}'], {});
    expect(steps.map((s) => s.text)).toEqual([
      'Set REGISTRY_USER, REGISTRY_PASSWORD (an account with pull access; its token, both from the registry)',
      'a "$REGISTRY_USER" "$REGISTRY_PASSWORD"',
      'b "$REGISTRY_PASSWORD"',
    ]);
    expect(steps[0].manual).toMatch(/secret/);
    expect(steps[0].run).toBe('read -rs REGISTRY_USER; read -rs REGISTRY_PASSWORD; export REGISTRY_USER REGISTRY_PASSWORD');
  });

  it('a step missing a value is manual and says what is missing; a context value the evidence lacks is assumed, not applied', () => {
    const [a, b] = fillSteps([{ text: 'x', on: 'node', run: 'ip link show {iface}' }, { text: 'y', on: 'cluster', run: 'kubectl -n {flannelNamespace} get ds' }], {});
    expect(a).toMatchObject({ run: 'ip link show <iface>', missing: ['iface'], manual: expect.stringContaining('<iface>') });
    expect(b).toMatchObject({ run: 'kubectl -n kube-flannel get ds', manual: expect.stringContaining('assumes the stock flannelNamespace kube-flannel') });
    const [c] = fillSteps([{ text: 'y', on: 'cluster', run: 'kubectl -n {flannelNamespace} get ds' }], { flannelNamespace: 'kube-system' });
    expect(c.manual).toBeUndefined();
  });
});

describe('catalog fixes', () => {
  it('use only known placeholders', () => {
    for (const c of CAUSES) for (const t of causeTexts(c)) for (const p of placeholdersIn(t)) expect(FIX_VARIABLES[p], `${c.id}: {${p}} in "${t}"`).toBeDefined();
  });

  it('use no value that only a rule computes (those belong in the rule\'s own fix, or in a named step\'s data), and no <…> pseudo-placeholder', () => {
    for (const c of CAUSES) {
      for (const src of [...c.fix, ...(c.verify ?? [])]) {
        const given = typeof src !== 'string' && 'step' in src ? Object.keys(src.data ?? {}) : [];
        for (const t of texts(src)) {
          for (const p of placeholdersIn(t)) if (!given.includes(p)) expect(FIX_VARIABLES[p].kind, `${c.id}: {${p}}`).not.toBe('data');
          expect(t, c.id).not.toMatch(/<[a-z][a-z ]*>/i);
        }
      }
    }
  });

  it('never hard-code a cluster\'s CIDR or DNS Service IP in a command', () => {
    for (const c of CAUSES) for (const s of c.fix) if (typeof s !== 'string') for (const t of texts(s)) expect(t, c.id).not.toMatch(/10\.244\.|10\.96\.0\.10/);
  });

  it('are applicable only with a command, never for the registry host or a person', () => {
    for (const c of CAUSES) {
      for (const src of c.fix) {
        if (typeof src === 'string') continue;
        const s = specOf(src);
        if (!s.manual) expect(s.run, `${c.id}: ${s.text}`).toBeTruthy();
        if (s.on === 'registry' || s.on === 'person') expect(s.manual, `${c.id}: ${s.text}`).toBeTruthy();
      }
    }
  });
});

describe('every lab fault\'s expected finding', () => {
  // The scope a diagnosis of the fault carries (lab/types.ts Fault.where): its node, a pod there
  // with its image, the registry of that image; a cluster fault has nodes and pods of its own kind.
  const SCOPES: Record<string, { nodes: string[]; pods: string[]; registry?: string }> = {
    node: { nodes: ['n2'], pods: ['shop/web-1'] },
    pod: { nodes: ['n2'], pods: ['shop/web-1'] },
    registry: { nodes: ['n2'], pods: ['shop/web-1'], registry: 'reg-tls.lab:5000' },
    cluster: { nodes: ['n2'], pods: ['kube-system/coredns-1'] },
  };
  // What the lab's API shows about that node and pod.
  const evidence = makeEvidence({
    cluster: {
      nodes: [node('n2', { addresses: [{ type: 'InternalIP', address: '10.99.0.12' }] })],
      pods: [pod('shop/web-1', 'reg-tls.lab:5000/apps/web:1.0', { node: 'n2', secrets: ['regcred'] }), pod('kube-system/coredns-1', 'reg-tls.lab:5000/coredns:1.11', { node: 'n2' })],
    },
  });
  const faults = labFaults();

  it('are all found', () => {
    expect(faults.length).toBeGreaterThan(40);
    for (const f of faults) {
      expect(CAUSES.some((c) => c.id === f.cause), f.id).toBe(true);
      expect(Object.keys(SCOPES), f.id).toContain(f.where);
    }
  });

  for (const f of faults) {
    it(`${f.id}: the catalog fix leaves no placeholder the finding's scope fills`, () => {
      const cause = CAUSES.find((c) => c.id === f.cause)!;
      const values = fixValues(SCOPES[f.where], {}, evidence);
      const steps = fillSteps(cause.fix, values);
      const left = steps.flatMap((s) => s.missing ?? []).filter((m) => FIX_VARIABLES[m].kind !== 'context');
      expect(left, steps.map((s) => s.text).join('\n')).toEqual([]);
      for (const s of steps) expect(`${s.text} ${s.run ?? ''} ${s.verify ?? ''}`).not.toMatch(/\{[a-z][A-Za-z0-9]*\}/);
    });
  }
});
