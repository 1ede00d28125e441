import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * A node's package manager failing to connect to its repository while the node is set up (apt and dnf fetching
 * kubeadm, kubelet, containerd or Docker's packages). The path out of the node is the one image pulls take, and
 * the corpus reads it as the node's egress timing out; a name that does not resolve stays with the lookup readings.
 */
export const PACKAGE_REPO_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.package-repo-connect-timeout',
    cause: 'registry.connect-timeout',
    // apt's acquire methods: "Could not connect to <host>:<port> (<address>), connection timed out" (one line per
    // address it tried); dnf and yum through libcurl: "Curl error (28): Timeout was reached for <url>".
    re: /could not connect to [\w.-]+:\d+ \([^)\n]{1,60}\),? connection timed out|curl error \(28\): timeout was reached for /,
    anchors: ['connection timed out', 'timeout was reached for'],
    confidence: 0.6,
    specificity: 66,
    alternatives: ['node.firewall', 'registry.proxy'],
    check: 'from the node: nc -vz -w5 <repository host> 443 and env | grep -i proxy (and /etc/apt/apt.conf.d/*proxy* or proxy= in /etc/dnf/dnf.conf) — a timeout with no proxy set is a firewall or a route out of the node; a site that reaches the internet only through a proxy needs it set for the package manager too',
    source: 'apt methods/connect.cc ("Could not connect to %s:%s (%s), connection timed out"); libdnf/librepo through libcurl ("Curl error (28): Timeout was reached for %s")',
    samples: [
      'Err:5 https://packages.cloud.google.com/apt kubernetes-xenial InRelease\n  Could not connect to packages.cloud.google.com:443 (142.250.1.100), connection timed out',
      'W: Failed to fetch https://download.docker.com/linux/ubuntu/dists/jammy/InRelease  Could not connect to download.docker.com:443 (18.165.83.71), connection timed out',
      'Errors during downloading metadata for repository \'kubernetes\':\n  - Curl error (28): Timeout was reached for https://pkgs.k8s.io/core:/stable:/v1.30/rpm/repodata/repomd.xml [Connection timed out after 30000 milliseconds]',
    ],
    counterSamples: [
      "Err:1 http://deb.debian.org/debian bookworm InRelease Temporary failure resolving 'deb.debian.org'",
      'Could not connect to packages.cloud.google.com:443 (142.250.1.100). - connect (111: Connection refused)',
    ],
  }),
  sig({
    id: 'registry.go-module-fetch-timeout',
    cause: 'registry.connect-timeout',
    // The go command fetching a module from its proxy (proxy.golang.org, a GOPROXY) during a build: the same egress an
    // image pull takes from that node or build container, timing out on connect.
    re: /\bgo: [^\n]{0,300}: get \\?"?https?:\/\/[^\s"\\]+\/@v\/[^\s"\\]*\\?"?: dial tcp [\w.:[\]%-]+: (?:i\/o timeout|connect: connection timed out)/,
    anchors: ['/@v/'],
    confidence: 0.6,
    specificity: 66,
    alternatives: ['node.firewall', 'registry.proxy'],
    check: 'from the build container or node: curl -sI https://proxy.golang.org and env | grep -i -e proxy -e goproxy — a timeout with no proxy set is a firewall or a route out; behind a proxy the build needs HTTPS_PROXY passed in (docker build --build-arg), or GOPROXY set to a reachable mirror',
    source: 'cmd/go module fetch (modfetch proxy client: "go: <module>@<version>: Get \"<proxy>/<module>/@v/<version>.mod\": dial tcp …")',
    samples: [
      'go: github.com/pkg/errors@v0.9.1: Get "https://proxy.golang.org/github.com/pkg/errors/@v/v0.9.1.mod": dial tcp 142.251.42.241:443: i/o timeout',
      'go: downloading golang.org/x/sys v0.20.0\ngo: golang.org/x/sys@v0.20.0: Get https://goproxy.corp.example/golang.org/x/sys/@v/v0.20.0.zip: dial tcp 10.1.2.3:443: connect: connection timed out',
    ],
    counterSamples: ['go: github.com/pkg/errors@v0.9.1: Get "https://proxy.golang.org/github.com/pkg/errors/@v/v0.9.1.mod": dial tcp: lookup proxy.golang.org on 127.0.0.11:53: no such host'],
  }),
  sig({
    id: 'registry.maven-proxy-connect-timeout',
    cause: 'registry.proxy',
    // Maven connecting to a host:port other than the repository's, on a port proxies listen on: the settings.xml (or
    // MAVEN_OPTS) proxy, which does not answer from where the build runs.
    re: /could not transfer artifact [^\n]{0,300}from\/to [^\n]{0,200}: connect to [\w.-]+:(?:3128|3129|8080|8118|8888)\b[^\n]{0,80}failed: connect(?:ion)? timed out/,
    anchors: ['could not transfer artifact'],
    confidence: 0.75,
    specificity: 88,
    alternatives: ['registry.connect-timeout'],
    check: 'the proxy Maven uses (<proxies> in ~/.m2/settings.xml or the build image\'s, -Dhttps.proxyHost in MAVEN_OPTS): it must be reachable from where the build runs (a CI container or a multi-stage build step may not reach a proxy the host reaches), or be left out where the repository is reachable directly',
    source: 'Maven resolver transport ("Could not transfer artifact %s from/to %s (%s): Connect to %s:%d [%s] failed: Connection timed out")',
    samples: [
      'Could not transfer artifact org.apache.maven.plugins:maven-clean-plugin:pom:3.2.0 from/to central (https://repo.maven.apache.org/maven2): Connect to 10.20.30.40:3128 [/10.20.30.40] failed: Connection timed out (Connection timed out)',
      '[ERROR] Failed to execute goal: Could not transfer artifact junit:junit:pom:4.13.2 from/to central (https://repo1.maven.org/maven2): Connect to proxy.corp.example:8080 [proxy.corp.example/10.0.0.8] failed: connect timed out',
    ],
    counterSamples: ['Could not transfer artifact junit:junit:pom:4.13.2 from/to central (https://repo1.maven.org/maven2): Connect to repo1.maven.org:443 [repo1.maven.org/199.232.196.209] failed: Connection timed out'],
  }),
  sig({
    id: 'registry.package-repo-server-error',
    cause: 'registry.server-error',
    // dnf/yum downloading a repository's metadata (or its metalink) and getting a 5xx: the repository's server or mirror
    // service failing, not the node.
    re: /errors during downloading metadata for repository [^\n]{0,200}(?:[\s\S]{0,300}?)status code: 5\d\d for https?:\/\//,
    anchors: ['errors during downloading metadata for repository'],
    confidence: 0.75,
    specificity: 88,
    alternatives: ['registry.proxy', 'registry.mirror-misconfigured'],
    check: 'fetch the URL in the error from elsewhere (curl -sI <url>): a 5xx there too is the repository\'s or mirror service\'s outage — retry later or pin a working mirror (baseurl instead of metalink); a 5xx only from the node is a proxy in between',
    source: 'librepo/dnf ("Errors during downloading metadata for repository \'%s\': - Status code: %d for %s")',
    samples: [
      "Errors during downloading metadata for repository 'updates':\n  - Status code: 503 for https://mirrors.fedoraproject.org/metalink?repo=updates-released-f40&arch=x86_64 (IP: 38.145.60.20)",
      "Errors during downloading metadata for repository 'kubernetes':\n  - Status code: 502 for https://pkgs.k8s.io/core:/stable:/v1.31/rpm/repodata/repomd.xml (IP: 13.107.246.40)",
    ],
    counterSamples: ["Errors during downloading metadata for repository 'kubernetes':\n  - Status code: 404 for https://pkgs.k8s.io/core:/stable:/v1.31/rpm/repodata/repomd.xml (IP: 13.107.246.40)"],
  }),
];
