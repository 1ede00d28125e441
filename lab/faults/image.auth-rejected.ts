import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry, registryCreds } from '../registry/registries.js';
import { imageRef } from '../images/lab-images.js';
import { dockerConfigSecret } from '../runtime/pull-credentials.js';

/** The pull secret matches the registry but carries a stale password: kubelet sends it, 401. */
export default pullFault({
  description: 'a pod pulls from reg-auth with a pull secret whose password is wrong (401 with credentials sent)',
  where: 'pod',
  image: (lab) => imageRef(findRegistry(lab, 'reg-auth')),
  secrets: (lab) => {
    const reg = findRegistry(lab, 'reg-auth');
    const user = registryCreds(lab).username;
    return { create: [dockerConfigSecret('default', 'regcred-stale', reg.host, user, 'password-rotated-last-week')], refs: ['regcred-stale'] };
  },
});
