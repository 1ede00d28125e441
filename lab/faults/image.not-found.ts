import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry } from '../registry/registries.js';
import { imageRef } from '../images/lab-images.js';

/** The pod names a tag the registry never had: the registry answers 404 to the manifest HEAD. */
export default pullFault({
  description: 'a pod runs lab/app:9.9-missing from reg-http, a tag that was never pushed (404 manifest unknown)',
  where: 'pod',
  image: (lab) => imageRef(findRegistry(lab, 'reg-http'), 'lab/app', '9.9-missing'),
});
