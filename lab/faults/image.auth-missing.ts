import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry } from '../registry/registries.js';
import { imageRef } from '../images/lab-images.js';

/** The registry wants credentials (htpasswd) and the pod has no imagePullSecrets at all. */
export default pullFault({
  description: 'a pod pulls from reg-auth (htpasswd) without any imagePullSecrets: 401 Unauthorized',
  where: 'pod',
  image: (lab) => imageRef(findRegistry(lab, 'reg-auth')),
});
