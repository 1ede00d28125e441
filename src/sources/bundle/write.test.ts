import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterFromObjects } from '../objects/from-kube.js';
import { emptyEvidence } from '../../evidence/types.js';
import { readBundle } from './read.js';
import { writeBundle } from './write.js';

/** `bundle collect` keeps what the diagnosis needs and no secret: arguments, commands, messages and annotations of real-looking workloads. */
const dir = mkdtempSync(join(tmpdir(), 'fd-bundle-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const C = {
  argPw: 'CANARY-argpw-91ab',
  pg: 'CANARY-pg-72cd',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJjYW5hcnkiOiJ5ZXMifQ.Q0FOQVJZLWp3dA',
  redis: 'CANARY-redis-3e4f',
  term: 'CANARY-term-5a6b',
  ghp: 'ghp_CANARYcanaryCANARYcanary0123456789',
  ann: 'CANARY-annotation-8c9d',
};

function objects(): Record<string, unknown>[] {
  return [
    {
      kind: 'Node',
      metadata: { name: 'n1', annotations: { 'flannel.alpha.coreos.com/public-ip': '10.0.0.1', 'kubectl.kubernetes.io/last-applied-configuration': `{"env":"${C.ann}"}`, 'example.com/db-config': C.ann } },
      spec: { podCIDR: '10.244.1.0/24' },
      status: { addresses: [{ type: 'InternalIP', address: '10.0.0.1' }] },
    },
    {
      kind: 'Pod',
      metadata: { namespace: 'shop', name: 'api', uid: 'u1' },
      spec: { nodeName: 'n1', containers: [{ name: 'api', image: 'reg.example/api:1', command: ['sh', '-c', `PGPASSWORD=${C.pg} psql -h db`], args: ['--db-password', C.argPw, `--cache=redis://:${C.redis}@redis:6379`] }] },
      status: { phase: 'Running', containerStatuses: [{ name: 'api', image: 'reg.example/api:1', ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, message: `auth failed for token ${C.jwt}` } } }] },
    },
    {
      kind: 'Event',
      metadata: { namespace: 'shop', name: 'e1' },
      involvedObject: { kind: 'Pod', namespace: 'shop', name: 'api' },
      reason: 'Failed',
      type: 'Warning',
      message: `Error: git clone https://${C.ghp}@github.com/o/r failed; client_secret=${C.term}`,
    },
  ];
}

describe('bundle collect: what is kept', () => {
  it('no secret in arguments, commands, messages or annotations; flannel annotations and the rest kept; README says so', async () => {
    const ev = emptyEvidence(['kube']);
    ev.cluster = clusterFromObjects(objects());
    const out = join(dir, 'b');
    await writeBundle(ev, out, 'test');
    const text = readFileSync(join(out, 'evidence.json'), 'utf8');
    for (const c of Object.values(C)) expect(text).not.toContain(c);
    const back = (await readBundle(out)).evidence.cluster!;
    expect(back.nodes[0].annotations).toEqual({ 'flannel.alpha.coreos.com/public-ip': '10.0.0.1' });
    expect(back.pods[0].containers[0].args).toEqual(['--db-password', '[REDACTED]', '--cache=redis://[REDACTED]@redis:6379']);
    expect(back.events[0].message).toMatch(/^Error: git clone https:\/\/.*github\.com\/o\/r failed; client_secret=\[REDACTED\]$/);
    const readme = readFileSync(join(out, 'README.md'), 'utf8');
    expect(readme).toMatch(/Left out:.*node\s+annotations other than flannel/s);
    expect(JSON.parse(readFileSync(join(out, 'flannel-doctor-bundle.json'), 'utf8')).files).toEqual(['evidence.json', 'README.md']);
  });
});
