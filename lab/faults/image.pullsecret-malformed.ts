import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry } from '../registry/registries.js';
import { imageRef } from '../images/lab-images.js';

/** A dockerconfigjson secret whose JSON is cut short: kubelet ignores it and pulls anonymously. */
export default pullFault({
  description: 'the pod\'s pull secret is type kubernetes.io/dockerconfigjson with truncated JSON',
  where: 'pod',
  image: (lab) => imageRef(findRegistry(lab, 'reg-auth')),
  secrets: (lab) => {
    const host = findRegistry(lab, 'reg-auth').host;
    const broken = `{"auths":{"${host}":{"auth":"bGFidXNlcjpzZWNyZXQ="`; // truncated by a bad copy-paste
    return {
      create: [{ kind: 'Secret', apiVersion: 'v1', type: 'kubernetes.io/dockerconfigjson', metadata: { name: 'regcred-broken', namespace: 'default' }, data: { '.dockerconfigjson': Buffer.from(broken).toString('base64') } }],
      refs: ['regcred-broken'],
    };
  },
});
