import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry, startRegistryProcess, stopRegistryProcess } from '../registry/registries.js';
import { startFront, stopFront } from '../registry/fronts.js';
import { imageRef } from '../images/lab-images.js';

/** A middlebox accepts the TCP connection and then never speaks: Go gives up the TLS handshake after 10 s. */
export default pullFault({
  id: 'registry.tls-handshake-timeout',
  cause: 'registry.tls-handshake-timeout',
  description: 'replaces reg-tls:443 by a tarpit that accepts TCP and never answers the TLS ClientHello',
  nodeBound: false,
  where: 'registry',
  image: (lab) => imageRef(findRegistry(lab, 'reg-tls')),
  setup: async (lab) => {
    const reg = findRegistry(lab, 'reg-tls');
    await stopRegistryProcess(lab, reg);
    await startFront(lab, 'tls-tarpit', reg, { mode: 'tarpit' });
  },
  teardown: async (lab) => {
    await stopFront(lab, 'tls-tarpit');
    await startRegistryProcess(lab, findRegistry(lab, 'reg-tls'));
  },
});
