import { pullFault } from '../runtime/image-fault-kit.js';
import { frontInPlaceOf } from '../registry/fronts.js';

/** The registry is up but broken: every request gets HTTP 500 with a registry error body. */
export default pullFault({
  description: 'reg-http answers every request with 500 Internal Server Error (storage backend down)',
  where: 'registry',
  ...frontInPlaceOf('reg-http', 'http-500', { mode: 'status', code: 500 }),
});
