import type { FixStepRef, FixStepSource } from '../../catalog/fix-types.js';
import type { PodInfo, PullSecretInfo, ServiceAccountInfo } from '../../evidence/cluster.js';
import { shq } from '../../fix/shell.js';
import type { ImageReference } from '../../parsers/image-reference.js';
import { matchingKeys } from './_keyring.js';

/**
 * Exact fixes for pull credentials: the secret a pod names written with the operator's credentials
 * (secret inputs, never known to the tool), keyed by the image's registry exactly as kubelet matches it.
 */

/** The key kubelet matches for the image: host[:port] as the image names it; Docker Hub's legacy URL. */
export function secretServer(ref: ImageReference, registry: string | undefined): string | undefined {
  if (ref.dockerHub) return 'https://index.docker.io/v1/';
  return registry && /^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(registry) ? registry : undefined;
}

const KEEP_OTHERS = 'the secret also holds credentials for other registries, which a rewrite would drop: add the key for this registry by hand';

/**
 * The secret `name` rewritten with the operator's credentials, keyed `server`. `replace`: delete and
 * create (a wrong type cannot change in place); otherwise apply. Left to a person when the secret
 * holds keys for other registries, which the rewrite would lose.
 */
export function rewriteSecret(name: string, namespace: string, server: string, ref: ImageReference, existing: PullSecretInfo | undefined, replace: boolean, text: string): FixStepRef {
  const keys = existing ? (existing.rawKeys.length ? existing.rawKeys : existing.registries) : [];
  const others = keys.filter((k) => !matchingKeys([k], ref).length);
  return {
    step: replace ? 'secret.docker-registry-replace' : 'secret.docker-registry',
    data: { secret: shq(name), namespace: shq(namespace), server },
    text,
    ...(others.length ? { manual: KEEP_OTHERS } : {}),
  };
}

/** A pod made anew: its controller makes a new one after a delete; a bare pod is replaced from its own spec. */
export function recreatePod(pod: Readonly<PodInfo>, why: string): FixStepRef {
  const data = { namespace: shq(pod.namespace), pod: shq(pod.name) };
  return pod.ownerKind
    ? { step: 'pod.delete', data, text: `Delete pod {namespace}/{pod}: its ${pod.ownerKind} makes it anew ${why}` }
    : { step: 'pod.replace', data, text: `Make the bare pod {namespace}/{pod} anew from its own spec ${why}` };
}

/** A secret name for a registry: regcred-<host>[-<port>], a valid DNS subdomain. */
export function secretNameFor(registry: string): string {
  const host = registry.toLowerCase().replace(/:/g, '-').replace(/[^a-z0-9.-]/g, '-').replace(/^[.-]+|[.-]+$/g, '');
  return `regcred-${host}`.slice(0, 253).replace(/[.-]+$/, '');
}

/**
 * A pod with no imagePullSecrets pulling from a registry that wants credentials: a secret for the
 * registry, added to the pod's ServiceAccount (the list it had kept), then the pod made anew so the
 * ServiceAccount admission copies the secrets in. Undefined when the evidence lacks the
 * ServiceAccount (its current list would be overwritten) or the secret name is taken by another.
 */
export function authMissingFix(
  pod: Readonly<PodInfo>,
  ref: ImageReference,
  registry: string | undefined,
  sa: Readonly<ServiceAccountInfo> | undefined,
  secrets: readonly PullSecretInfo[],
): FixStepSource[] | undefined {
  const server = secretServer(ref, registry);
  if (!server || !sa) return undefined;
  const name = secretNameFor(ref.dockerHub ? 'docker.io' : server);
  const taken = secrets.find((s) => s.namespace === pod.namespace && s.name === name);
  if (taken && !matchingKeys(taken.rawKeys.length ? taken.rawKeys : taken.registries, ref).length) return undefined;
  const list = [...sa.imagePullSecrets.filter((n) => n !== name), name].map((n) => ({ name: n }));
  return [
    rewriteSecret(name, pod.namespace, server, ref, taken, false, 'Write secret {namespace}/{secret} keyed {server} with the registry account'),
    {
      step: 'serviceaccount.pull-secrets',
      data: { namespace: shq(pod.namespace), serviceAccount: shq(sa.name), secret: shq(name), patch: shq(JSON.stringify({ imagePullSecrets: list })) },
      text: `Add {secret} to the imagePullSecrets of ServiceAccount {namespace}/{serviceAccount}${sa.imagePullSecrets.length ? ` (kept: ${sa.imagePullSecrets.join(', ')})` : ''}`,
    },
    recreatePod(pod, 'with the ServiceAccount\'s pull secrets'),
    'Or name the secret in the workload\'s pod template (spec.imagePullSecrets) instead of the ServiceAccount.',
  ];
}
