import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * cargo fetching from a registry (crates.io, a sparse mirror by [source] replacement or [registries]) and git
 * dependencies through libgit2 or the git CLI, read from real runs of cargo 1.95 and git 2.39 against a loopback
 * sparse registry, git host, proxy and resolver. cargo's HTTP client is libcurl: "[<curl code>] <curl text> (<detail>)".
 */

const PROXY_PORT = '(?:3128|3129|8118|8888)';

export const CARGO_FETCH_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.cargo-http-5xx',
    cause: 'registry.server-error',
    // cargo's HTTP download (sparse index files, config.json, .crate downloads) got a 5xx from the registry.
    re: /failed to get successful http response from `[^`\n]+`(?: \([^)\n]{0,60}\))?, got 5\d\d\b/,
    anchors: ['failed to get successful http response'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['registry.proxy'],
    check: 'curl -sI <the URL in the error> from where cargo runs and from elsewhere: a 5xx everywhere is the registry or mirror failing (retry, or point the source replacement at another mirror); only from here, a proxy in between',
    source: 'cargo src/cargo/util/network/http.rs / sources/registry/http_remote.rs (HttpNotSuccessful: "failed to get successful HTTP response from `%s` (%s), got %d")',
    samples: [
      'warning: spurious network error (2 tries remaining): failed to get successful HTTP response from `https://rsproxy.cn/index/config.json` (47.246.23.218), got 503',
      'Caused by:\n  failed to get successful HTTP response from `https://crates.corp.example/api/v1/crates/itoa/1.0.11/download` (10.40.12.20), got 500\n  body:\n  <html><body><h1>500</h1></body></html>',
    ],
    counterSamples: ['failed to get successful HTTP response from `https://crates.corp.example/index/config.json` (10.40.12.20), got 403'],
  }),
  sig({
    id: 'registry.cargo-http-403',
    cause: 'unknown',
    // A 403 from the index or download URL: the registry refusing that client or token, or a filtering proxy's policy.
    re: /failed to get successful http response from `[^`\n]+`(?: \([^)\n]{0,60}\))?, got 403\b/,
    anchors: ['failed to get successful http response'],
    confidence: 0.5,
    specificity: 92,
    alternatives: ['image.auth-rejected', 'registry.proxy'],
    check: 'the body printed under the error (a registry\'s JSON error or a proxy\'s block page) and curl -sv <the URL> from where cargo runs: a proxy\'s page or Via header is the proxy\'s policy; the registry\'s own answer is the token ([registries.<name>] token / credential provider) lacking access',
    source: 'cargo HttpNotSuccessful ("failed to get successful HTTP response from `%s` (%s), got 403")',
    samples: [
      'Caused by:\n  failed to get successful HTTP response from `https://nexus.corp.example/repository/cargo-proxy/index/config.json` (10.40.12.9), got 403\n  body:\n  <html><body><h1>403</h1></body></html>',
      'failed to get successful HTTP response from `https://crates.corp.example/index/it/oa/itoa` (10.40.12.20), got 403',
    ],
    counterSamples: ['failed to get successful HTTP response from `https://crates.corp.example/index/config.json` (10.40.12.20), got 503'],
  }),
  sig({
    id: 'registry.cargo-download-404',
    cause: 'registry.mirror-misconfigured',
    // The index lists the version but its download URL (config.json's dl template + crate/version) is 404: the
    // mirror's dl setting points where the files are not, or the mirror lacks that file.
    re: /failed to get successful http response from `[^`\n]+(?:\/download|\.crate)`(?: \([^)\n]{0,60}\))?, got 404\b/,
    anchors: ['failed to get successful http response'],
    confidence: 0.6,
    specificity: 92,
    alternatives: ['image.not-found'],
    check: 'curl -s <index URL>config.json: its "dl" must be where the .crate files are served (curl -sI the download URL in the error); a mirror that lists a version it cannot serve is incomplete — resync it or use another',
    source: 'cargo sources/registry/download.rs with HttpNotSuccessful ("failed to download from `%s`" … "got 404")',
    samples: [
      'error: failed to download from `https://nexus.corp.example/api/v1/missing/itoa/1.0.11/download`\n\nCaused by:\n  failed to get successful HTTP response from `https://nexus.corp.example/api/v1/missing/itoa/1.0.11/download` (10.40.12.9), got 404',
      'failed to get successful HTTP response from `https://static.crates.corp.example/crates/serde/serde-1.0.210.crate` (10.40.12.21), got 404',
    ],
    counterSamples: ['failed to get successful HTTP response from `https://crates.corp.example/index/config.json` (10.40.12.20), got 404'],
  }),
  sig({
    id: 'registry.cargo-config-json-missing',
    cause: 'registry.mirror-misconfigured',
    // A sparse registry URL whose config.json answers 404: the source replacement's (or [registries]') URL is not a
    // sparse index root.
    re: /config\.json not found in registry/,
    anchors: ['config.json not found in registry'],
    confidence: 0.85,
    specificity: 93,
    check: 'the registry URL in .cargo/config.toml ([source.<name>] registry = "sparse+https://…/" or [registries.<name>] index): curl -sI <url>config.json must answer 200 — fix the path (a trailing /index/, the repository name in Nexus/Artifactory)',
    source: 'cargo sources/registry/http_remote.rs ("config.json not found in registry")',
    samples: [
      'Caused by:\n  failed to query replaced source registry `crates-io`\n\nCaused by:\n  config.json not found in registry',
      'error: failed to get `itoa` as a dependency of package `orders-api v0.1.0 (/src)`\nCaused by:\n  config.json not found in registry',
    ],
    counterSamples: ['Caused by:\n  download of config.json failed'],
  }),
  sig({
    id: 'registry.cargo-credential-provider-missing',
    cause: 'image.auth-missing',
    // The sparse registry answered 401 (or its config.json says auth-required) and cargo has no credential provider
    // configured to send a token.
    re: /authenticated registries require a credential-provider to be configured/,
    anchors: ['require a credential-provider'],
    confidence: 0.9,
    specificity: 94,
    check: 'cargo login --registry <name> with [registry] global-credential-providers = ["cargo:token"] in .cargo/config.toml (or CARGO_REGISTRIES_<NAME>_TOKEN in CI); a source replacement of crates-io must also be given the token',
    source: 'cargo util/auth ("authenticated registries require a credential-provider to be configured")',
    samples: [
      'Caused by:\n  failed to query replaced source registry `crates-io`\n\nCaused by:\n  authenticated registries require a credential-provider to be configured\n  see https://doc.rust-lang.org/cargo/reference/registry-authentication.html for details',
      'error: authenticated registries require a credential-provider to be configured',
    ],
    counterSamples: ['failed to get successful HTTP response from `https://crates.corp.example/index/config.json` (10.40.12.20), got 403'],
  }),
  sig({
    id: 'registry.cargo-no-matching-package',
    cause: 'image.not-found',
    // The index has no entry for the name: a misspelt dependency, or a mirror that does not carry it.
    re: /no matching package named `[^`\n]+` found[\s\S]{0,40}?location searched: `?[^\n]{0,80}index\b/,
    anchors: ['no matching package named'],
    confidence: 0.65,
    specificity: 90,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'the crate name on crates.io (cargo search <name>); a replacing mirror ("which is replacing registry") that lacks a crate crates.io has is incomplete or filtered — check it in the mirror\'s UI',
    source: 'cargo core/resolver/errors.rs ("no matching package named `%s` found", "location searched: %s")',
    samples: [
      'error: no matching package named `serde` found\nlocation searched: `corp-mirror` index (which is replacing registry `crates-io`)\nrequired by package `orders-api v0.1.0 (/src)`',
      'error: no matching package named `tokio-utls` found\nlocation searched: crates.io index\nrequired by package `app v0.1.0 (/app)`',
    ],
    counterSamples: ['error: no matching package named `acme-util` found\nlocation searched: Git repository https://git.corp.example/acme/acme-util.git'],
  }),
  sig({
    id: 'registry.cargo-checksum-mismatch',
    cause: 'registry.proxy',
    // The downloaded .crate's sha256 differs from the index's cksum: the bytes were changed on the way (a proxy or
    // cache serving another file, an HTML block page) or the mirror serves a different file than its index lists.
    re: /failed to verify the checksum of `[^`\n]+`/,
    anchors: ['failed to verify the checksum of'],
    confidence: 0.5,
    specificity: 90,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'curl -s <download URL> | sha256sum against the cksum in the index entry: through a proxy or cache, fetch it directly to compare; a mirror whose file and index disagree needs resyncing',
    source: 'cargo sources/registry/download.rs ("failed to verify the checksum of `%s`")',
    samples: [
      'error: failed to download replaced source registry `crates-io`\n\nCaused by:\n  failed to verify the checksum of `itoa v1.0.11 (registry `corp-mirror`)`',
      'error: failed to verify the checksum of `serde v1.0.210`',
    ],
    counterSamples: ['error: failed to download from `https://crates.corp.example/api/v1/crates/itoa/1.0.11/download`'],
  }),
  sig({
    id: 'registry.curl-proxy-connect-failed',
    cause: 'registry.proxy',
    // libcurl (cargo, libgit2's curl transport) failing to connect to a host that is a proxy by name or port: the
    // proxy setting (http.proxy, HTTPS_PROXY) names something that does not listen.
    re: new RegExp(`\\[7\\] (?:could not|couldn't) connect to server \\(failed to connect to (?:[\\w.-]*proxy[\\w.-]* port \\d+|[\\w.-]+ port ${PROXY_PORT}\\b)`),
    anchors: ['connect to server (failed to connect to'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['registry.connection-refused'],
    check: 'cargo config get http.proxy and env | grep -i proxy where cargo runs: nc -vz <proxy host> <port> — fix or remove the setting',
    source: 'libcurl CURLE_COULDNT_CONNECT ("Failed to connect to %s port %d after %d ms: %s") through cargo\'s "[%d] %s (%s)"',
    samples: [
      'Caused by:\n  [7] Could not connect to server (Failed to connect to proxy.corp.example port 3128 after 0 ms: Could not connect to server)',
      '[7] Couldn\'t connect to server (Failed to connect to 10.0.0.8 port 3128 after 2 ms: Connection refused)',
    ],
    counterSamples: ['[7] Could not connect to server (Failed to connect to crates.corp.example port 443 after 0 ms: Could not connect to server)'],
  }),
  sig({
    id: 'registry.curl-connect-timed-out',
    cause: 'registry.connect-timeout',
    // libcurl's connect phase timing out ("Connection timed out after N milliseconds"): no answer to the SYN from
    // the registry's address — a firewall dropping, a route out missing, a proxy the network requires.
    re: /\[28\] timeout was reached \((?:connection|connect) timed out after \d+ milli/,
    anchors: ['timeout was reached (connection timed out after', 'timeout was reached (connect timed out after'],
    confidence: 0.65,
    specificity: 90,
    alternatives: ['node.firewall', 'registry.proxy'],
    check: 'nc -vz -w5 <registry host> 443 and env | grep -i proxy where cargo runs: a timeout with no proxy set is a firewall or route; a site that reaches out only through a proxy needs http.proxy / HTTPS_PROXY',
    source: 'libcurl CURLE_OPERATION_TIMEDOUT ("Connection timed out after %ld milliseconds") through cargo\'s "[28] Timeout was reached (%s)"',
    samples: [
      'Caused by:\n  failed to download from `https://crates.corp.example/index/config.json`\n\nCaused by:\n  [28] Timeout was reached (Connection timed out after 30001 milliseconds)',
      'warning: spurious network error (2 tries remaining): [28] Timeout was reached (Connection timed out after 30000 milliseconds)',
    ],
    counterSamples: ['warning: spurious network error (2 tries remaining): [28] Timeout was reached (download of `ndarray v0.15.3` failed to transfer more than 10 bytes in 30s)'],
  }),
  sig({
    id: 'registry.cargo-could-not-resolve',
    cause: 'registry.dns',
    // cargo's libcurl words ("[6] <curl text> (<detail>)"), for a registry download or through libgit2 ("; class=Net (12)")
    // for a git dependency: the registry's or git host's name did not resolve where cargo runs.
    re: /\[6\] could not resolve hostname \(could not resolve host: [\w.-]+\)/,
    anchors: ['could not resolve hostname (could not resolve host'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['dns.node-resolver', 'registry.proxy'],
    check: 'getent hosts <host> where cargo runs (a build container has its own resolv.conf); a network reaching out only through a proxy needs http.proxy, or net.git-fetch-with-cli with git\'s own proxy settings',
    source: 'libgit2 curl transport (git_error "…; class=Net (12)") with libcurl CURLE_COULDNT_RESOLVE_HOST',
    samples: [
      'Caused by:\n  [6] Could not resolve hostname (Could not resolve host: git.old-dc.example); class=Net (12)',
      'network failure seems to have happened\n  if a proxy or similar is necessary `net.git-fetch-with-cli` may help here\n\nCaused by:\n  [6] Could not resolve hostname (Could not resolve host: github.com); class=Net (12)',
    ],
    counterSamples: ['[5] Could not resolve proxy name (Could not resolve proxy: proxy.old-dc.example); class=Net (12)', 'fatal: unable to access \'https://github.com/acme/lib.git/\': Could not resolve host: github.com'],
  }),
  sig({
    id: 'registry.git-http-5xx',
    cause: 'registry.server-error',
    // The git CLI over HTTPS: the server answered a 5xx to the ref advertisement.
    re: /unable to access '[^'\n]+': the requested url returned error: 5\d\d\b/,
    anchors: ['the requested url returned error: 5'],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['registry.proxy'],
    check: 'curl -sI <the repository URL>/info/refs?service=git-upload-pack from here and from elsewhere: a 5xx everywhere is the git server failing; only from here, a proxy in between',
    source: 'git http.c ("The requested URL returned error: %ld") through "unable to access \'%s\': %s"',
    samples: [
      "fatal: unable to access 'https://git.corp.example/acme/acme-util.git/': The requested URL returned error: 503",
      "fatal: unable to access 'https://gitlab.corp.example/group/project.git/': The requested URL returned error: 502",
    ],
    counterSamples: ["fatal: unable to access 'https://git.corp.example/acme/acme-util.git/': The requested URL returned error: 403"],
  }),
  sig({
    id: 'registry.curl-ca-file-unusable',
    cause: 'registry.tls-untrusted',
    // libcurl could not load the CA bundle it was pointed at (GIT_SSL_CAINFO, http.sslCAInfo, CURL_CA_BUNDLE naming a
    // missing or unreadable file): the client trusts nothing, so every TLS server fails.
    re: /problem with the ssl ca cert \(path\? access rights\?\)|error setting certificate (?:verify locations|file)/,
    anchors: ['problem with the ssl ca cert', 'error setting certificate'],
    confidence: 0.8,
    specificity: 91,
    check: 'the CA bundle path the client uses (git config --show-origin http.sslCAInfo, env | grep -e SSL_CAINFO -e CA_BUNDLE -e SSL_CERT_FILE): it must name a readable file — /etc/ssl/certs/ca-certificates.crt after apt-get install ca-certificates',
    source: 'libcurl CURLE_SSL_CACERT_BADFILE ("Problem with the SSL CA cert (path? access rights?)"), OpenSSL backend ("error setting certificate verify locations")',
    samples: [
      "fatal: unable to access 'https://git.corp.example/acme/acme-util.git/': Problem with the SSL CA cert (path? access rights?)",
      'curl: (77) error setting certificate file: /etc/ssl/certs/ca-certificates.crt',
    ],
    counterSamples: ["fatal: unable to access 'https://git.corp.example/acme/acme-util.git/': server certificate verification failed. CAfile: /etc/ssl/certs/ca-certificates.crt CRLfile: none"],
  }),
];
