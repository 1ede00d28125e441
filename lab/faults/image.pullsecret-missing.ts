import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry } from '../registry/registries.js';
import { imageRef } from '../images/lab-images.js';

/** The pod references a pull secret that does not exist in its namespace; the pull goes anonymous. */
export default pullFault({
  id: 'image.pullsecret-missing',
  cause: 'image.pullsecret-missing',
  description: 'a pod on reg-auth references imagePullSecrets regcred-missing, which does not exist',
  nodeBound: false,
  where: 'pod',
  image: (lab) => imageRef(findRegistry(lab, 'reg-auth')),
  secrets: () => ({ create: [], refs: ['regcred-missing'] }),
});
