import { pullFault } from '../runtime/image-fault-kit.js';
import { findRegistry, serveRegistryCert } from '../registry/registries.js';
import { imageRef } from '../images/lab-images.js';

/** reg-tls is restarted with a certificate (from the lab CA) naming another host only. */
export default pullFault({
  description: 'reg-tls serves a certificate for legacy-registry.<zone> only (x509: certificate is valid for …, not …)',
  where: 'registry',
  image: (lab) => imageRef(findRegistry(lab, 'reg-tls')),
  setup: (lab) => serveRegistryCert(lab, 'wrong-name'),
  teardown: (lab) => serveRegistryCert(lab, 'good'),
});
