import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry } from '../registry/registries.js';
import { imageRef } from '../images/lab-images.js';

/** A multi-arch index with only linux/arm64 and linux/s390x, pulled on an amd64 node. */
export default pullFault({
  description: 'a pod runs lab/armonly:1.0, an image index without linux/amd64 (no match for platform in manifest)',
  where: 'pod',
  image: (lab) => imageRef(findRegistry(lab, 'reg-http'), 'lab/armonly', '1.0'),
});
