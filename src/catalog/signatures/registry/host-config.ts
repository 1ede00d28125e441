import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The runtime's own configuration of a registry host, read before any request is sent: containerd's
 * config_path and hosts.toml (a CA, a client pair, mirror endpoints), k3s/RKE2 registries.yaml, Docker's
 * daemon.json mirrors (facts §5.1–§5.3). A pull that fails here never reached the registry.
 */
export const HOST_CONFIG_SIGNATURES: Signature[] = [
  sig({
    id: 'registry.mirror-config-path-unset',
    cause: 'registry.mirror-misconfigured',
    // containerd reads hosts.toml mirrors only when the CRI registry config_path is set; mirror tools refuse to start without it.
    re: /registry config path needs to be set|config_path (is )?(not set|empty)[^\n]{0,80}mirror/,
    anchors: ['registry config path', 'config_path'],
    confidence: 0.85,
    specificity: 92,
    check: 'grep -n config_path /etc/containerd/config.toml: [plugins."io.containerd.grpc.v1.cri".registry] config_path = "/etc/containerd/certs.d" (containerd 2: plugins."io.containerd.cri.v1.images".registry), then restart containerd',
    source: 'facts §5.2 (containerd hosts.toml mirrors need registry.config_path)',
    samples: [
      '{"level":"error","msg":"","error":"Containerd registry config path needs to be set for mirror configuration to take effect"}',
      'Error: containerd registry config path needs to be set for mirror configuration to take effect',
    ],
    counterSamples: ['config_path = "/etc/containerd/certs.d"'],
  }),
  sig({
    id: 'registry.config-path-empty-dump',
    cause: 'registry.mirror-misconfigured',
    // containerd config dump (or config.toml) with config_path = "": whatever /etc/containerd/certs.d holds is not
    // read, so a mirror, a CA or plain HTTP configured there for a host is not in effect. Alone it is a hint: a node
    // that needs no host configuration runs fine without it. Beside the pull error it explains, it is the answer.
    re: /\bconfig_path\s*=\s*""/,
    anchors: ['config_path'],
    confidence: 0.6,
    specificity: 60,
    check: 'containerd config dump | grep config_path on the node: set it to /etc/containerd/certs.d under the registry section of this config version and restart containerd, so the hosts.toml files there are read',
    source: 'containerd CRI image config (registry.config_path; hosts.toml is read only from it)',
    samples: ['$ sudo containerd config dump | grep config_path\n      config_path = ""', '[plugins."io.containerd.grpc.v1.cri".registry]\n  config_path = ""'],
    counterSamples: ['config_path = "/etc/containerd/certs.d"'],
  }),
  sig({
    id: 'registry.endpoint-without-scheme',
    cause: 'registry.mirror-misconfigured',
    // A mirror endpoint written without http:// or https:// (k3s, RKE2 and Rancher's registries.yaml, a hosts.toml
    // server or host): the client takes the whole string for a URL with an empty scheme and cannot dial it.
    // containerd's resolver takes the host name for the scheme instead and asks "<host>:///v2/…".
    re: /unsupported scheme\s+in registry endpoint|\b(?:head|get) \\?"?[\w.-]+:\/\/\/v2\/[^\n]{0,300}?unsupported protocol scheme/,
    anchors: ['in registry endpoint', 'unsupported protocol scheme'],
    also: ['in registry endpoint', ':///v2/'],
    confidence: 0.85,
    specificity: 93,
    check: 'the mirror entries of registries.yaml (/etc/rancher/k3s, /etc/rancher/rke2 or /etc/rancher/agent) or /etc/containerd/certs.d/<host>/hosts.toml: every endpoint must be a full URL with its scheme, https://mirror.example:5000',
    source: 'rancher/wharfie registry endpoints (the configured endpoint parsed as a URL: "unsupported scheme %s in registry endpoint")',
    samples: [
      'level=error msg="error while staging: Get \\"docker.repo.example.local\\": unsupported scheme  in registry endpoint: failed to get image index.docker.io/rancher/system-agent-installer-rke2:v1.22.5-rke2r2"',
      'Get "mirror.example.local:5000": unsupported scheme  in registry endpoint',
      'failed to resolve reference "docker.io/library/alpine:3.19": failed to do request: Head mirror.corp.example:///v2/library/alpine/manifests/3.19?ns=docker.io: unsupported protocol scheme "mirror.corp.example"',
    ],
    counterSamples: ['Get "ftp://files.example/a": unsupported protocol scheme "ftp"'],
  }),
  sig({
    id: 'registry.no-resolve-hosts',
    cause: 'registry.mirror-misconfigured',
    // containerd's resolver keeps only the hosts of hosts.toml whose capabilities include "resolve"; when none
    // has it (capabilities = ["pull"] everywhere, the server entry included) it asks no registry at all.
    re: /no resolve hosts/,
    anchors: ['no resolve hosts'],
    confidence: 0.7,
    specificity: 94,
    check: 'the hosts.toml of that registry (/etc/containerd/certs.d/<registry>/hosts.toml): at least one [host] entry, or the server, needs capabilities = ["pull", "resolve"]; a mirror that serves tags needs "resolve" too',
    source: 'containerd core/remotes/docker resolver (Resolve filters hosts by HostCapabilityResolve: "no resolve hosts")',
    samples: [
      'Failed to pull image "nginx:1.25.3": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.25.3": failed to resolve image: no resolve hosts: not found',
      'ctr: failed to resolve reference "registry.example.com/app:1": no resolve hosts: not found',
    ],
    counterSamples: ['failed to resolve reference "docker.io/library/nginx:nope": docker.io/library/nginx:nope: not found'],
  }),
  sig({
    id: 'registry.registries-yaml-unparsable',
    cause: 'registry.mirror-misconfigured',
    // k3s and RKE2 read registries.yaml before anything else and stop on a YAML error in it: the mirrors and
    // registry credentials the node was meant to use are exactly what it could not read.
    // Also the server's and agent's own check before start ("failed to validate private registry configuration").
    re: /private registry config file at [^\s"]*registries\.yaml[\s\S]{0,600}?(yaml: (line \d+|unmarshal errors)|error converting yaml to json|cannot unmarshal)|failed to validate private registry configuration: [^\n]{0,200}(yaml: |cannot unmarshal)/,
    anchors: ['private registry config file', 'failed to validate private registry configuration'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['node.not-ready'],
    check: 'the registries.yaml named (/etc/rancher/k3s or /etc/rancher/rke2): the line the YAML error gives — indentation, a missing space after a colon, tabs; yq . <file> reads it as k3s will',
    source: 'k3s/RKE2 agent start-up ("Using private registry config file at %s", then the YAML decoder\'s error)',
    samples: [
      'Dec 05 09:00:59 srv k3s[880]: time="2026-12-05T09:00:59Z" level=fatal msg="failed to validate private registry configuration: yaml: line 4: mapping values are not allowed in this context"',
      'level=info msg="Using private registry config file at /etc/rancher/rke2/registries.yaml" level=fatal msg="yaml: line 3: mapping values are not allowed in this context"',
      'level=info msg="Using private registry config file at /etc/rancher/k3s/registries.yaml"\nlevel=fatal msg="yaml: unmarshal errors:\n  line 2: cannot unmarshal !!seq into map[string]registries.Mirror"',
    ],
    counterSamples: ['level=info msg="Using private registry config file at /etc/rancher/k3s/registries.yaml"'],
  }),
  sig({
    id: 'registry.containers-registries-conf-invalid',
    cause: 'registry.mirror-misconfigured',
    // containers/image validates registries.conf (and its drop-ins and the short-name alias files) before any pull:
    // a mirror-only key on a plain registry, an unknown short-name mode or an alias that is not a bare name stops
    // Podman, Buildah, Skopeo and CRI-O's pulls alike.
    re: /pull-from-mirror must not be set for a non-mirror registry|invalid short-name mode|validating short-name aliases: |loading short-name aliases config file|loading (drop-in )?registries configuration \\?"?\S+: /,
    anchors: ['pull-from-mirror', 'short-name mode', 'short-name aliases', 'registries configuration'],
    confidence: 0.8,
    specificity: 91,
    check: '/etc/containers/registries.conf, /etc/containers/registries.conf.d/*.conf and ~/.config/containers/registries.conf (rootless): the line the error names — [[registry]] entries, short-name-mode (enforcing, permissive, disabled) and [aliases] (bare name = "host/repository")',
    source: 'containers/image pkg/sysregistriesv2 (registries.conf validation and short-name aliases)',
    samples: [
      'Error: pull-from-mirror must not be set for a non-mirror registry "docker.io"',
      'Error: validating short-name aliases: invalid alias "quay.io/acme/api:latest": must not contain tag',
      'Error: loading registries configuration "/etc/containers/registries.conf": mixing sysregistry v1/v2 is not supported',
    ],
    counterSamples: ['Resolved "nginx" as an alias (/etc/containers/registries.conf.d/000-shortnames.conf)'],
  }),
  sig({
    id: 'registry.mirror-config-error',
    check: 'containerd --version and /etc/containerd/config.toml: config_path (hosts.toml directories) and the inline registry.mirrors/configs cannot be mixed; keep one form and restart containerd',
    cause: 'registry.mirror-misconfigured',
    // containerd 2's CRI image config refusing its registry section (registry.auths, .configs, .mirrors) at load.
    re: /invalid cri image config: [^\n]{0,200}registry|`?mirrors`? cannot be set when `?config_path`? is provided|`?configs\.tls`? cannot be set when|invalid mirror|insecure registry \S+ should not contain ':\/\/'|hosts\.toml[^\n]{0,120}(error|invalid|failed|toml:)|failed to (load|decode|parse)[^\n]{0,80}hosts\.toml/,
    anchors: ['cannot be set when', 'invalid mirror', 'hosts.toml', 'insecure registry', 'invalid cri image config'],
    confidence: 0.85,
    // 94: above the CRI plugin's "failed to load plugin" (93) that wraps a hosts.toml it could not read.
    specificity: 94,
    alternatives: ['registry.proxy'],
    source: 'facts §5.1 (mirrors vs config_path), §5.3 (Docker mirror URL rules)',
    samples: [
      'failed to load plugin io.containerd.grpc.v1.cri: invalid plugin config: `mirrors` cannot be set when `config_path` is provided',
      'unable to configure the Docker daemon with file /etc/docker/daemon.json: invalid mirror: path, query, or fragment at end of the URI "https://mirror.gcr.io/v2/"',
      // Docker's insecure-registries take host[:port] or a CIDR, never a URL
      "unable to configure the Docker daemon with file /etc/docker/daemon.json: insecure registry https://reg.lab:5000 should not contain '://'",
    ],
    counterSamples: ['config_path = "/etc/containerd/certs.d"'],
  }),
  sig({
    id: 'registry.containerd-registry-key-ignored',
    cause: 'registry.mirror-misconfigured',
    // containerd loads config.toml in strict mode and warns of every key its schema does not have, then goes on without
    // it: a registry section under the plugin path of another config version (grpc.v1.cri in a version 3 file), or a
    // misspelt key (endpoints), leaves the mirrors, configs or config_path unused, and pulls go straight upstream.
    re: /ignoring unknown key in toml[^\n]{0,400}key=\\?"[^"\\\n]*\bregistry\b/,
    anchors: ['ignoring unknown key in toml'],
    confidence: 0.75,
    specificity: 90,
    check: 'containerd config dump: the registry settings must appear there under the plugin of this config version (version 3: plugins."io.containerd.cri.v1.images".registry with config_path; version 2: plugins."io.containerd.grpc.v1.cri".registry) — move or respell the key the warning names and restart containerd',
    source: 'containerd cmd/containerd/server/config (strict decoding: "Ignoring unknown key in TOML")',
    samples: [
      'level=warning msg="Ignoring unknown key in TOML for plugin" error="strict mode: fields in the document are missing in the target struct" key="registry mirrors" plugin=io.containerd.grpc.v1.cri',
      'level=warning msg="Ignoring unknown key in TOML" column=3 error="strict mode: fields in the document are missing in the target struct" file=/etc/containerd/config.toml key="plugins io.containerd.grpc.v1.cri registry mirrors docker.io endpoints" row=52',
    ],
    counterSamples: ['level=warning msg="Ignoring unknown key in TOML for plugin" error="strict mode: fields in the document are missing in the target struct" key="max_concurrent_downloads" plugin=io.containerd.grpc.v1.cri'],
  }),
  sig({
    id: 'registry.host-ca-unreadable',
    cause: 'registry.mirror-misconfigured',
    // containerd loads the ca files a hosts.toml names (or registry.configs."<host>".tls.ca_file) when it builds
    // that host's TLS config: a path that does not exist or holds no PEM certificate fails the pull before a
    // connection. The registry host configuration cannot be loaded (no TLS exchange happened), so it is that
    // configuration's fault, as for the other files it names; the registry stays untrusted until the CA is there.
    // A Windows path comes quoted with its backslashes doubled.
    re: /unable to (read|load) ca cert \\?"(?:[^"\\\n]|\\\\){1,300}\\?"/,
    anchors: ['unable to read ca cert', 'unable to load ca cert'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['registry.tls-untrusted'],
    check: 'the ca path the message quotes: ls -l it on the node, and head -1 of it must read -----BEGIN CERTIFICATE-----; it comes from ca = in /etc/containerd/certs.d/<host>/hosts.toml (or tls.ca_file in config.toml); put the registry\'s CA there in PEM or fix the path, then pull again',
    source: 'containerd core/remotes/docker/config/hosts.go (updateTLSConfigFromHost: "unable to read CA cert %q: %w", "unable to load CA cert %q")',
    samples: [
      'failed to resolve reference "harbor.corp/app/web:2": unable to read CA cert "/etc/containerd/certs.d/harbor.corp/ca.crt": open /etc/containerd/certs.d/harbor.corp/ca.crt: no such file or directory',
      'failed to pull and unpack image "reg.lab:5000/tools/ci:1": failed to resolve reference "reg.lab:5000/tools/ci:1": unable to load CA cert "/etc/containerd/certs.d/reg.lab:5000/ca.pem"',
    ],
    counterSamples: ['unable to read KEY file "/etc/containerd/certs.d/reg.lab/client.key": open /etc/containerd/certs.d/reg.lab/client.key: no such file or directory'],
  }),
  sig({
    id: 'registry.host-client-cert-unreadable',
    cause: 'registry.mirror-misconfigured',
    // The client certificate and key a hosts.toml names (client = [cert, key]) are read when the host's TLS config is
    // built: a file missing or unreadable, or a key that is not the certificate's, fails the pull before a connection.
    re: /unable to read (cert|key) file \\?"[^"\\\n]*\\?"|failed to resolve (reference|image)[^\n]{0,300}failed to load x509 key pair/,
    anchors: ['cert file', 'key file', 'x509 key pair'],
    confidence: 0.8,
    specificity: 93,
    check: 'the client = entry of /etc/containerd/certs.d/<host>/hosts.toml: both files must exist, be readable by containerd, and be a certificate and the key it was issued for (openssl x509 -noout -modulus -in cert | md5sum equal to openssl rsa -noout -modulus -in key | md5sum)',
    source: 'containerd core/remotes/docker/config/hosts.go (ConfigureHosts: "unable to read CERT file %q", "unable to read KEY file %q", tls.LoadX509KeyPair)',
    samples: [
      'failed to resolve image: unable to read CERT file "/etc/containerd/certs.d/harbor.corp.local/client.cert": open /etc/containerd/certs.d/harbor.corp.local/client.cert: permission denied',
      'failed to resolve reference "harbor.corp.local/platform/api:2.8.1": failed to load X509 key pair: tls: private key does not match public key',
    ],
    counterSamples: ['unable to read CA cert "/etc/containerd/certs.d/reg.lab/ca.crt": open /etc/containerd/certs.d/reg.lab/ca.crt: no such file or directory'],
  }),
  sig({
    id: 'registry.mirror-endpoint-unparsable',
    cause: 'registry.mirror-misconfigured',
    // The CRI plugin parses every endpoint of registry.mirrors."<host>" (adding https:// when it has no scheme)
    // before it picks one: an endpoint that is not a URL fails every pull from that host, whatever the mirror's state.
    re: /parse registry endpoint \\?"[^\n]{0,300}from mirrors|get registry endpoints: parse endpoint url/,
    anchors: ['parse registry endpoint', 'parse endpoint url'],
    confidence: 0.85,
    specificity: 93,
    check: 'registry.mirrors."<host>".endpoint in /etc/containerd/config.toml (or the server/host keys of /etc/containerd/certs.d/<host>/hosts.toml): every entry a full URL, https://mirror.example:5000, with no spaces or stray quotes; restart containerd after the change',
    source: 'containerd internal/cri/server/images/image_pull.go (registryEndpoints: "parse endpoint url: %w"; registryHosts: "parse registry endpoint %q from mirrors: %w")',
    samples: [
      'failed to resolve reference "docker.io/library/nginx:1.27": get registry endpoints: parse endpoint url: parse "https://mirror.corp:5000 ": invalid character " " in host name',
      'failed to resolve reference "quay.io/app/api:3": parse registry endpoint "http://10.0.0.5:5000/%zz" from mirrors: parse "http://10.0.0.5:5000/%zz": invalid URL escape "%zz"',
    ],
    counterSamples: ['failed to do request: Head "https://mirror.corp:5000/v2/library/nginx/manifests/1.27?ns=docker.io": dial tcp 10.0.0.9:5000: connect: connection refused'],
  }),
  sig({
    id: 'registry.registries-conf-unparsable',
    cause: 'registry.mirror-misconfigured',
    // containers/image (CRI-O, Podman, Buildah, Skopeo) reads registries.conf and its drop-ins on every pull; one
    // that does not parse stops every pull of the node, mirrors or not.
    // Also a [[registry]] prefix its validation refuses (a wildcard prefix without a location), and Podman 0.x's own
    // words for the same file it could not parse while completing a short name.
    re: /loading (drop-in )?registries configuration \\?"[^"\\\n]{1,300}\\?": |invalid prefix '[^'\n]{1,200}' for (empty location|reference '[^'\n]{1,300}')|unable to parse the registries\.conf file/,
    anchors: ['registries configuration', 'invalid prefix', 'unable to parse the registries.conf'],
    confidence: 0.85,
    specificity: 93,
    check: 'the file the message names (/etc/containers/registries.conf or a registries.conf.d drop-in) at the line and key it quotes: TOML, one [[registry]] table per registry with location and [[registry.mirror]] entries; podman info reads the same files and fails the same way until it parses',
    source: 'containers/image pkg/sysregistriesv2 (tryUpdatingCache: "loading registries configuration %q: %w", "loading drop-in registries configuration %q: %w")',
    samples: [
      'rpc error: code = Unknown desc = loading registries configuration "/etc/containers/registries.conf": toml: line 12 (last key "registry.mirror"): expected a top-level item to end with a newline, comment, or EOF, but got \'=\' instead',
      'Error: loading registries configuration "/etc/containers/registries.conf.d/50-mirror.conf": toml: line 3: expected \'.\' or \'=\', but got \'\\n\' instead',
      "error pulling image \"alpine\": error getting default registries to try: unable to parse the registries.conf file and the image name 'alpine' is incomplete.: Near line 4 (last key parsed 'registries.search'): expected a comma",
      "Error: initializing source docker://registry.example.com/team/app:1.0: loading registries configuration: invalid prefix '*.example' for empty location, should be in the format: *.example.com",
    ],
    counterSamples: ['time="2024-01-01T00:00:00Z" level=debug msg="Loading registries configuration \\"/etc/containers/registries.conf\\""'],
  }),
  sig({
    id: 'registry.registry-blocked',
    cause: 'registry.mirror-misconfigured',
    // A [[registry]] entry with blocked = true (or a prefix that covers the image) refuses the pull before any request.
    // The first path is the registries.conf read (CONTAINERS_REGISTRIES_CONF or --registries-conf may name any file),
    // the second always its drop-in directory.
    re: /registry \S+ is blocked in \S*registries\.conf|registry \S+ is blocked in \S+ or \S*registries\.conf\.d/,
    anchors: ['is blocked in'],
    confidence: 0.7,
    specificity: 93,
    check: 'grep -rn -B3 blocked /etc/containers/registries.conf /etc/containers/registries.conf.d/: the [[registry]] whose prefix or location covers the image; set blocked = false or pull from a registry the policy allows',
    source: 'containers/image docker/docker_client.go ("registry %s is blocked in %s or %s")',
    samples: [
      'rpc error: code = Unknown desc = registry quay.io is blocked in /etc/containers/registries.conf or /etc/containers/registries.conf.d',
      'Error: initializing source docker://docker.io/library/busybox:latest: registry docker.io is blocked in /etc/containers/registries.conf or /etc/containers/registries.conf.d',
      'Error: initializing destination docker://reg.lab.test:5000/lab/app:8: registry reg.lab.test:5000 is blocked in /srv/lab/blocked.conf or /root/.config/containers/registries.conf.d',
    ],
    counterSamples: ['the request is blocked in the proxy'],
  }),
  sig({
    id: 'registry.sync-filter-refused',
    cause: 'registry.mirror-misconfigured',
    // zot's on-demand sync serves only what its sync configuration's content filters admit: the mirror refuses
    // the rest however the upstream holds it.
    re: /image is filtered out by sync config|will not sync image, filtered out by content/,
    anchors: ['filtered out by sync config', 'filtered out by content'],
    confidence: 0.8,
    specificity: 92,
    check: 'the sync extension of the zot configuration: extensions.sync.registries[].content[] must have a prefix (and tags regex) that covers the repository and tag pulled, with destination and stripPrefix set as the clients name them',
    source: 'zot sync extension ("image is filtered out by sync config")',
    samples: ['{"level":"error","error":"image is filtered out by sync config","repository":"global/cilium","reference":"v1.16.3","message":"failed to sync image"}', '{"level":"info","remote":"https://upstream.example","repository":"team/app","message":"will not sync image, filtered out by content"}'],
    counterSamples: ['{"level":"info","message":"successfully synced image","repository":"team/app"}'],
  }),
  sig({
    id: 'registry.proxy-cache-upstream-website',
    cause: 'registry.mirror-misconfigured',
    // A pull-through cache (distribution's proxy.remoteurl) pointed at https://docker.io: that name redirects to
    // Docker's web site, whose /v2/ is not a registry, so every manifest answers unknown. The upstream is
    // https://registry-1.docker.io.
    re: /www\.docker\.com(:443)?\/v2\//,
    anchors: ['www.docker.com'],
    confidence: 0.8,
    specificity: 93,
    check: 'proxy.remoteurl in the cache\'s config.yml (REGISTRY_PROXY_REMOTEURL): https://registry-1.docker.io, not https://docker.io; restart it and pull again',
    source: 'distribution proxy mode (challenge manager against proxy.remoteurl); docker.io answers with a redirect to www.docker.com',
    samples: ['level=info msg="Challenge established with upstream : {https   docker.io /v2/ } map[https://www.docker.com:443/v2/:[]]}" http.request.uri="/v2/team/app/manifests/1"', 'Get "https://www.docker.com/v2/": 404 Not Found'],
    counterSamples: ['see https://www.docker.com/increase-rate-limit'],
  }),
  sig({
    id: 'registry.docker-certs-dir-unpaired',
    cause: 'registry.tls-untrusted',
    // Docker reads /etc/docker/certs.d/<host>/: *.crt are CAs, *.cert/*.key are a client pair. A CA saved as .cert (or
    // a client certificate without its key) stops every pull from that host before the registry is asked.
    re: /missing (key \S+ for client certificate|client certificate \S+ for key) \S+/,
    anchors: ['for client certificate', 'missing client certificate'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['registry.mirror-misconfigured'],
    check: 'ls /etc/docker/certs.d/<host>/: the registry\'s CA must be named *.crt (ca.crt); a file ending .cert is read as a client certificate and needs its .key beside it — rename a CA saved as .cert, or add the key',
    source: 'Docker registry TLS config from certs.d ("missing key %s for client certificate %s. CA certificates must use the extension .crt")',
    samples: ['Error response from daemon: missing key /etc/docker/certs.d/reg.lab/client.key for client certificate /etc/docker/certs.d/reg.lab/client.cert. CA certificates must use the extension .crt', 'missing client certificate /etc/docker/certs.d/reg.lab/client.cert for key /etc/docker/certs.d/reg.lab/client.key'],
    counterSamples: ['x509: certificate signed by unknown authority'],
  }),
  sig({
    id: 'registry.registries-conf-invalid',
    cause: 'registry.mirror-misconfigured',
    // containers/image checks registries.conf after parsing it (prefixes, mirrors, conflicting entries): a file that
    // parses but breaks one of these rules stops every pull of the node, as an unparsable one does.
    re: /wildcarded prefix should be in the format|invalid condition: (both location and prefix are unset|location is unset and prefix|mirror location is unset)|cannot set mirror usage mirror-by-digest-only|unsupported pull-from-mirror value|is defined multiple times with conflicting '(insecure|blocked)' setting|registry must be in v2 format but is in v1|mixing sysregistry v1\/v2 is not supported|invalid unqualified-search-registries entry|invalid location '[^'\n]*': uri schemes are not supported/,
    anchors: ['wildcarded prefix', 'invalid condition:', 'mirror-by-digest-only', 'pull-from-mirror', 'defined multiple times with conflicting', 'must be in v2 format', 'mixing sysregistry', 'unqualified-search-registries entry', 'uri schemes are not supported'],
    confidence: 0.85,
    specificity: 93,
    check: '/etc/containers/registries.conf and /etc/containers/registries.conf.d/*.conf on the node: the [[registry]] entry the message names (prefix "*.example.com" with no path, a location without a scheme, one definition per registry, mirrors with a location); podman info reads the files the same way',
    source: 'containers/image pkg/sysregistriesv2 (InvalidRegistries: postProcessRegistries and loadConfigFile checks)',
    samples: [
      'Failed to pull image "quay.io/acme/api:2.0": unable to try pulling possible OCI artifact: build image source: Wildcarded prefix should be in the format: *.example.com. Current prefix "*.quay.io/acme" is incorrectly formatted',
      'Error: registry \'registry.corp.example\' is defined multiple times with conflicting \'insecure\' setting',
      "invalid location 'https://mirror.corp.example': URI schemes are not supported",
    ],
    counterSamples: ['[[registry]]\nprefix = "*.example.com"\nlocation = "mirror.example.com"'],
  }),
  sig({
    id: 'registry.certs-dir-file-unreadable',
    cause: 'registry.mirror-misconfigured',
    // The runtime reads the CA and client pair for a registry from its certs.d directory on every pull from that
    // host; a file there it may not open stops those pulls before the registry is asked. Not a missing file: RHEL's
    // redhat-ca.crt is a link left dangling by a package, and threads settle that differently.
    re: /open \S*\/certs\.d\/[^\s:"\\]+(:\d+)?\/[^\s"\\]+\.(crt|cert|key|pem): (permission denied|is a directory)/,
    anchors: ['certs.d/'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['registry.tls-untrusted'],
    check: 'ls -l /etc/containers/certs.d/<host>/ (or /etc/docker/certs.d, /etc/containerd/certs.d) on the node: the file must be a regular file readable by the runtime\'s user (root, or the rootless user), not a dangling link',
    source: 'containers/image pkg/tlsclientconfig and Docker\'s certs.d reader (open of each *.crt, *.cert, *.key)',
    samples: [
      'Failed to pull image "registry.corp.example:5000/ops/tool:1.0": unable to try pulling possible OCI artifact: build image source: open /etc/containers/certs.d/registry.corp.example:5000/client.cert: permission denied',
      'Error response from daemon: open /etc/docker/certs.d/reg.lab/ca.crt: permission denied',
    ],
    counterSamples: ['Error response from daemon: open /etc/docker/certs.d/k8s.gcr.io: permission denied', 'pulling image error : open /etc/docker/certs.d/registry.access.redhat.com/redhat-ca.crt: no such file or directory'],
  }),
  sig({
    id: 'registry.no-pull-hosts',
    cause: 'registry.mirror-misconfigured',
    // containerd keeps, of a registry's hosts.toml entries, those with the pull capability: none left (capabilities
    // = ["resolve"] alone, or a typo) and no blob can be fetched, though the manifest may resolve.
    re: /no pull hosts: not found/,
    anchors: ['no pull hosts'],
    confidence: 0.85,
    specificity: 96,
    check: '/etc/containerd/certs.d/<registry>/hosts.toml on the node: at least one [host."…"] (or the server) needs capabilities = ["pull", "resolve"]',
    source: 'containerd core/remotes/docker fetcher (hosts filtered by HostCapabilityPull: "no pull hosts")',
    samples: [
      'failed to pull and unpack image "harbor.corp.example.com/team-a/api:2.3.1": failed to copy: httpReadSeeker: failed open: no pull hosts: not found',
      'ctr: failed to copy: httpReadSeeker: failed open: no pull hosts: not found',
    ],
    counterSamples: ['no resolve hosts'],
  }),  sig({
    id: 'registry.containerd-host-config-refused',
    cause: 'registry.mirror-misconfigured',
    // containerd builds a registry host's configuration on every pull (hosts.toml under config_path, or 1.x's
    // registry.configs in config.toml): a file that is not TOML, a capability it does not know, a TLS section with a
    // CA it cannot load or a client certificate without its key stop the pull before any connection.
    re: /failed to resolve reference [^\n]{0,300}: (failed to parse toml: |unknown capability \w+)|get tlsconfig for registry \\?"[^"\\\n]{1,200}\\?": |(cert|key) file \\?"[^"\\\n]{1,300}\\?" was specified, but no corresponding (key|cert) file was specified/,
    anchors: ['failed to parse toml', 'unknown capability', 'get tlsconfig for registry', 'was specified, but no corresponding'],
    confidence: 0.8,
    specificity: 93,
    check: 'the registry\'s host configuration on that node: /etc/containerd/certs.d/<host>/hosts.toml (valid TOML; capabilities only "pull", "resolve", "push") or, on containerd 1.x, [plugins."io.containerd.grpc.v1.cri".registry.configs."<host>".tls] in config.toml (ca_file readable, cert_file and key_file together)',
    source: 'containerd remotes/docker/config hosts.go ("failed to parse TOML: %w", "unknown capability %v"), 1.7 pkg/cri image_pull.go ("get TLSConfig for registry %q: %w", "cert file %q was specified, but no corresponding key file was specified")',
    samples: [
      'failed to pull and unpack image "harbor.corp.local/app:1.2": failed to resolve reference "harbor.corp.local/app:1.2": failed to parse TOML: (4, 17): unexpected token type in inline table: no value can start with p',
      'failed to resolve reference "docker.io/library/nginx:1.27": unknown capability puull',
      'failed to resolve reference "registry.example.com/app:2": get registry endpoints: get TLSConfig for registry "https://registry.example.com": failed to load CA file: open /etc/ssl/registry/ca.crt: no such file or directory',
    ],
    counterSamples: ['time="2026-12-05T10:00:00Z" level=info msg="loading plugin io.containerd.grpc.v1.cri"'],
  }),
];
