import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Clients' own words for a proxy they cannot use: .NET names HTTP 407 by its enum (Docker.DotNet and
 * Testcontainers print `status code=ProxyAuthenticationRequired`), and a client that only speaks to http://
 * proxies refuses an https:// or socks proxy URL before any connection.
 */
export const PROXY_CLIENT_TEXT_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.proxy-407-dotnet-enum',
    cause: 'registry.proxy',
    // System.Net.HttpStatusCode.ProxyAuthenticationRequired is 407, which only a proxy sends.
    re: /status ?code[=: ]+\\?"?proxyauthenticationrequired\b|\bproxyauthenticationrequired \(407\)/,
    anchors: ['proxyauthenticationrequired'],
    confidence: 0.9,
    specificity: 95,
    source: '.NET System.Net.HttpStatusCode.ProxyAuthenticationRequired (407); Docker.DotNet DockerApiException "Docker API responded with status code={0}, response={1}"',
    samples: [
      "Docker API responded with status code=ProxyAuthenticationRequired, response=Please run 'docker login'",
      'Docker.DotNet.DockerApiException: Docker API responded with status code=ProxyAuthenticationRequired, response=',
    ],
    counterSamples: ['Docker API responded with status code=NotFound, response={"message":"No such image: app:1"}'],
  }),
  sig({
    id: 'registry.proxy-url-scheme-refused',
    cause: 'registry.proxy',
    // The proxy setting itself is wrong for this client (an https:// or socks5h:// URL where it takes http://).
    re: /configured proxy \S+ uses an unsupported protocol/,
    anchors: ['uses an unsupported protocol'],
    confidence: 0.9,
    specificity: 95,
    check: 'the proxy variables the program sees (env | grep -i proxy): set HTTPS_PROXY to an http:// URL of the proxy unless the client supports that scheme',
    source: 'clients that check the proxy URL\'s scheme before connecting ("configured proxy <url> uses an unsupported protocol")',
    samples: [
      '[ERROR][webview] failed to fetch CRDs: 0: configured proxy https://user:REDACTED@proxy.corp:443/ uses an unsupported protocol',
      'error: configured proxy socks5h://127.0.0.1:1080/ uses an unsupported protocol',
    ],
    counterSamples: ['Get "ftp://files.example/a": unsupported protocol scheme "ftp"'],
  }),
];
