import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry, startRegistryProcess, stopRegistryProcess } from '../registry/registries.js';
import { startFront, stopFront } from '../registry/fronts.js';
import { imageRef } from '../images/lab-images.js';

/** The registry throttles: 429 with Docker Hub's toomanyrequests body and rate-limit headers. */
export default pullFault({
  id: 'image.rate-limited',
  cause: 'image.rate-limited',
  description: 'reg-http answers 429 Too Many Requests (TOOMANYREQUESTS, ratelimit-remaining: 0) like Docker Hub',
  nodeBound: false,
  where: 'registry',
  image: (lab) => imageRef(findRegistry(lab, 'reg-http')),
  setup: async (lab) => {
    const reg = findRegistry(lab, 'reg-http');
    await stopRegistryProcess(lab, reg);
    await startFront(lab, 'http-429', reg, { mode: 'status', code: 429 });
  },
  teardown: async (lab) => {
    await stopFront(lab, 'http-429');
    await startRegistryProcess(lab, findRegistry(lab, 'reg-http'));
  },
});
