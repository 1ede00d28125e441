import type { PullSecretInfo } from '../evidence/cluster.js';

/** The raw Secret shape we accept (kube API, bundle, lab). */
export interface SecretObject {
  metadata?: { namespace?: string; name?: string; creationTimestamp?: string };
  type?: string;
  data?: Record<string, string>;
}

/**
 * Normalises an auths key the way kubelet's keyring does (facts §6): add https:// when no scheme,
 * drop a leading /v1/ or /v2/ path, keep host[:port][/path].
 */
export function normaliseRegistryKey(key: string): string {
  let k = key.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(k)) k = 'https://' + k;
  try {
    const u = new URL(k);
    let path = u.pathname;
    if (path.startsWith('/v1/') || path.startsWith('/v2/')) path = path.slice(3);
    path = path.replace(/^\/+|\/+$/g, '');
    return (u.host + (path ? '/' + path : '')).toLowerCase();
  } catch {
    return key.trim().toLowerCase();
  }
}

/** Reduces a pull secret to what can be shown: type, normalised auth hosts, problems. Never a value. */
export function summarisePullSecret(secret: SecretObject): PullSecretInfo {
  // Placeholder kept minimal: the cluster-source work replaces it with the full checks of facts §6.
  const info: PullSecretInfo = {
    namespace: secret.metadata?.namespace ?? '',
    name: secret.metadata?.name ?? '',
    type: secret.type,
    registries: [],
    rawKeys: [],
    problems: [],
    creationTimestamp: secret.metadata?.creationTimestamp,
  };
  return info;
}
