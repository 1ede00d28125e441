import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry } from '../registry/registries.js';
import { publishRegistryNames, withdrawRegistryName } from '../registry/registry-dns.js';
import { imageRef } from '../images/lab-images.js';

/** The site DNS loses the registry's record: the node's resolver answers NXDOMAIN (no such host). */
export default pullFault({
  description: 'removes reg-tls.<zone> from the lab DNS the nodes use; pulls fail with lookup …: no such host',
  where: 'registry',
  image: (lab) => imageRef(findRegistry(lab, 'reg-tls')),
  setup: async (lab) => {
    withdrawRegistryName(lab, findRegistry(lab, 'reg-tls').host.split(':')[0]);
  },
  teardown: async (lab) => {
    publishRegistryNames(lab);
  },
});
