import { defineRule } from '../define-rule.js';
import { collectPullFailures, innermostError, nodesOf } from './_pull-failures.js';

/** Causes this rule names from the pull error; registry/* and pull-secret rules cover the rest. */
const CLASSIFIED = [
  'image.not-found',
  'image.auth-missing',
  'image.auth-rejected',
  'image.rate-limited',
  'image.platform-mismatch',
  'image.disk-full',
  'runtime.unavailable',
] as const;

export default defineRule({
  id: 'image/pull-failed',
  layer: 'image',
  description:
    'Containers waiting in ErrImagePull, ImagePullBackOff, ErrImageNeverPull or InvalidImageName (init containers too): the pull error in the events and status is classified through the catalog.',
  causes: ['image.invalid-reference', 'image.never-pull-absent', ...CLASSIFIED],
  scope: 'cluster',
  needs: ['cluster.pods'],
  severity: 'error',
  messages: {
    pullFailed: '{image} cannot be pulled: {detail}',
    invalid: 'pod {pod} names an invalid image reference "{image}" for container {container}: {error}',
    neverPull: 'image {image} is not on node {node} and container {container} of pod {pod} has imagePullPolicy Never',
    platform: 'image {image} has no variant for node {node} ({platform}); pod {pod} cannot start container {container}',
  },
  docs:
    'Reads the container waiting reason, the `Failed`/`InspectFailed`/`ErrImageNeverPull`/`BackOff` events and (Kubernetes ≥ 1.32) the back-off waiting message. Pull errors that the catalog does not recognise are not guessed at: they stay unreported here. Network, TLS and DNS causes of pull errors are reported by `registry/pull-failed`.',
  check({ cluster, classify, report }) {
    const nodeByName = new Map(cluster.nodes.map((n) => [n.name, n]));
    for (const f of collectPullFailures(cluster, classify)) {
      const base = { pod: f.podRef, image: f.image, container: f.container + (f.init ? ' (init)' : ''), reason: f.reason, node: f.node ?? 'unscheduled' };
      const scope = { nodes: nodesOf(f), pods: [f.podRef], registry: f.registry };
      if (f.reason === 'InvalidImageName' || !f.parsed.ok) {
        const error = f.parsed.ok ? 'invalid reference format' : f.parsed.error;
        report({
          messageId: 'invalid',
          cause: 'image.invalid-reference',
          data: { ...base, error },
          ...scope,
          evidence: f.texts.length ? f.texts : [{ where: `pod ${f.podRef} container ${f.container}`, what: `image "${f.image}": ${error}` }],
          confidence: 0.95,
        });
        continue;
      }
      if (f.reason === 'ErrImageNeverPull') {
        const policy = f.pod.containers.find((c) => c.name === f.container && c.init === f.init)?.imagePullPolicy ?? 'Never';
        report({
          messageId: 'neverPull',
          cause: 'image.never-pull-absent',
          data: base,
          ...scope,
          evidence: [{ where: `pod ${f.podRef} container ${f.container}`, what: `imagePullPolicy: ${policy}, waiting: ErrImageNeverPull` }, ...f.texts],
          confidence: 0.95,
        });
        continue;
      }
      const cause = f.classification.cause as (typeof CLASSIFIED)[number];
      if (!CLASSIFIED.includes(cause) || !f.classifiedText) continue;
      const evidence = [f.classifiedText, ...f.texts.filter((t) => t !== f.classifiedText && !/Back-off pulling image "[^"]*"\s*$/.test(t.what))];
      const alternatives = f.classification.alternatives.map((a) => a.cause);
      if (cause === 'image.platform-mismatch') {
        const n = f.node ? nodeByName.get(f.node) : undefined;
        const platform = n ? `${n.operatingSystem ?? 'linux'}/${n.architecture ?? 'unknown architecture'}` : 'node platform unknown';
        report({ messageId: 'platform', cause, data: { ...base, platform }, ...scope, evidence, confidence: f.classification.confidence, alternatives });
        continue;
      }
      report({ messageId: 'pullFailed', cause, data: { ...base, detail: innermostError(f.classifiedText.what) }, ...scope, evidence, confidence: f.classification.confidence, alternatives });
    }
  },
});
