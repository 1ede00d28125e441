import type { FixStepSource } from '../../catalog/fix-types.js';
import type { PodInfo, PullSecretInfo, ServiceAccountInfo } from '../../evidence/cluster.js';
import type { EvidenceItem, Severity } from '../../findings/finding.js';
import { shq } from '../../fix/shell.js';
import { defineRule } from '../define-rule.js';
import { matchingKeys } from './_keyring.js';
import { recreatePod, rewriteSecret, secretServer } from './_pull-secret-fix.js';
import { collectPullFailures, nodesOf, type PullFailure } from './_pull-failures.js';

/** Pull errors a credential problem explains; with any other (DNS, TLS…) it is only a note. */
const CREDENTIAL_SHAPED = new Set(['unknown', 'image.auth-missing', 'image.auth-rejected', 'image.pullsecret-missing', 'image.pullsecret-wrong-registry', 'image.pullsecret-malformed']);
/** When the pod names the secret wrongly, creating it under that name is not what the operator wants. */
const MISSPELT = 'If the name is misspelt or the secret lives in another namespace, fix the name in the workload or service account, or copy the secret, instead.';
/** Some registries answer an anonymous pull of a private repository with "not found": maybe. */
const MAYBE_CREDENTIAL = new Set(['image.not-found']);

export default defineRule({
  id: 'image/pull-credentials',
  layer: 'image',
  description:
    'For each pod failing to pull: the credentials kubelet would send, from the pod\'s imagePullSecrets, matched to the image\'s registry by kubelet\'s keyring rules (missing secret, malformed secret, no key for the registry, service-account secrets that never reached the pod).',
  causes: ['image.pullsecret-missing', 'image.pullsecret-malformed', 'image.pullsecret-wrong-registry', 'image.auth-missing'],
  scope: 'cluster',
  needs: ['cluster.pods'],
  severity: 'error',
  messages: {
    missing: 'pod {pod} names imagePullSecret {secret}, which does not exist in namespace {namespace}',
    malformed: 'imagePullSecret {namespace}/{secret} of pod {pod} is unusable: {problem}',
    wrongRegistry: 'imagePullSecret {secrets} of pod {pod} has no credentials for {registry} (keys: {keys})',
    saLater:
      'service account {namespace}/{sa} lists imagePullSecrets {secrets}, but pod {pod} has none: they are copied only when a pod is created, and this pod predates them',
  },
  docs:
    'Matching follows kubelet: keys normalised (scheme optional, /v1/ or /v2/ dropped), ports must match, `*` covers one host label, the key path must prefix the repository path; Docker Hub images also use an `index.docker.io` key, never `registry-1.docker.io`. Judged only for pods that are failing to pull; severity error when the pull error is credential-shaped (denied, unauthorised, or unrecognised), warning when it is "not found" (some registries hide private repositories that way), info otherwise.',
  check({ cluster, classify, report }) {
    const secretsRead = cluster.read.includes('secrets');
    const secretByRef = new Map(cluster.pullSecrets.map((s) => [`${s.namespace}/${s.name}`, s]));
    const missing = new Set(cluster.missingSecrets);
    const saByRef = new Map(cluster.serviceAccounts.map((s) => [`${s.namespace}/${s.name}`, s]));
    const seen = new Set<string>();
    for (const f of collectPullFailures(cluster, classify)) {
      if (!f.parsed.ok) continue;
      const image = f.parsed.ref;
      // One verdict per pod and registry: several containers from one registry share the secrets.
      const key = `${f.podRef}|${f.registry}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const cause = f.classification.cause;
      const severity: Severity = CREDENTIAL_SHAPED.has(cause) ? 'error' : MAYBE_CREDENTIAL.has(cause) ? 'warning' : 'info';
      const ns = f.pod.namespace;
      const scope = { nodes: nodesOf(f), pods: [f.podRef], registry: f.registry, severity };
      const pullText = f.classifiedText ?? f.texts[0];
      const proof = (items: EvidenceItem[]) => (pullText ? [...items, pullText] : items);
      const base = { pod: f.podRef, namespace: ns, registry: f.registry ?? '', image: f.image };
      const server = secretServer(image, f.registry);

      const usable: PullSecretInfo[] = [];
      for (const name of f.pod.imagePullSecrets) {
        const ref = `${ns}/${name}`;
        const s = secretByRef.get(ref);
        if (!s) {
          if (missing.has(ref) || f.unretrievableSecrets.includes(name) || secretsRead) {
            report({
              messageId: 'missing',
              cause: 'image.pullsecret-missing',
              data: { ...base, secret: name },
              ...scope,
              evidence: proof([{ where: `pod ${f.podRef}`, what: `spec.imagePullSecrets names ${name}; no Secret ${ref} exists` }]),
              ...(server ? { fix: [rewriteSecret(name, ns, server, image, undefined, false, 'Create secret {namespace}/{secret} keyed {server}, the name the pod expects (the kubelet retries the pull with it on its own)'), MISSPELT] } : {}),
            });
          }
          continue;
        }
        const matched = matchingKeys(keysOf(s), image).map((m) => m.key);
        const problems = s.problems.filter((p) => !keysOf(s).some((k) => p.includes(k)) || matched.some((k) => p.includes(k)));
        if (problems.length) {
          report({
            messageId: 'malformed',
            cause: 'image.pullsecret-malformed',
            data: { ...base, secret: name, problem: problems[0] },
            ...scope,
            evidence: proof(problems.map((p) => ({ where: `secret ${ref}${s.type ? ` (type ${s.type})` : ''}`, what: p }))),
            ...(server ? { fix: [rewriteSecret(name, ns, server, image, s, true, 'Replace secret {namespace}/{secret} by a docker-registry secret keyed {server}, same name (the kubelet retries the pull with it on its own)')] } : {}),
          });
          continue;
        }
        usable.push(s);
      }
      if (usable.length) {
        const anyMatch = usable.some((s) => matchingKeys(keysOf(s), image).length > 0);
        if (!anyMatch) {
          const keys = [...new Set(usable.flatMap(keysOf))];
          report({
            messageId: 'wrongRegistry',
            cause: 'image.pullsecret-wrong-registry',
            data: { ...base, secrets: usable.map((s) => s.name).join(', '), keys: keys.join(', ') || 'none' },
            ...scope,
            evidence: proof(
              usable.map((s) => ({
                where: `secret ${s.namespace}/${s.name}`,
                what: `auths keys: ${keysOf(s).join(', ') || '(none)'}; image ${f.image} needs a key for ${f.registry}${hubNote(f)}`,
              })),
            ),
            fix: wrongRegistryFix(f, usable[0].name),
          });
        }
      }
      if (!f.pod.imagePullSecrets.length) saLater(f, saByRef.get(`${ns}/${f.pod.serviceAccountName ?? 'default'}`), secretByRef, base, scope, pullText, report);
    }
  },
});

function keysOf(s: PullSecretInfo): string[] {
  return s.rawKeys.length ? s.rawKeys : s.registries;
}

function hubNote(f: PullFailure): string {
  return f.parsed.ok && f.parsed.ref.dockerHub ? ' (docker.io, index.docker.io or https://index.docker.io/v1/; registry-1.docker.io does not match)' : '';
}

/** Rewrites the secret the pod already names, keyed by the image's registry exactly: the pod's reference keeps working. */
function wrongRegistryFix(f: PullFailure, secret: string): FixStepSource[] {
  const host = f.parsed.ok && f.parsed.ref.dockerHub ? 'https://index.docker.io/v1/' : f.registry;
  return [
    {
      step: 'secret.docker-registry',
      data: { secret, namespace: f.pod.namespace, ...(host ? { server: host } : {}) },
      text: 'Rewrite secret {secret} keyed {server} (the pod retries the pull on its own)',
    },
  ];
}

type Reporter = Parameters<Parameters<typeof defineRule>[0]['check']>[0]['report'];

/** The SA lists secrets but the pod has none: the SA changed after the pod was created. */
function saLater(
  f: PullFailure,
  sa: Readonly<ServiceAccountInfo> | undefined,
  secretByRef: Map<string, PullSecretInfo>,
  base: Record<string, string>,
  scope: { nodes: string[]; pods: string[]; registry?: string; severity: Severity },
  pullText: EvidenceItem | undefined,
  report: Reporter,
): void {
  if (!sa?.imagePullSecrets.length) return;
  const pod: Readonly<PodInfo> = f.pod;
  const later = sa.imagePullSecrets
    .map((n) => secretByRef.get(`${sa.namespace}/${n}`))
    .filter((s): s is PullSecretInfo => !!s?.creationTimestamp && !!pod.creationTimestamp && s.creationTimestamp > pod.creationTimestamp);
  const evidence: EvidenceItem[] = [
    { where: `serviceaccount ${sa.namespace}/${sa.name}`, what: `imagePullSecrets: ${sa.imagePullSecrets.join(', ')}` },
    { where: `pod ${f.podRef}`, what: `no imagePullSecrets; created ${pod.creationTimestamp ?? '(unknown)'}` },
    ...later.map((s) => ({ where: `secret ${s.namespace}/${s.name}`, what: `created ${s.creationTimestamp}, after the pod` })),
  ];
  if (pullText) evidence.push(pullText);
  report({
    messageId: 'saLater',
    cause: 'image.auth-missing',
    data: { ...base, sa: sa.name, secrets: sa.imagePullSecrets.join(', ') },
    ...scope,
    evidence,
    fix: [
      // only a pod with a controller comes back after a delete; a bare one is gone
      pod.ownerKind
        ? { step: 'pod.delete', data: { namespace: shq(pod.namespace), pod: shq(pod.name) }, text: `Recreate the pod so the service account's imagePullSecrets are copied in (its ${pod.ownerKind} makes a new one; or roll the owning workload)` }
        : recreatePod(pod, "so the service account's imagePullSecrets are copied in (it has no controller)"),
      `Or name the secret in the workload's pod template (spec.imagePullSecrets).`,
    ],
    confidence: later.length ? 0.9 : 0.7,
  });
}
