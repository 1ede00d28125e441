import { defineRule } from '../define-rule.js';
import type { FixStepSource } from '../../catalog/fix-types.js';
import type { ClusterEvidence, PullSecretInfo } from '../../evidence/cluster.js';
import { matchingKeys } from './_keyring.js';
import { authMissingFix, rewriteSecret, secretServer } from './_pull-secret-fix.js';
import { collectPullFailures, innermostError, nodesOf, registryDownProbe, REGISTRY_ANSWERS, type PullFailure } from './_pull-failures.js';

/** Node-level causes: the registry does not matter, so findings fold per node, not per registry. */
const NODE_CAUSES = new Set(['image.disk-full', 'runtime.unavailable']);

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
    'Reads the container waiting reason, the `Failed`/`InspectFailed`/`ErrImageNeverPull`/`BackOff` events and (Kubernetes ≥ 1.32) the back-off waiting message. Pull errors that the catalog does not recognise are not guessed at: they stay unreported here. Network, TLS and DNS causes of pull errors are reported by `registry/pull-failed`, and so is an auth or not-found answer from a registry that a probe found failing.',
  check({ cluster, classify, report, evidence: all }) {
    const nodeByName = new Map(cluster.nodes.map((n) => [n.name, n]));
    for (const f of collectPullFailures(cluster, classify)) {
      const base = { pod: f.podRef, image: f.image, registry: f.registry ?? '', container: f.container + (f.init ? ' (init)' : ''), reason: f.reason, node: f.node ?? 'unscheduled' };
      const scope: { nodes: string[]; pods: string[]; registry?: string } = { nodes: nodesOf(f), pods: [f.podRef], registry: f.registry };
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
      let cause = f.classification.cause as (typeof CLASSIFIED)[number];
      if (!CLASSIFIED.includes(cause) || !f.classifiedText) continue;
      // A probe found the registry itself failing: its 401/404 is not about the image; registry/pull-failed reports it.
      if (REGISTRY_ANSWERS.has(cause) && registryDownProbe(all.probes, f.registry, f.node)) continue;
      const evidence = [f.classifiedText, ...f.texts.filter((t) => t !== f.classifiedText && !/Back-off pulling image "[^"]*"\s*$/.test(t.what))];
      if (NODE_CAUSES.has(cause)) scope.registry = undefined;
      // A 401/denied reads the same for anonymous and refused pulls: a matching pull secret means credentials were sent.
      const sent = cause === 'image.auth-missing' ? sentCredentials(f, cluster.pullSecrets) : undefined;
      let fix: FixStepSource[] | undefined;
      if (sent) {
        cause = 'image.auth-rejected';
        evidence.push({ where: `secret ${sent.secret.namespace}/${sent.secret.name}`, what: `has credentials for ${f.registry} (key ${sent.key}): kubelet sent them and the registry refused` });
        const server = secretServer(f.parsed.ref, f.registry);
        if (server) fix = [rewriteSecret(sent.secret.name, sent.secret.namespace, server, f.parsed.ref, sent.secret, false, 'Rewrite secret {namespace}/{secret} keyed {server} with credentials the registry accepts, same name (the kubelet retries the pull with it on its own)'), 'If the registry still refuses them, grant the account pull (read) access to the repository in the registry.'];
      } else if (cause === 'image.auth-missing') fix = noSecretFix(f, cluster);
      const alternatives = f.classification.alternatives.map((a) => a.cause);
      if (cause === 'image.platform-mismatch') {
        const n = f.node ? nodeByName.get(f.node) : undefined;
        const platform = n ? `${n.operatingSystem ?? 'linux'}/${n.architecture ?? 'unknown architecture'}` : 'node platform unknown';
        report({ messageId: 'platform', cause, data: { ...base, platform }, ...scope, evidence, confidence: f.classification.confidence, alternatives, ...signatureOf(f, cause) });
        continue;
      }
      report({ messageId: 'pullFailed', cause, data: { ...base, detail: innermostError(f.classifiedText.what) }, ...scope, evidence, confidence: f.classification.confidence, alternatives, ...signatureOf(f, cause), ...(fix ? { fix } : {}) });
    }
  },
});

/** The signature that read the text, while the cause reported is still the one it named. */
const signatureOf = (f: PullFailure, cause: string) => (f.classification.signature && cause === f.classification.cause ? { signature: f.classification.signature } : {});

/** The pod's well-formed pull secret whose key matches the image, if any (facts §6). */
function sentCredentials(f: PullFailure, secrets: readonly PullSecretInfo[]): { secret: PullSecretInfo; key: string } | undefined {
  if (!f.parsed.ok) return undefined;
  for (const name of f.pod.imagePullSecrets) {
    const s = secrets.find((x) => x.namespace === f.pod.namespace && x.name === name);
    if (!s) continue;
    const keys = s.rawKeys.length ? s.rawKeys : s.registries;
    const m = matchingKeys(keys, f.parsed.ref)[0];
    if (m && !s.problems.some((p) => p.includes(m.key) || !keys.some((k) => p.includes(k)))) return { secret: s, key: m.key };
  }
  return undefined;
}

/**
 * An anonymous 401 of a pod that names no pull secret: a secret for the registry through the pod's
 * ServiceAccount. Not when the ServiceAccount already lists one for the registry (the pod predates it:
 * image/pull-credentials says so and re-creates the pod).
 */
function noSecretFix(f: PullFailure, cluster: Readonly<ClusterEvidence>): FixStepSource[] | undefined {
  if (!f.parsed.ok || f.pod.imagePullSecrets.length) return undefined;
  const ref = f.parsed.ref;
  const sa = cluster.serviceAccounts.find((x) => x.namespace === f.pod.namespace && x.name === (f.pod.serviceAccountName ?? 'default'));
  const listed = (sa?.imagePullSecrets ?? []).some((n) => {
    const s = cluster.pullSecrets.find((x) => x.namespace === f.pod.namespace && x.name === n);
    return s && matchingKeys(s.rawKeys.length ? s.rawKeys : s.registries, ref).length > 0;
  });
  return listed ? undefined : authMissingFix(f.pod, ref, f.registry, sa, cluster.pullSecrets);
}
