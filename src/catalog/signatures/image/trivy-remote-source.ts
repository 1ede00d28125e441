import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Trivy (v0.74.0) scanning an image straight from its registry (`trivy image --image-src remote`): the fetch is
 * go-containerregistry's, and Trivy lists each image source's failure as a bullet "* remote error: <error>" under
 * "unable to find the specified image … in ["remote"]", or fails later while it streams and unpacks a layer.
 * Read by running Trivy against docker-registry 2.8.2 with an altered blob and a Python stand-in that closed a
 * manifest body early (issue 13, reading "scanners").
 */
export const TRIVY_REMOTE_SOURCE_SIGNATURES: Signature[] = [
  sig({
    id: 'image.trivy-remote-unexpected-eof',
    cause: 'registry.server-error',
    // The remote source's bullet with go-containerregistry's bare io.ErrUnexpectedEOF: the registry's answer ended
    // before its Content-Length (the registry, or a proxy or cache in front of it, cut the body).
    re: /\* remote error: unexpected eof(?![^\n])/,
    anchors: ['remote error: unexpected eof'],
    confidence: 0.5,
    specificity: 80,
    alternatives: ['flannel.mtu', 'registry.proxy', 'registry.mirror-misconfigured'],
    check: 'curl -v straight to the registry for the same manifest or blob: a body shorter than its Content-Length there is the registry (or its ingress); complete there but short through the proxy or overlay is the path (proxy limits, MTU)',
    source: 'aquasecurity/trivy pkg/fanal/image (image sources tried in turn, each failure listed as "<source> error: %s"), go-containerregistry remote fetch returning io.ErrUnexpectedEOF; read with Trivy v0.74.0 against a stand-in that closed the body early',
    samples: [
      '* remote error: unexpected EOF',
      'FATAL\tFatal error\trun error: image scan error: scan error: unable to initialize a scan service: unable to initialize artifact: unable to initialize container image: unable to find the specified image "faults.fd.test:5008/reof/app:1.0" in ["remote"]: 1 error occurred:\n\t* remote error: unexpected EOF',
    ],
    counterSamples: ['* docker error: unable to inspect the image (app:1.0): Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?'],
  }),
  sig({
    id: 'image.trivy-layer-stream-corrupt',
    cause: 'registry.server-error',
    // Trivy reads a remote layer as it streams and unpacks it; bytes that do not inflate ("flate: corrupt input",
    // "gzip: invalid header") mean the blob served is not the blob named (a corrupted blob in the registry's
    // storage, or a cache or proxy in the path that altered or cut it). Trivy does not print a digest check here.
    re: /failed to analyze layer \(sha256:[0-9a-f]{12,64}\):[^\n]{0,200}?(flate: corrupt input|gzip: invalid header|zstd: (invalid|corrupt))/,
    anchors: ['failed to analyze layer'],
    also: ['flate: corrupt input', 'gzip: invalid header', 'zstd: '],
    confidence: 0.6,
    specificity: 85,
    alternatives: ['registry.mirror-misconfigured', 'registry.proxy'],
    check: 'fetch the layer straight from the registry and hash it (regctl blob get <repo> <digest> | sha256sum, or crane blob): a wrong hash there is the registry\'s storage (re-push the image); a right one there but wrong through the proxy or mirror is that cache',
    source: 'aquasecurity/trivy pkg/fanal/artifact/image ("failed to analyze layer (%s): %w"), pkg/fanal/walker ("failed to extract the archive: %w"), compress/flate CorruptInputError; read with Trivy v0.74.0 against docker-registry 2.8.2 whose blob data file was altered',
    samples: [
      'FATAL\tFatal error\trun error: image scan error: scan error: scan failed: failed analysis: analyze error: pipeline error: failed to analyze layer (sha256:fba411300647870ae7e7837c55083f74e5e75aada5f2811b34fb6448496a8ff0): walk error: failed to extract the archive: flate: corrupt input before offset 53',
      'failed to analyze layer (sha256:fba411300647870ae7e7837c55083f74e5e75aada5f2811b34fb6448496a8ff0): walk error: failed to extract the archive: gzip: invalid header',
    ],
    counterSamples: ['failed to analyze layer (sha256:fba411300647): walk error: open /tmp/x: permission denied', 'flate: corrupt input before offset 53'],
  }),
];
