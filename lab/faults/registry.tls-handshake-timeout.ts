import { pullFault } from '../runtime/image-fault-kit.js';
import { frontInPlaceOf } from '../registry/fronts.js';

/** A middlebox accepts the TCP connection and then never speaks: Go gives up the TLS handshake after 10 s. */
export default pullFault({
  description: 'replaces reg-tls:443 by a tarpit that accepts TCP and never answers the TLS ClientHello',
  where: 'registry',
  ...frontInPlaceOf('reg-tls', 'tls-tarpit', { mode: 'tarpit' }),
});
