import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry } from '../registry/registries.js';

/** Upper case in the repository path: kubelet cannot parse the name and never asks the runtime. */
export default pullFault({
  description: 'a pod runs reg-http.<zone>:5000/lab/App:1.0 (upper case in the path): InvalidImageName',
  where: 'pod',
  image: (lab) => `${findRegistry(lab, 'reg-http').host}/lab/App:1.0`,
});
