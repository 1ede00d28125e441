import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry } from '../registry/registries.js';
import { imageRef } from '../images/lab-images.js';

/** The pod references a pull secret that does not exist in its namespace; the pull goes anonymous. */
export default pullFault({
  description: 'a pod on reg-auth references imagePullSecrets regcred-missing, which does not exist',
  where: 'pod',
  image: (lab) => imageRef(findRegistry(lab, 'reg-auth')),
  secrets: () => ({ create: [], refs: ['regcred-missing'] }),
});
