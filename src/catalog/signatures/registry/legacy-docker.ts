import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Docker 1.x's registry client (the v1/v2 ping era) in the words it printed before it grew the messages the
 * newer signatures read: an endpoint that answered the TLS ping with EOF, a server address it could not parse.
 */
export const LEGACY_DOCKER_SIGNATURES: Signature[] = [
  sig({
    id: 'docker.legacy-ping-eof',
    cause: 'registry.http-to-https',
    // The daemon pinged https://<registry>/v1/_ping (or /v2/) and the server closed the connection: most often a
    // registry that speaks plain HTTP, as Docker's own hint says; a proxy or a registry not yet serving also do it.
    re: /(invalid registry endpoint|ping attempt failed with error)[^\n]{0,200}(\/_ping|\/v2\/): eof/,
    anchors: ['invalid registry endpoint', 'ping attempt failed'],
    confidence: 0.6,
    specificity: 88,
    alternatives: ['registry.tls-untrusted', 'registry.connection-refused', 'registry.server-error'],
    check: 'curl -v http://<registry>/v2/ and curl -v https://<registry>/v2/ from the node: an answer only over http means the daemon needs the registry in insecure-registries (or the registry TLS); no answer on either means it is not serving',
    source: 'Docker 1.x registry endpoint validation ("invalid registry endpoint %s: %v. If this private registry supports only HTTP or HTTPS with an unknown CA certificate, …")',
    samples: [
      'FATA[0002] Error: Invalid registry endpoint https://172.30.17.21:5000/v1/: Get https://172.30.17.21:5000/v1/_ping: EOF. If this private registry supports only HTTP or HTTPS with an unknown CA certificate, please add `--insecure-registry 172.30.17.21:5000` to the daemon\'s arguments.',
      'v2 ping attempt failed with error: Get https://docker.example.com:5000/v2/: EOF',
    ],
    counterSamples: ['v2 ping attempt failed with error: Get https://docker.example.com:5000/v2/: x509: certificate signed by unknown authority'],
  }),
  sig({
    id: 'docker.server-address-unparsable',
    cause: 'image.invalid-reference',
    // docker login (and the daemon's registry service) parses the server address it was given as a URL: a stray space,
    // a placeholder port or a path in it is the address as typed, not the registry.
    re: /unable to parse server address: /,
    anchors: ['unable to parse server address'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'the registry address given to docker login (or the tool that logs in for you): host[:port] only, without a scheme, path, spaces or a placeholder such as :port',
    source: 'moby registry service (ValidateIndexName / login: "unable to parse server address: %v")',
    samples: [
      'Error response from daemon: unable to parse server address: parse "https://registry.example.com:port": invalid port ":port" after host',
      'failed - 500 Server Error: Internal Server Error ("{"message":"unable to parse server address: parse https://********: invalid character \\" \\" in host name"}")',
    ],
    counterSamples: ['Login Succeeded'],
  }),
];
