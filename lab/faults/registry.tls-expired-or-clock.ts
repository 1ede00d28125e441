import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry, startRegistryProcess, stopRegistryProcess, writeRegistryCert } from '../registry/registries.js';
import { imageRef } from '../images/lab-images.js';

/** reg-tls is restarted with a certificate (from the lab CA) that expired in 2021. */
export default pullFault({
  id: 'registry.tls-expired-or-clock',
  cause: 'registry.tls-expired-or-clock',
  description: 'reg-tls serves a certificate that expired in 2021 (x509: certificate has expired or is not yet valid)',
  nodeBound: false,
  where: 'registry',
  image: (lab) => imageRef(findRegistry(lab, 'reg-tls')),
  setup: async (lab) => {
    const reg = findRegistry(lab, 'reg-tls');
    writeRegistryCert(lab, reg, 'expired');
    await stopRegistryProcess(lab, reg);
    await startRegistryProcess(lab, reg);
  },
  teardown: async (lab) => {
    const reg = findRegistry(lab, 'reg-tls');
    writeRegistryCert(lab, reg, 'good');
    await stopRegistryProcess(lab, reg);
    await startRegistryProcess(lab, reg);
  },
});
