import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry } from '../registry/registries.js';
import { imageRef } from '../images/lab-images.js';

/**
 * A dockerconfigjson secret whose auth field holds the password alone, base64-encoded without
 * "username:" — valid JSON, so the API server accepts it (it only checks that the data parses), but
 * kubelet's keyring cannot split it ("unable to parse auth field"), drops the secret and pulls anonymously.
 * (Truncated JSON is what the field also sees, but a real API server refuses to store it.)
 */
export default pullFault({
  description: 'the pod\'s pull secret is type kubernetes.io/dockerconfigjson whose auth field is base64 of the password alone (no username:)',
  where: 'pod',
  image: (lab) => imageRef(findRegistry(lab, 'reg-auth')),
  secrets: (lab) => {
    const host = findRegistry(lab, 'reg-auth').host;
    const broken = JSON.stringify({ auths: { [host]: { auth: Buffer.from('secret').toString('base64') } } });
    return {
      create: [{ kind: 'Secret', apiVersion: 'v1', type: 'kubernetes.io/dockerconfigjson', metadata: { name: 'regcred-broken', namespace: 'default' }, data: { '.dockerconfigjson': Buffer.from(broken).toString('base64') } }],
      refs: ['regcred-broken'],
    };
  },
});
