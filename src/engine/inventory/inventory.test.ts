/**
 * The symptom inventory on its own and through diagnose(): each kind of symptom is seen, folded under
 * the cause that explains it, or reported as `unknown` (never healthy); healthy evidence yields none.
 */
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../classifier/index.js';
import { SIGNATURES } from '../../catalog/signatures.js';
import type { PodInfo, PodLogExcerpt } from '../../evidence/cluster.js';
import { makeEvidence } from '../../rules/rule-tester.js';
import { event, node, pod } from '../../rules/image/_fixtures.js';
import { RULES } from '../../rules/index.js';
import { diagnose } from '../diagnose.js';
import { collectSymptoms, hintsOf } from './collect.js';
import { renderText } from '../../report/text.js';

const { classify } = createClassifier(SIGNATURES);

const NOW = new Date('2026-11-27T12:00:00Z');
const judge = (cluster: Parameters<typeof makeEvidence>[0]['cluster']) => diagnose(makeEvidence({ cluster }), RULES, { now: NOW });

function log(ref: string, container: string, lines: string[], previous = false): PodLogExcerpt {
  const [namespace, p] = ref.split('/');
  return { namespace, pod: p, container, previous, source: `cluster-resources/pods/logs/${ref}/${container}.log`, lines, droppedLines: 0 };
}

function flannelPod(nodeName: string, st: Partial<PodInfo['statuses'][number]>): PodInfo {
  const p = pod(`kube-flannel/kube-flannel-ds-${nodeName}`, 'ghcr.io/flannel-io/flannel:v0.28.9', { node: nodeName, labels: { app: 'flannel' }, container: 'kube-flannel' });
  return { ...p, phase: 'Running', statuses: [{ ...p.statuses[0], ready: false, state: 'waiting', ...st }] };
}

describe('symptom inventory', () => {
  it('healthy evidence: no symptom, verdict healthy', () => {
    const r = judge({ nodes: [node('n1')], pods: [pod('shop/web-abcde', 'nginx:1.25')] });
    expect(r.inventory).toEqual({ seen: 0, explained: 0, unexplained: 0, symptoms: [] });
    expect(r.verdict).toBe('healthy');
  });

  it('pulls in back-off with only the bare events left: one unknown finding per image, naming every pod and node', () => {
    const pods = ['shop/web-aaaaa', 'shop/web-bbbbb'].map((ref, i) => pod(ref, 'reg.corp.example:5000/shop/web:2.0', { node: `n${i + 1}`, waiting: 'ImagePullBackOff', message: 'Back-off pulling image "reg.corp.example:5000/shop/web:2.0"' }));
    const events = [event('shop/web-aaaaa', 'BackOff', 'Back-off pulling image "reg.corp.example:5000/shop/web:2.0"', { type: 'Normal', count: 40 }), event('shop/web-aaaaa', 'Failed', 'Error: ImagePullBackOff', { count: 40 })];
    const r = judge({ nodes: [node('n1'), node('n2')], pods, events });
    expect(r.verdict).toBe('broken');
    const u = r.findings.filter((f) => f.cause === 'unknown');
    expect(u).toHaveLength(1);
    expect(u[0]).toMatchObject({ severity: 'error', registry: 'reg.corp.example:5000', pods: ['shop/web-aaaaa', 'shop/web-bbbbb'], nodes: ['n1', 'n2'], confidence: 0 });
    expect(u[0].fix).toEqual(
      expect.arrayContaining([
        expect.stringContaining('--field-selector involvedObject.kind=Pod,involvedObject.name=web-aaaaa'),
        'on node n1: crictl pull reg.corp.example:5000/shop/web:2.0 (the runtime\'s own error, as kubelet saw it)',
        'repeat the node commands on n2',
      ]),
    );
    // not Docker Hub: throttling is not a candidate
    expect(u[0].alternatives).not.toContain('image.rate-limited');
    expect(u[0].alternatives).toContain('image.auth-missing');
    expect(r.inventory).toMatchObject({ seen: 2, explained: 0, unexplained: 2 });
    expect(r.summary).toMatch(/^2 unexplained symptoms: 2 pods: shop\/web-aaaaa, shop\/web-bbbbb cannot pull reg\.corp\.example:5000\/shop\/web:2\.0/);
  });

  it('pulls failing alike on one registry are one finding, whatever the images; another registry is another', () => {
    const backoff = (ref: string, image: string) => pod(ref, image, { waiting: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` });
    const r = judge({ nodes: [node('n1')], pods: [backoff('a/x-aaaaa', 'reg.corp.example/a/x:1'), backoff('b/y-aaaaa', 'reg.corp.example/b/y:2'), backoff('c/z-aaaaa', 'quay.io/c/z:3')] });
    const u = r.findings.filter((f) => f.cause === 'unknown');
    expect(u.map((f) => [f.registry, f.pods.length, f.data.images])).toEqual([
      ['reg.corp.example', 2, 2],
      ['quay.io', 1, 1],
    ]);
    expect(u[0].message).toContain('cannot pull 2 images (reg.corp.example/a/x:1, reg.corp.example/b/y:2) from reg.corp.example');
  });

  it('a pull whose error a rule classifies is folded under that cause, not unknown', () => {
    const p = pod('shop/web-aaaaa', 'reg.corp.example/shop/web:2.0', { waiting: 'ErrImagePull', message: 'rpc error: code = NotFound desc = failed to pull and unpack image "reg.corp.example/shop/web:2.0": failed to resolve reference "reg.corp.example/shop/web:2.0": reg.corp.example/shop/web:2.0: not found' });
    const r = judge({ nodes: [node('n1')], pods: [p] });
    expect(r.findings.map((f) => f.cause)).toEqual(['image.not-found']);
    expect(r.inventory.symptoms).toEqual([expect.objectContaining({ kind: 'image-pull', explainedBy: 'image.not-found', finding: 1 })]);
  });

  it('a pull error the rules do not conclude on stays unknown, with what the text points to first', () => {
    const msg = 'rpc error: code = Unknown desc = failed to pull and unpack image "reg.corp.example/a:1": failed to resolve reference "reg.corp.example/a:1": Get "https://reg.corp.example/v2/": getaddrinfo EAI_AGAIN reg.corp.example';
    const s = collectSymptoms(makeEvidence({ cluster: { nodes: [node('n1')], pods: [pod('x/a-aaaaa', 'reg.corp.example/a:1', { waiting: 'ErrImagePull', message: msg })] } }), classify);
    expect(s).toHaveLength(1);
    expect(hintsOf(s[0], classify)[0]).toBe('registry.dns');
  });

  it('ContainerCreating with a sandbox/CNI event is a pod-start symptom; the node-wide CNI cause explains it', () => {
    const p = pod('shop/web-aaaaa', 'nginx:1.25', { waiting: 'ContainerCreating' });
    const sandbox = event('shop/web-aaaaa', 'FailedCreatePodSandBox', 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "abc": plugin type="flannel" failed (add): loadFlannelSubnetEnv failed: open /run/flannel/subnet.env: no such file or directory');
    const s = collectSymptoms(makeEvidence({ cluster: { nodes: [node('n1')], pods: [p], events: [sandbox] } }), classify);
    expect(s.map((x) => [x.kind, x.pod, x.node])).toEqual([['pod-start', 'shop/web-aaaaa', 'n1']]);
    // Without node evidence no rule can tell why subnet.env is absent: unknown, the text's cause first.
    const alone = judge({ nodes: [node('n1')], pods: [p], events: [sandbox] });
    expect(alone.inventory).toMatchObject({ seen: 1, unexplained: 1 });
    const u = alone.findings.find((f) => f.cause === 'unknown')!;
    expect(u).toMatchObject({ nodes: ['n1'], pods: ['shop/web-aaaaa'], data: { symptom: 'pod-start' } });
    expect(u.alternatives?.[0]).toBe('cni.subnet-env-missing');
    expect(u.fix).toContain('on node n1: flannel-doctor node (CNI config and binaries, subnet.env, cni0, IPAM state)');
    // The node has no podCIDR and flannel runs with --kube-subnet-mgr: the cause is known, the symptom folds under it.
    const fl = { ...pod('kube-flannel/kube-flannel-ds-zzzzz', 'ghcr.io/flannel-io/flannel:v0.28.9', { labels: { app: 'flannel' } }) };
    const r = judge({ nodes: [node('n1')], pods: [p, fl], events: [sandbox] });
    expect(r.inventory).toMatchObject({ seen: 1, explained: 1, unexplained: 0 });
    expect(r.inventory.symptoms[0]).toMatchObject({ pod: 'shop/web-aaaaa', explainedBy: 'flannel.no-pod-cidr' });
  });

  it('Pending with no event: a symptom only after 10 minutes (against the newest time in the evidence)', () => {
    const stuck = (created: string) => ({ ...pod('shop/web-aaaaa', 'nginx:1.25', { waiting: 'ContainerCreating', created }) });
    const recent = event('other/x-aaaaa', 'Pulled', 'Successfully pulled image', { type: 'Normal', last: '2026-11-27T12:00:00Z' });
    const young = collectSymptoms(makeEvidence({ cluster: { pods: [stuck('2026-11-27T11:55:00Z')], events: [recent] } }), classify);
    expect(young).toEqual([]);
    const old = collectSymptoms(makeEvidence({ cluster: { pods: [stuck('2026-11-27T10:00:00Z')], events: [recent] } }), classify);
    expect(old).toEqual([expect.objectContaining({ kind: 'pod-start', reason: 'ContainerCreating', detail: 'ContainerCreating for 2h with no event left to say why' })]);
    // a volume warning explains the wait, and it is not the network's: no symptom
    const mount = event('shop/web-aaaaa', 'FailedMount', 'MountVolume.SetUp failed for volume "data"');
    expect(collectSymptoms(makeEvidence({ cluster: { pods: [stuck('2026-11-27T10:00:00Z')], events: [recent, mount] } }), classify)).toEqual([]);
  });

  it('CrashLoopBackOff counts for flannel and CoreDNS only; an unexplained one names the previous log', () => {
    const fl = flannelPod('n1', { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container', restartCount: 12, lastTerminationReason: 'Error', lastExitCode: 1 });
    const app = { ...pod('shop/web-aaaaa', 'nginx:1.25'), statuses: [{ ...pod('shop/web-aaaaa', 'nginx:1.25').statuses[0], state: 'waiting' as const, reason: 'CrashLoopBackOff', ready: false }] };
    const logs = [log('kube-flannel/kube-flannel-ds-n1', 'kube-flannel', ['I1127 main.go:211] CLI flags config', 'E1127 main.go:333] Failed to create SubnetManager: something odd'], true)];
    const s = collectSymptoms(makeEvidence({ cluster: { nodes: [node('n1')], pods: [fl, app], podLogs: logs } }), classify);
    expect(s.map((x) => [x.kind, x.pod, x.component])).toEqual([['crash-loop', 'kube-flannel/kube-flannel-ds-n1', 'flannel']]);
    expect(s[0].evidence.map((e) => e.what)).toContain('E1127 main.go:333] Failed to create SubnetManager: something odd');
  });

  it('a node NotReady for its network is folded under the cause the node rule names', () => {
    const n = node('n2', { conditions: [{ type: 'Ready', status: 'False', reason: 'KubeletNotReady', message: 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized' }] });
    const r = judge({ nodes: [node('n1'), n], pods: [] });
    expect(r.inventory).toMatchObject({ seen: 1, explained: 1 });
    expect(r.inventory.symptoms[0]).toMatchObject({ kind: 'node-not-ready', node: 'n2', explainedBy: 'cni.config-missing' });
  });

  it('DNS failures in recent pod log lines are symptoms; an NXDOMAIN or an old failure is not', () => {
    const p = pod('shop/web-aaaaa', 'nginx:1.25');
    const timeout = 'dial tcp: lookup api.payments.example on 10.96.0.10:53: read udp 10.244.1.5:45000->10.96.0.10:53: i/o timeout';
    const nx = 'dial tcp: lookup nothing-here.shop.svc.cluster.local on 10.96.0.10:53: no such host';
    const fill = (n: number) => Array.from({ length: n }, (_, i) => `GET /health 200 ${i}`);
    const seen = (lines: string[]) => collectSymptoms(makeEvidence({ cluster: { pods: [p], podLogs: [log('shop/web-aaaaa', 'app', lines)] } }), classify);
    expect(seen([...fill(5), timeout])).toEqual([expect.objectContaining({ kind: 'dns-log', pod: 'shop/web-aaaaa', container: 'app', node: 'n1' })]);
    expect(seen([...fill(5), nx])).toEqual([]);
    expect(seen([timeout, ...fill(60)])).toEqual([]);
    const r = judge({ nodes: [node('n1')], pods: [p], podLogs: [log('shop/web-aaaaa', 'app', [timeout])] });
    expect(r.verdict).toBe('broken');
    expect(r.findings.find((f) => f.cause === 'unknown')).toMatchObject({ pods: ['shop/web-aaaaa'], data: { symptom: 'dns-log' } });
    expect(r.findings.find((f) => f.cause === 'unknown')!.fix[0]).toBe('on node n1: flannel-doctor probe dns (pod → Service IP → CoreDNS pods → upstream, each timed)');
  });

  it('an unknown finding ranks after the causes found at the same severity', () => {
    const a = pod('shop/web-aaaaa', 'reg.corp.example/shop/web:2.0', { waiting: 'ImagePullBackOff', message: 'Back-off pulling image "reg.corp.example/shop/web:2.0"' });
    const b = pod('shop/api-aaaaa', 'reg.corp.example/shop/api:2.0', { waiting: 'ErrImagePull', message: 'rpc error: code = NotFound desc = failed to pull and unpack image "reg.corp.example/shop/api:2.0": failed to resolve reference "reg.corp.example/shop/api:2.0": reg.corp.example/shop/api:2.0: not found' });
    const r = judge({ nodes: [node('n1')], pods: [a, b] });
    expect(r.findings.map((f) => f.cause)).toEqual(['image.not-found', 'unknown']);
    expect(r.summary).toMatch(/^1 root cause and 1 unexplained symptom; most likely: image\.not-found/);
  });

  it('the text report shows the symptoms section when one is unexplained, and not when all are explained', () => {
    const a = pod('shop/web-aaaaa', 'reg.corp.example/shop/web:2.0', { waiting: 'ImagePullBackOff', message: 'Back-off pulling image "reg.corp.example/shop/web:2.0"' });
    const b = pod('shop/api-aaaaa', 'reg.corp.example/shop/api:2.0', { waiting: 'ErrImagePull', message: 'rpc error: code = NotFound desc = failed to pull and unpack image "reg.corp.example/shop/api:2.0": failed to resolve reference "reg.corp.example/shop/api:2.0": reg.corp.example/shop/api:2.0: not found' });
    const both = renderText(judge({ nodes: [node('n1')], pods: [a, b] }));
    expect(both).toContain('Symptoms: 2 seen, 1 explained, 1 unexplained\n  - 1 pod (ErrImagePull) → 1. image.not-found\n  - 1 pod (ImagePullBackOff) → 2. unknown (unexplained)');
    expect(renderText(judge({ nodes: [node('n1')], pods: [b] }))).not.toContain('Symptoms:');
  });
});
