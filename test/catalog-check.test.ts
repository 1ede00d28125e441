/**
 * The catalog as a whole, checked against the code, the lab and the docs: lists that must agree are
 * derived from their sources here, never kept in step by hand.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAUSES } from '../src/catalog/causes.js';
import { NODE_KEYS } from '../src/evidence/node.js';
import { PREFLIGHT_RULES } from '../src/preflight/index.js';
import { RULES } from '../src/rules/index.js';
import { FAULTS } from '../lab/faults/index.js';
import { faultIndexText } from '../lab/gen-fault-index.js';

const ROOT = join(import.meta.dirname, '..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

/** Files under `dir` (repository-relative) whose name ends with one of `exts`, tests left out. */
function files(dir: string, exts: string[]): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(join(ROOT, d))) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const p = join(d, name);
      if (statSync(join(ROOT, p)).isDirectory()) walk(p);
      else if (exts.some((e) => name.endsWith(e))) out.push(p);
    }
  };
  if (existsSync(join(ROOT, dir))) walk(dir);
  return out;
}

const ALL_RULES = [...RULES, ...PREFLIGHT_RULES];
const SOURCE_FILES = files('src', ['.ts']).filter((f) => !f.endsWith('.test.ts'));

describe('catalog check: every need is gathered by some source', () => {
  // What the sources can mark, read from the sources themselves.
  const kubeKinds = new Set([...read('src/sources/kube/gather.ts').matchAll(/(?:key: |getMany\()'(\w+)'/g)].map((m) => m[1]));
  const derivedKinds = new Set([...read('src/sources/objects/from-kube.ts').matchAll(/read\.add\('(\w+)'\)/g)].map((m) => m[1]));
  const probeKinds = new Set(SOURCE_FILES.flatMap((f) => [...read(f).matchAll(/ran\.push\('(\w+)'\)/g)].map((m) => m[1])));
  const nodeKeys = new Set<string>(NODE_KEYS);

  it('the sources mark something of each kind (the check below is not vacuous)', () => {
    expect(kubeKinds.size).toBeGreaterThan(5);
    expect([...probeKinds].sort()).toEqual(['bandwidth', 'dns', 'mesh', 'pcap', 'registry']);
  });

  for (const rule of ALL_RULES) {
    it(`${rule.id}: ${rule.needs.join(', ')}`, () => {
      for (const need of rule.needs) {
        const [area, key] = need.split(/\.(.*)/s);
        if (area === 'cluster') expect(kubeKinds.has(key) || derivedKinds.has(key), `${need}: a kind the kube source reads`).toBe(true);
        else if (area === 'node') expect(nodeKeys.has(key), `${need}: a key in NODE_KEYS (the host source marks only those)`).toBe(true);
        else if (area === 'probes') expect(probeKinds.has(key), `${need}: a probe some source runs`).toBe(true);
        else expect(need, 'a known evidence area').toBe('messages');
      }
    });
  }
});

describe('catalog check: every cause has a lab fault or a written reason', () => {
  const faultFiles = readdirSync(join(ROOT, 'lab/faults'));
  const faultIds = new Set(FAULTS.map((f) => f.id));
  const causeIds = new Set(CAUSES.map((c) => c.id));

  for (const c of CAUSES) {
    it(c.id, () => {
      if (faultIds.has(c.id)) expect(c.noLabFault, 'a lab fault exists: drop the reason').toBeUndefined();
      else expect(c.noLabFault?.trim().length ?? 0, 'no lab/faults file: noLabFault must say why').toBeGreaterThan(60);
    });
  }

  it('the fault list is derived: lab/faults/index.ts is the generator\'s output for the files on disk', () => {
    expect(read('lab/faults/index.ts'), 'run: npx tsx lab/gen-fault-index.ts').toBe(faultIndexText(faultFiles));
    expect(FAULTS.length).toBe(faultFiles.filter((f) => /^[a-z]+\.[a-z0-9-]+\.ts$/.test(f)).length);
  });

  it('each fault is named by the catalog cause it produces, and takes --node exactly when it is placed on a node', () => {
    expect(FAULTS.filter((f) => !causeIds.has(f.id) || f.cause !== f.id).map((f) => f.id)).toEqual([]);
    expect(FAULTS.filter((f) => f.nodeBound !== (f.where === 'node')).map((f) => f.id)).toEqual([]);
  });

  it('no fault file writes its own id, cause or node flag (they come from its name and place)', () => {
    const written = faultFiles.filter((f) => /^[a-z]+\.[a-z0-9-]+\.ts$/.test(f)).filter((f) => /^\s*(id|cause|nodeBound):/m.test(read(`lab/faults/${f}`)));
    expect(written).toEqual([]);
  });
});

/** Generated files a doc may name before their first run, each with the command that writes them. */
const NOT_YET: Record<string, string> = {
  // none: docs/lab-accuracy.md, the last one, was committed by the first full real-cluster run (1ed829a)
};

describe('catalog check: every docs reference resolves to a file in the repository', () => {
  const texts = [...files('src', ['.ts']), ...files('lab', ['.ts']), ...files('docs', ['.md']), 'README.md'].map((f) => ({ f, text: read(f) }));
  // facts §N citations: test/facts-citations.test.ts.

  it('every docs/… path in prose and code names a file that exists', () => {
    // Upstream paths are cited as TAG:docs/… or owner/repo:docs/… and are left alone.
    const refs = texts.flatMap(({ f, text }) => [...text.matchAll(/(?:^|[\s(["'`])(docs\/[\w./-]+\.md)/g)].map((m) => ({ f, p: m[1] })));
    expect(refs.length).toBeGreaterThan(3);
    expect(refs.filter((r) => !existsSync(join(ROOT, r.p)) && !(r.p in NOT_YET)).map((r) => `${relative(ROOT, join(ROOT, r.f))}: ${r.p}`)).toEqual([]);
  });
});
