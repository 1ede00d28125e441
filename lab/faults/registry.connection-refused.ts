import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry, startRegistryProcess, stopRegistryProcess } from '../registry/registries.js';
import { imageRef } from '../images/lab-images.js';

/** The registry process is down: its address answers TCP SYNs with RST (connection refused). */
export default pullFault({
  description: 'stops the reg-http registry process; pulls fail with dial tcp …:5000: connect: connection refused',
  where: 'registry',
  image: (lab) => imageRef(findRegistry(lab, 'reg-http')),
  setup: async (lab) => {
    await stopRegistryProcess(lab, findRegistry(lab, 'reg-http'));
  },
  teardown: async (lab) => {
    await startRegistryProcess(lab, findRegistry(lab, 'reg-http'));
  },
});
