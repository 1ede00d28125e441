import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * overlaybd's registryfs (the lazy-pulling block device of containerd's accelerated-container-image): it reads
 * blobs with ranged HTTP GETs and logs each failed one with the registry's HTTP status as `ret=` or `code=`.
 * A 5xx there is the registry (or the cache in front of it) failing the request.
 */
export const OVERLAYBD_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.overlaybd-registryfs-5xx',
    cause: 'registry.server-error',
    re: /registryfs\.cpp:\d+\|[^\n]{0,80}(failed to fetch data \[ret=5\d\d\]|going to retry \[code=5\d\d\])/,
    anchors: ['registryfs.cpp'],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['registry.proxy'],
    check: 'the registry\'s own log for the blob requests at that time (a 503 from a cache or proxy in front of it names that one in its Server header: curl -sI https://<registry>/v2/)',
    source: 'containerd/overlaybd src/overlaybd/registryfs/registryfs.cpp (LOG_ERROR "Failed to fetch data ", VALUE(ret); "failed to perform HTTP GET, going to retry ", VALUE(code))',
    samples: [
      '2023/09/08 21:09:13|ERROR|th=00007F636DF956C0|/src/src/overlaybd/registryfs/registryfs.cpp:166|GET:Failed to fetch data [ret=502][url=https://reg.example/v2/app/blobs/sha256:3414]',
      '2023/08/22 23:39:23|WARN |th=00007F9284805280|/src/src/overlaybd/registryfs/registryfs.cpp:426|preadv:failed to perform HTTP GET, going to retry [code=503][offset=0][count=1048576][ret_len=0]errno=125(Operation canceled)',
    ],
    counterSamples: ['2023/09/08 21:09:13|ERROR|th=00007F636DF956C0|/src/src/overlaybd/registryfs/registryfs.cpp:166|GET:Failed to fetch data [ret=401][url=https://reg.example/v2/app/blobs/sha256:3414]'],
  }),
];
