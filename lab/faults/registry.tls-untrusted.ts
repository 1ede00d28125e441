import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry } from '../registry/registries.js';
import { restoreHostsToml, writeHostsToml } from '../runtime/containerd.js';
import { imageRef } from '../images/lab-images.js';

/** The node's hosts.toml for reg-tls lost its `ca` line: the lab CA is not trusted on that node. */
export default pullFault({
  description: 'rewrites certs.d/reg-tls.<zone>/hosts.toml on the node without ca = …: x509: certificate signed by unknown authority',
  where: 'node',
  image: (lab) => imageRef(findRegistry(lab, 'reg-tls')),
  setup: async (lab, node) => {
    writeHostsToml(lab, node, findRegistry(lab, 'reg-tls'), {});
  },
  teardown: async (lab, node) => {
    restoreHostsToml(lab, node, findRegistry(lab, 'reg-tls'));
  },
});
