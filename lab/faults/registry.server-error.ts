import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry, startRegistryProcess, stopRegistryProcess } from '../registry/registries.js';
import { startFront, stopFront } from '../registry/fronts.js';
import { imageRef } from '../images/lab-images.js';

/** The registry is up but broken: every request gets HTTP 500 with a registry error body. */
export default pullFault({
  id: 'registry.server-error',
  cause: 'registry.server-error',
  description: 'reg-http answers every request with 500 Internal Server Error (storage backend down)',
  nodeBound: false,
  where: 'registry',
  image: (lab) => imageRef(findRegistry(lab, 'reg-http')),
  setup: async (lab) => {
    const reg = findRegistry(lab, 'reg-http');
    await stopRegistryProcess(lab, reg);
    await startFront(lab, 'http-500', reg, { mode: 'status', code: 500 });
  },
  teardown: async (lab) => {
    await stopFront(lab, 'http-500');
    await startRegistryProcess(lab, findRegistry(lab, 'reg-http'));
  },
});
