import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * tinyproxy refusing a CONNECT, as a Go client behind it prints the refusal. Read from containerd 2.4.2 and 1.6.20
 * (crictl pull, ctr images pull) with HTTPS_PROXY pointing at tinyproxy 1.11.1 set to refuse (issue 13).
 */
export const TINYPROXY_CONNECT_REPLY_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.tinyproxy-connect-refused',
    cause: 'registry.proxy',
    // Go's transport, when a proxy answers CONNECT with anything but 200, closes the tunnel and returns the reason
    // phrase alone; the request's url.Error then reads `Head "<url>": <phrase>`. tinyproxy answers its own refusals
    // with its own phrases — 403 "Filtered" (a Filter rule matched the host) and 403 "Access violation" (the port is
    // not in ConnectPort, or the client is not in Allow) — which no registry sends: the proxy in the runtime's
    // environment refuses to tunnel to the registry. tinyproxy's own ACL check (the node's address matches no Allow
    // line) answers 403 "Access denied" instead, read from containerd 2.4.2 under kubelet 1.36.3 (rkubeletpulls);
    // a registry's own 403 reads `unexpected status … 403 Forbidden`, never the bare phrase after the URL.
    re: /\b(head|get|post|put|patch) \\?"https:\/\/[^"\s\\]+\\?": (filtered|access violation|access denied)(?=\\?"|(?![^\n]))/,
    anchors: ['": filtered', '": access violation', '": access denied'],
    confidence: 0.85,
    specificity: 80,
    check: 'the proxy the runtime uses (systemctl show containerd -p Environment, HTTPS_PROXY): its Filter list and ConnectPort lines allow the registry on 443, or put the registry in NO_PROXY',
    source: 'Go net/http transport.go dialConn (CONNECT answered with a status other than 200: errors.New(reason phrase)); tinyproxy reqs.c ("Filtered", "Access violation", "Access denied")',
    samples: [
      'ctr: failed to resolve image: failed to do request: Head "https://registry.lab/v2/lab/big/manifests/67": Filtered',
      'Failed to pull image "reg.rkp.lab/team/busybox:1": failed to pull and unpack image "reg.rkp.lab/team/busybox:1": failed to resolve image: failed to do request: Head "https://reg.rkp.lab/v2/team/busybox/manifests/1": Access denied',
      'E1207 12:39:58.402114     159 kuberuntime_image.go:43] "Failed to pull image" err="failed to pull and unpack image \\"open.rkp.lab/busybox:nope\\": failed to resolve image: failed to do request: Head \\"https://open.rkp.lab/v2/busybox/manifests/nope\\": Access denied" image="open.rkp.lab/busybox:nope"',
      'ctr: failed to resolve reference "registry.lab/lab/big:79": failed to do request: Head "https://registry.lab/v2/lab/big/manifests/79": Access violation',
      'time="2026-12-07T09:07:20Z" level=error msg="pulling image: failed to pull and unpack image \\"registry.lab/lab/big:66\\": failed to resolve image: failed to do request: Head \\"https://registry.lab/v2/lab/big/manifests/66\\": Filtered"',
    ],
    counterSamples: [
      'ctr: failed to resolve image: failed to do request: Head "https://registry.lab/v2/lab/big/manifests/73": Unauthorized',
      'Error: the request was filtered by the registry policy',
      'Error response from daemon: access denied',
    ],
  }),
  sig({
    id: 'registry.tinyproxy-upstream-unreachable',
    cause: 'registry.proxy',
    // tinyproxy chained to an upstream proxy (its Upstream line) answers a CONNECT it could not pass on with its own
    // phrase "Unable to connect to upstream proxy", and Go's transport returns the phrase alone after the URL. The
    // fault is the proxy chain itself (the upstream proxy down, refused or unresolvable from the first proxy), never
    // the registry: the request did not leave the proxies.
    re: /\b(head|get|post|put|patch) \\?"https:\/\/[^"\s\\]+\\?": unable to connect to upstream proxy/,
    anchors: ['unable to connect to upstream proxy'],
    confidence: 0.88,
    specificity: 85,
    check: 'the proxy the client uses and its own Upstream setting (tinyproxy.conf Upstream http host:port): that upstream proxy must be up and reachable from the first proxy\'s host',
    source: 'tinyproxy reqs.c (connect to the upstream proxy failed: "Unable to connect to upstream proxy") and Go net/http transport.go dialConn (CONNECT answered with another status than 200 fails with the reason phrase alone); read with skopeo 1.9.3 and regctl 0.11.7 behind tinyproxy 1.11.1 whose Upstream did not listen',
    samples: [
      'level=fatal msg="Error parsing image name \\"docker://registry.fd.test:5000/fd/app:1.0\\": pinging container registry registry.fd.test:5000: Get \\"https://registry.fd.test:5000/v2/\\": Unable to connect to upstream proxy"',
      'failed to get manifest registry.fd.test:5000/fd/app:1.0: Get "https://registry.fd.test:5000/v2/fd/app/manifests/1.0": Unable to connect to upstream proxy',
    ],
    counterSamples: ['Error response from daemon: Get "https://refused.rc.test/v2/": Unable to connect'],
  }),
];
