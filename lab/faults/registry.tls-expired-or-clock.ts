import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry, serveRegistryCert } from '../registry/registries.js';
import { imageRef } from '../images/lab-images.js';

/** reg-tls is restarted with a certificate (from the lab CA) that expired in 2021. */
export default pullFault({
  description: 'reg-tls serves a certificate that expired in 2021 (x509: certificate has expired or is not yet valid)',
  where: 'registry',
  image: (lab) => imageRef(findRegistry(lab, 'reg-tls')),
  setup: (lab) => serveRegistryCert(lab, 'expired'),
  teardown: (lab) => serveRegistryCert(lab, 'good'),
});
