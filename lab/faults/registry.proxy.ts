import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry, registryZone } from '../registry/registries.js';
import { restartRuntime } from '../runtime/containerd.js';
import { imageRef } from '../images/lab-images.js';

/** containerd on the node was given HTTP(S)_PROXY to a proxy that is gone; restarted to take effect. */
export default pullFault({
  description: 'restarts the node\'s containerd with HTTPS_PROXY/HTTP_PROXY=http://proxy.<zone>:3128, where nothing listens (proxyconnect tcp …)',
  where: 'node',
  image: (lab) => imageRef(findRegistry(lab, 'reg-tls')),
  setup: async (lab, node) => {
    const proxy = `http://proxy.${registryZone(lab)}:3128`;
    await restartRuntime(lab, node, { env: { HTTPS_PROXY: proxy, HTTP_PROXY: proxy } });
  },
  teardown: async (lab, node) => {
    await restartRuntime(lab, node);
  },
});
