import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry } from '../registry/registries.js';
import { imageRef } from '../images/lab-images.js';

/** imagePullPolicy Never for an image the node does not have (it is removed from the node first). */
export default pullFault({
  description: 'a pod with imagePullPolicy: Never runs lab/app:1.0, which is not on the node (ErrImageNeverPull)',
  where: 'pod',
  imagePullPolicy: 'Never',
  image: (lab) => imageRef(findRegistry(lab, 'reg-http'), 'lab/app', '1.0'),
});
