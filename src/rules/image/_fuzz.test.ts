/**
 * Robustness of the cluster-side rules: whatever the objects look like (missing fields, wrong types,
 * odd strings), the builders project them and no rule throws or leaves a placeholder unfilled.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { runRules } from '../../engine/run-rules.js';
import { clusterFromObjects } from '../../sources/objects/from-kube.js';
import { emptyEvidence } from '../../evidence/types.js';
import { RULES } from '../index.js';

const MINE = RULES.filter((r) => /^(image|registry|dns)\/|^flannel\/cluster-/.test(r.id) && r.scope === 'cluster');

const text = fc.oneof(
  fc.string(),
  fc.constantFrom('', 'nginx', 'ACTOKEY', 'reg.local:5000/a/b:1', 'docker.io/library/nginx@sha256:' + 'a'.repeat(64), '10.244.0.0/16', '10.0.2.15', 'not-a-cidr', '{', '{"Network":"10.244.0.0/16"}', '127.0.0.1', 'registry-1.docker.io', '*.example.com', 'kube-system', 'kube-flannel'),
);
const loose = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 3 }), fc.dictionary(text, text, { maxKeys: 3 }));
const labels = fc.oneof(fc.constant({ app: 'flannel' }), fc.constant({ 'k8s-app': 'kube-dns' }), fc.dictionary(text, text, { maxKeys: 2 }), loose);
const meta = fc.record({ name: fc.oneof(text, fc.constantFrom('kube-flannel-ds', 'kube-flannel-cfg', 'coredns', 'kube-dns', 'kubeadm-config')), namespace: fc.oneof(text, fc.constantFrom('kube-system', 'kube-flannel', 'shop')), labels, annotations: fc.oneof(fc.constant({ 'flannel.alpha.coreos.com/public-ip': '10.0.2.15' }), loose), creationTimestamp: text }, { requiredKeys: [] });
const container = fc.record({ name: text, image: text, imagePullPolicy: text, args: loose, resources: loose }, { requiredKeys: [] });
const cstatus = fc.record(
  {
    name: text,
    image: text,
    ready: loose,
    state: fc.oneof(loose, fc.record({ waiting: fc.record({ reason: fc.constantFrom('ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull', 'CrashLoopBackOff'), message: text }) })),
    lastState: fc.oneof(loose, fc.record({ terminated: fc.record({ reason: fc.constantFrom('OOMKilled', 'Error'), message: text, exitCode: fc.integer() }) })),
  },
  { requiredKeys: [] },
);
const obj = fc.oneof(
  fc.record({ kind: fc.constant('Node'), metadata: meta, spec: fc.record({ podCIDR: text, podCIDRs: loose, taints: loose }, { requiredKeys: [] }), status: fc.record({ conditions: fc.oneof(loose, fc.array(fc.record({ type: fc.constantFrom('Ready', 'DiskPressure', 'NetworkUnavailable'), status: fc.constantFrom('True', 'False', 'Unknown'), reason: text, message: text }), { maxLength: 3 })), addresses: loose, nodeInfo: loose }, { requiredKeys: [] }) }, { requiredKeys: ['kind'] }),
  fc.record({ kind: fc.constant('Pod'), metadata: meta, spec: fc.record({ nodeName: text, imagePullSecrets: fc.oneof(loose, fc.array(fc.record({ name: text }))), containers: fc.oneof(loose, fc.array(container, { maxLength: 2 })), initContainers: fc.array(container, { maxLength: 1 }) }, { requiredKeys: [] }), status: fc.record({ phase: text, conditions: loose, containerStatuses: fc.oneof(loose, fc.array(cstatus, { maxLength: 2 })) }, { requiredKeys: [] }) }, { requiredKeys: ['kind'] }),
  fc.record({ kind: fc.constant('Event'), metadata: meta, involvedObject: fc.record({ kind: fc.constantFrom('Pod', 'Node'), name: text, namespace: text, fieldPath: text }, { requiredKeys: [] }), reason: fc.constantFrom('Failed', 'BackOff', 'FailedToRetrieveImagePullSecret', 'ImageGCFailed', 'FailedCreatePodSandBox'), message: text, count: loose, type: fc.constantFrom('Warning', 'Normal') }, { requiredKeys: ['kind'] }),
  fc.record({ kind: fc.constant('ConfigMap'), metadata: meta, data: fc.oneof(loose, fc.record({ 'net-conf.json': text, Corefile: text, ClusterConfiguration: text }, { requiredKeys: [] })) }, { requiredKeys: ['kind'] }),
  fc.record({ kind: fc.constant('Secret'), metadata: meta, type: fc.constantFrom('kubernetes.io/dockerconfigjson', 'Opaque'), data: loose }, { requiredKeys: ['kind'] }),
  fc.record({ kind: fc.constant('DaemonSet'), metadata: meta, spec: loose, status: loose }, { requiredKeys: ['kind'] }),
  fc.record({ kind: fc.constantFrom('Service', 'Endpoints', 'ServiceAccount', 'Deployment'), metadata: meta, spec: loose, subsets: loose, imagePullSecrets: loose }, { requiredKeys: ['kind'] }),
);

it('no cluster-side rule throws on arbitrary objects', () => {
  let found = 0;
  fc.assert(
    fc.property(fc.array(obj, { maxLength: 12 }), (objects) => {
      const e = emptyEvidence(['bundle']);
      e.cluster = clusterFromObjects(objects as Record<string, unknown>[]);
      const { findings } = runRules(e, MINE);
      found += findings.length;
      expect(findings.filter((f) => f.cause === 'tool.rule-error').map((f) => f.message)).toEqual([]);
      // Every placeholder of the template is filled (the rendered text itself may quote a "{A}" from the objects).
      for (const f of findings) {
        const template = MINE.find((r) => r.id === f.ruleId)!.messages[f.messageId];
        for (const [, name] of template.matchAll(/\{(\w+)\}/g)) expect(f.data, `${f.ruleId}/${f.messageId}`).toHaveProperty(name);
      }
    }),
    { numRuns: 300 },
  );
  // The generator reaches the rules' interesting paths, not only empty evidence.
  expect(found).toBeGreaterThan(20);
});
