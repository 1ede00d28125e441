import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry } from '../registry/registries.js';
import { restoreHostsToml, writeHostsToml } from '../runtime/containerd.js';
import { imageRef } from '../images/lab-images.js';

/** reg-http speaks plain HTTP but the node's hosts.toml says https:// (the http:// entry was lost). */
export default pullFault({
  description: 'the node\'s hosts.toml for reg-http names https:// instead of http://: server gave HTTP response to HTTPS client',
  where: 'node',
  image: (lab) => imageRef(findRegistry(lab, 'reg-http')),
  setup: async (lab, node) => {
    writeHostsToml(lab, node, findRegistry(lab, 'reg-http'), { forceHttps: true });
  },
  teardown: async (lab, node) => {
    restoreHostsToml(lab, node, findRegistry(lab, 'reg-http'));
  },
});
