import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/** A proxy given with https:// is reached over TLS first: its own certificate is then checked like a server's. */
const PROXY_TLS_SUBJECT = {
  title: 'The HTTPS proxy\'s own certificate is refused',
  explanation:
    'The proxy variable names the proxy with https://, so Go\'s HTTP client opens TLS to the proxy before it asks it for a tunnel (proxyconnect), and checks the proxy\'s certificate as it would a server\'s. A proxy whose certificate the client does not trust, or one issued for another name, fails there, before any request reaches the registry or the API server.',
  fix: [
    'See which proxy the failing process was given: env | grep -i _proxy for a shell, systemctl show containerd docker kubelet -p Environment for the node\'s daemons.',
    'If the proxy speaks plain HTTP on that port (the usual case), write it with http:// in HTTP_PROXY and HTTPS_PROXY; TLS to the registry still goes through the tunnel.',
    'If the proxy really serves TLS, add the CA that issued its certificate to the node\'s trust store (update-ca-certificates or update-ca-trust), and use the name its certificate was issued for.',
  ],
  verify: ['curl -v --proxy https://<proxy>:<port> https://registry-1.docker.io/v2/', 'openssl s_client -connect <proxy>:<port> -showcerts </dev/null'],
};

/**
 * Proxy configuration as Go's HTTP client, kubectl, kubeadm and systemd report it: the TLS handshake to a proxy
 * named with https://, a proxy's refusal under kubectl's connection wrapper, kubeadm's warning sentences without
 * their preflight tag, a runtime's proxy drop-in that systemd ignores, a proxy's error page in a body the registry
 * client could not parse.
 */
export const PROXY_CONFIG_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.proxycfg-proxy-tls-untrusted',
    cause: 'registry.tls-untrusted',
    // net/http wraps every error of its connection to the proxy in a net.OpError{Op: "proxyconnect"}: with a proxy
    // URL of scheme https that includes the TLS handshake to the proxy itself. The certificate refused is the
    // proxy's, read by its mechanism (the trust store), and the proxy is the candidate (its scheme written https://).
    re: /proxyconnect tcp: (tls: failed to verify certificate: )?x509: (certificate signed by unknown authority|certificate is not trusted|.{0,80}unknown authority)/,
    anchors: ['proxyconnect tcp: tls: failed to verify', 'proxyconnect tcp: x509'],
    confidence: 0.8,
    specificity: 97,
    alternatives: ['registry.proxy'],
    check: 'the scheme of the proxy the process was given (env | grep -i _proxy; systemctl show containerd docker kubelet -p Environment): https:// makes the client check the proxy\'s own certificate; http:// is right for an ordinary proxy, otherwise the proxy\'s CA belongs in the node\'s trust store',
    source: 'Go net/http Transport.dialConn (wrapErr: &net.OpError{Op: "proxyconnect"} around the TLS handshake to an https proxy); crypto/x509 UnknownAuthorityError',
    subject: PROXY_TLS_SUBJECT,
    samples: [
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": proxyconnect tcp: tls: failed to verify certificate: x509: certificate signed by unknown authority',
      'failed to do request: Head "https://registry.k8s.io/v2/pause/manifests/3.10": proxyconnect tcp: x509: certificate signed by unknown authority',
    ],
    counterSamples: ['Get "https://registry-1.docker.io/v2/": tls: failed to verify certificate: x509: certificate signed by unknown authority', 'proxyconnect tcp: dial tcp 10.0.0.1:3128: connect: connection refused'],
  }),
  sig({
    id: 'registry.proxycfg-proxy-tls-name',
    cause: 'registry.tls-name-mismatch',
    // The same handshake to an https proxy, refused because the proxy's certificate names another host than the
    // one in the proxy URL (an address instead of the name, or a second name of the proxy).
    re: /proxyconnect tcp: (tls: failed to verify certificate: )?x509: (certificate is valid for|certificate is not valid for any names|cannot validate certificate for \S+ because it doesn't contain any ip sans)/,
    anchors: ['proxyconnect tcp: tls: failed to verify', 'proxyconnect tcp: x509'],
    confidence: 0.8,
    specificity: 97,
    alternatives: ['registry.proxy'],
    check: 'the proxy URL the process was given (env | grep -i _proxy): with https:// the proxy\'s certificate must carry the host written there; an ordinary proxy is written with http://',
    source: 'Go net/http Transport.dialConn (proxyconnect around the TLS handshake to an https proxy); crypto/x509 HostnameError',
    subject: PROXY_TLS_SUBJECT,
    samples: [
      'failed to do request: Head "https://quay.io/v2/jetstack/cert-manager-controller/manifests/v1.17.2": proxyconnect tcp: tls: failed to verify certificate: x509: certificate is valid for squid.corp.example, not proxy.corp.example',
      'Unable to connect to the server: proxyconnect tcp: x509: cannot validate certificate for 10.20.0.1 because it doesn\'t contain any IP SANs',
    ],
    counterSamples: ['Unable to connect to the server: x509: certificate is valid for 10.96.0.1, not 192.168.1.5'],
  }),
  sig({
    id: 'registry.proxycfg-proxy-tls-expired',
    cause: 'registry.tls-expired-or-clock',
    // The https proxy's own certificate out of its validity window (or the node's clock wrong).
    re: /proxyconnect tcp: (tls: failed to verify certificate: )?x509: certificate has expired or is not yet valid/,
    anchors: ['proxyconnect tcp: tls: failed to verify', 'proxyconnect tcp: x509'],
    confidence: 0.8,
    specificity: 97,
    alternatives: ['registry.proxy'],
    check: 'date -u on the node against the proxy certificate\'s dates (openssl s_client -connect <proxy>:<port> </dev/null | openssl x509 -noout -dates); an ordinary proxy is written with http://, which skips this handshake',
    source: 'Go net/http Transport.dialConn (proxyconnect around the TLS handshake to an https proxy); crypto/x509 CertificateInvalidError (Expired)',
    subject: PROXY_TLS_SUBJECT,
    samples: [
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": proxyconnect tcp: tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-12-01T10:14:07Z is after 2026-11-30T23:59:59Z',
      'Get "https://ghcr.io/v2/": proxyconnect tcp: x509: certificate has expired or is not yet valid',
    ],
    counterSamples: ['Get "https://ghcr.io/v2/": x509: certificate has expired or is not yet valid'],
  }),
  sig({
    id: 'registry.proxycfg-kubectl-proxy-refusal',
    cause: 'registry.proxy',
    // kubectl's "Unable to connect to the server" carries the transport error of its request. A proxy speaks in it
    // three ways only a proxy can: net/http returns the reason phrase of a CONNECT answered with 407 or with the
    // proxy's own "Tunnel Connection Failed", and the SOCKS dialer names its own operation ("socks connect tcp").
    re: /unable to connect to the server: (proxy authentication required|tunnel connection failed|socks (connect|bind) tcp )/,
    anchors: ['unable to connect to the server: proxy', 'unable to connect to the server: tunnel', 'unable to connect to the server: socks'],
    confidence: 0.9,
    specificity: 98,
    alternatives: ['node.firewall'],
    check: 'the proxy kubectl was given (env | grep -i _proxy, and proxy-url in the kubeconfig\'s cluster entry): the API server\'s address belongs in NO_PROXY, or the proxy needs credentials and must allow CONNECT to port 6443',
    source: 'Go net/http Transport.dialConn (CONNECT answered with a status other than 200: errors.New(reason phrase)); net/http socks dialer (net.OpError Op "socks connect"); kubectl "Unable to connect to the server: %v"',
    samples: [
      'Unable to connect to the server: Proxy Authentication Required',
      'Unable to connect to the server: Tunnel Connection Failed',
      'Unable to connect to the server: socks connect tcp 127.0.0.1:1080->10.0.0.10:6443: unknown error general SOCKS server failure',
    ],
    counterSamples: ['Unable to connect to the server: dial tcp 10.0.0.10:6443: i/o timeout', 'Unable to connect to the server: Forbidden'],
  }),
  sig({
    id: 'registry.proxycfg-kubeadm-uses-proxy',
    cause: 'registry.proxy',
    // kubeadm's HTTPProxy and HTTPProxyCIDR preflight checks, as their sentences appear without the "[WARNING ...]"
    // tag (a klog line, a log collector, a quote): Go's proxy selection would send the API server's or the cluster
    // ranges' traffic through the proxy, because NO_PROXY does not except them.
    re: /connection to \\*"[^"\\]+\\*" uses proxy \\*"[^"\\]*\\*"\. (if that is not intended, adjust your proxy settings|this may lead to malfunctional cluster setup)/,
    anchors: ['uses proxy'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['registry.connect-timeout'],
    check: 'NO_PROXY of the shell that ran kubeadm and of the containerd and kubelet units (systemctl show containerd kubelet -p Environment): it must list the node addresses, the Pod and Service CIDRs, and .svc,.cluster.local',
    source: 'kubeadm preflight HTTPProxyCheck ("Connection to %q uses proxy %q. If that is not intended, adjust your proxy settings") and HTTPProxyCIDRCheck ("connection to %q uses proxy %q. This may lead to malfunctional cluster setup. …")',
    samples: [
      'Connection to "https://192.168.56.10" uses proxy "http://10.0.2.2:3128". If that is not intended, adjust your proxy settings',
      'W1201 10:02:40.118201    5521 checks.go:534] connection to "10.96.0.0/12" uses proxy "http://10.20.0.1:3128". This may lead to malfunctional cluster setup. Make sure that Pod and Services IP ranges specified correctly as exceptions in proxy configuration',
    ],
    counterSamples: ['Connection to "https://192.168.56.10" established'],
  }),
  sig({
    id: 'registry.proxycfg-dropin-ignored',
    cause: 'registry.proxy',
    // systemd's parser skipping a line of a unit's proxy drop-in (http-proxy.conf under <unit>.service.d: no
    // [Service] header, Environment= under [Unit], spaces around "=", a list with spaces unquoted), or any proxy
    // variable it refuses: the runtime or kubelet then runs without the proxy, or without its NO_PROXY exceptions.
    re: /\.service\.d\/[\w.-]*proxy[\w.-]*\.conf:\d+: (assignment outside of section|unknown key( name)? |unknown section |missing '='|invalid environment assignment)|invalid environment assignment, ignoring: \\?"?(https?|no|all)_proxy\b/,
    anchors: ['proxy.conf:', 'invalid environment assignment, ignoring: '],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['registry.connect-timeout'],
    check: 'systemctl show <unit> -p Environment (containerd, docker, kubelet): the proxy variables must be there; the drop-in needs a [Service] header and lines like Environment="HTTPS_PROXY=http://proxy:3128" "NO_PROXY=localhost,10.96.0.0/12,.svc", with no spaces around =; the unit reads it only after systemd reloads its units',
    source: 'systemd conf-parser ("Assignment outside of section. Ignoring.", "Unknown key name \'%s\' in section \'%s\', ignoring.") and load-fragment config_parse_environ ("Invalid environment assignment, ignoring: %s")',
    samples: [
      'Dec 01 10:14:07 node1 systemd[1]: /etc/systemd/system/containerd.service.d/http-proxy.conf:1: Assignment outside of section. Ignoring.',
      'Dec 01 10:14:07 node1 systemd[1]: /etc/systemd/system/docker.service.d/http-proxy.conf:2: Unknown key name \'Environment\' in section \'Unit\', ignoring.',
      '/etc/systemd/system/kubelet.service.d/proxy.conf:2: Invalid environment assignment, ignoring: "NO_PROXY=10.0.0.0/8, 10.96.0.0/12"',
      'systemd[1]: /etc/systemd/system/containerd.service.d/override.conf:3: Invalid environment assignment, ignoring: HTTPS_PROXY = http://proxy.corp.example:3128',
    ],
    counterSamples: ['/etc/systemd/system/kubelet.service.d/10-kubeadm.conf:5: Invalid environment assignment, ignoring: KUBELET_EXTRA_ARGS = --node-ip=10.0.0.5', '/etc/systemd/system/containerd.service.d/http-proxy.conf'],
  }),
  sig({
    id: 'registry.proxycfg-proxy-page-unparsed',
    cause: 'registry.proxy',
    // The Docker client reports a non-JSON error body as "error parsing HTTP <status> response body" and quotes
    // it: when the quoted page is a proxy's own (Squid's error page title or its "(squid/<version>)" signature,
    // Websense's block page), the proxy answered in the registry's place.
    re: /error parsing http \d{3} response body: [\s\S]{0,600}?(the requested url could not be retrieved|\(squid\/\d|blocked by websense)/,
    anchors: ['requested url could not be retrieved', '(squid/', 'blocked by websense'],
    confidence: 0.8,
    specificity: 96,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'the proxy the Docker daemon uses (systemctl show docker -p Environment): the registry\'s host belongs in NO_PROXY, or the proxy\'s ACL must allow it',
    source: 'docker/distribution client ("error parsing HTTP %d response body: %v: %q") quoting a Squid error page (ERR_* template title, "(squid/<version>)" footer)',
    samples: [
      'Error response from daemon: error parsing HTTP 403 response body: invalid character \'<\' looking for beginning of value: "<!DOCTYPE html PUBLIC \\"-//W3C//DTD HTML 4.01//EN\\">\\n<html><head>\\n<title>ERROR: The requested URL could not be retrieved</title>"',
      'error parsing HTTP 407 response body: invalid character \'<\' looking for beginning of value: "<html><body>Generated Mon, 01 Dec 2026 10:14:07 GMT by proxy.corp.example (squid/6.10)</body></html>"',
    ],
    counterSamples: ['error parsing HTTP 403 response body: invalid character \'<\' looking for beginning of value: "<html><head><title>403 Forbidden</title></head></html>"'],
  }),
  sig({
    id: 'registry.pac-file-unfetchable',
    cause: 'registry.proxy',
    // Docker Desktop evaluates the system's proxy auto-config before each connection; when the PAC file itself cannot
    // be fetched (a WPAD host that does not resolve off the corporate network) it refuses the connection. The lookup that
    // failed is the PAC host's, not the registry's.
    re: /rejecting \S+ because traffic from evaluating pac file/,
    anchors: ['because traffic from evaluating pac file'],
    confidence: 0.9,
    specificity: 96,
    check: 'the proxy settings Docker Desktop uses (Settings > Resources > Proxies, or the system\'s automatic proxy configuration): the PAC/WPAD URL must be reachable from this network — off the corporate network, switch to manual or no proxy',
    source: 'Docker Desktop proxy (PAC evaluation: "rejecting %s because traffic from evaluating PAC file: …")',
    samples: [
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": rejecting registry-1.docker.io:443 because traffic from evaluating PAC file: getting PAC interpreter: Get "http://wpad/wpad.dat": dial tcp: lookup wpad: no such host',
      'rejecting ghcr.io:443 because traffic from evaluating PAC file: getting PAC interpreter: Get "https://pac.corp.example/proxy.pac": dial tcp 10.1.1.1:443: i/o timeout',
    ],
    counterSamples: ['Error response from daemon: Get "https://registry-1.docker.io/v2/": proxyconnect tcp: dial tcp 10.0.0.1:3128: connect: connection refused'],
  }),
];
