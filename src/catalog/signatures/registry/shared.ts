import { REGISTRY_CONTEXT, REGISTRY_V2_PATH, besidePull } from '../context.js';

// Where a TLS failure is the registry's: a pull, a login or a registry URL on the same line. The same x509
// texts come from admission webhooks, kubectl and applications, which are not an image pull, so a bare x509
// line answers the registry cause below 0.9 with the check that tells the client apart.
export const inRegistryContext = (tls: RegExp): RegExp => new RegExp(`${REGISTRY_CONTEXT}[^\\n]{0,800}?(?<key>${tls.source})`);
/**
 * Earlier on the line, a pull's own words: a timeout or a cancel after them is the pull's. Old Docker clients
 * also walk the v1 registry API (/v1/repositories/<name>/images) before a pull.
 */
export const NEAR_PULL = String.raw`(pull|resolve|fetch|registry|${REGISTRY_V2_PATH}|manifests|\/v1\/repositories\/)`;
export const WHICH_CLIENT = 'which client failed? an image pull or docker login names the registry (its /v2/ URL) and needs the registry\'s CA in /etc/containerd/certs.d/<host>/ca.crt (or /etc/docker/certs.d/<host>/ca.crt); the same x509 text from an admission webhook, kubectl or an application is that client and that server, not an image pull';
