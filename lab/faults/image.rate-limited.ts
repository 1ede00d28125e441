import { pullFault } from '../runtime/image-fault-kit.js';
import { frontInPlaceOf } from '../registry/fronts.js';

/** The registry throttles: 429 with Docker Hub's toomanyrequests body and rate-limit headers. */
export default pullFault({
  description: 'reg-http answers 429 Too Many Requests (TOOMANYREQUESTS, ratelimit-remaining: 0) like Docker Hub',
  where: 'registry',
  ...frontInPlaceOf('reg-http', 'http-429', { mode: 'status', code: 429 }),
});
