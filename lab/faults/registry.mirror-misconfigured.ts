import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry, registryZone } from '../registry/registries.js';
import { restoreHostsToml, writeHostsToml } from '../runtime/containerd.js';
import { imageRef } from '../images/lab-images.js';

/**
 * Pulls must go through a pull-through mirror (the upstream only accepts pushes from CI), and the
 * node's hosts.toml names a mirror port where nothing runs: every resolve goes to the dead mirror.
 */
export default pullFault({
  description: 'the node\'s hosts.toml for reg-http sends pull/resolve to mirror http://reg-mirror.<zone>:5000 (nothing listens) and leaves the server push-only',
  where: 'node',
  image: (lab) => imageRef(findRegistry(lab, 'reg-http')),
  setup: async (lab, node) => {
    writeHostsToml(lab, node, findRegistry(lab, 'reg-http'), {
      mirror: { url: `http://reg-mirror.${registryZone(lab)}:5000`, capabilities: ['pull', 'resolve'] },
      serverCapabilities: ['push'],
    });
  },
  teardown: async (lab, node) => {
    restoreHostsToml(lab, node, findRegistry(lab, 'reg-http'));
  },
});
