import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry, registryCreds } from '../registry/registries.js';
import { imageRef } from '../images/lab-images.js';
import { dockerConfigSecret } from '../runtime/pull-credentials.js';

/** Right credentials under the wrong key (no port): kubelet matches no entry and pulls anonymously. */
export default pullFault({
  description: 'the pull secret has the right credentials under key reg-auth.<zone> (no :5000), so it never matches the image host',
  where: 'pod',
  image: (lab) => imageRef(findRegistry(lab, 'reg-auth')),
  secrets: (lab) => {
    const reg = findRegistry(lab, 'reg-auth');
    const c = registryCreds(lab);
    return { create: [dockerConfigSecret('default', 'regcred-wrong-host', reg.host.split(':')[0], c.username, c.password)], refs: ['regcred-wrong-host'] };
  },
});
