import type { ProbePhase, RegistryProbeResult } from '../../evidence/probes.js';
import { testRule } from '../rule-tester.js';
import rule from './registry-probe.js';

const ph = (name: string, ok = true, error?: string): ProbePhase => ({ name, ok, ms: 1.5, ...(error ? { error } : {}) });
const okPhases = ['dns', 'tcp', 'tls', 'v2', 'manifest', 'platform'].map((n) => ph(n));
const res = (r: Partial<RegistryProbeResult>): RegistryProbeResult => ({ image: 'reg.lab:5000/app:1', registry: 'reg.lab:5000', node: 'n2', phases: okPhases, ok: true, ...r });
const tlsFailed = [ph('dns'), ph('tcp'), ph('tls', false, 'x509: certificate signed by unknown authority')];
const probes = (registry: RegistryProbeResult[]) => ({ probes: { registry, ran: ['registry'] } });

testRule(rule, {
  healthy: [
    { name: 'every phase passes', evidence: probes([res({}), res({ node: 'n1' })]) },
    { name: 'no images probed', evidence: probes([]) },
  ],
  faulty: [
    {
      name: 'node resolver cannot resolve the registry',
      evidence: probes([res({ ok: false, cause: 'registry.dns', failedPhase: 'dns', phases: [ph('dns', false, 'lookup reg.lab on 10.0.0.2:53: no such host')] })]),
      expect: [
        {
          cause: 'registry.dns',
          messageId: 'failed',
          data: { image: 'reg.lab:5000/app:1', node: 'n2', phase: 'dns', error: 'lookup reg.lab on 10.0.0.2:53: no such host' },
          nodes: ['n2'],
          registry: 'reg.lab:5000',
          fix: [
            'Resolve the name on the node itself: getent hosts reg.lab',
            'Fix the node resolver (resolv.conf, systemd-resolved) or add the registry to /etc/hosts.',
            'Check the spelling of the registry host in the image reference.',
          ],
        },
      ],
    },
    // What a probe writes now: the observation (step, code), no cause; the rule names it.
    {
      name: 'untrusted CA as the probe measures it: an X.509 code, no cause',
      evidence: probes([
        res({ ok: false, failedPhase: 'tls', phases: tlsFailed, attempts: [{ endpoint: 'https://reg.lab:5000', mirror: false, ok: false, failure: { step: 'x509', code: 'SELF_SIGNED_CERT_IN_CHAIN' }, failedPhase: 'tls', error: 'x509: certificate signed by unknown authority' }] }),
      ]),
      expect: [
        {
          cause: 'registry.tls-untrusted',
          messageId: 'failed',
          data: { image: 'reg.lab:5000/app:1', node: 'n2', phase: 'tls', error: 'x509: certificate signed by unknown authority' },
          nodes: ['n2'],
          registry: 'reg.lab:5000',
          fix: [
            'Give containerd the CA: put ca.crt in /etc/containerd/certs.d/reg.lab:5000/ and write hosts.toml there: server = "https://reg.lab:5000" and [host."https://reg.lab:5000"] with ca = "/etc/containerd/certs.d/reg.lab:5000/ca.crt"',
            'Make sure config_path = "/etc/containerd/certs.d" is set in /etc/containerd/config.toml (registry section), then restart containerd once.',
            'Or add the CA to the system trust store (update-ca-certificates) and restart containerd.',
          ],
        },
      ],
    },
    // A bundle written while the probe named the cause of each attempt itself: judged the same.
    {
      name: 'untrusted CA in an older bundle: the attempt carries the cause its probe named',
      evidence: probes([
        res({ ok: false, failedPhase: 'tls', phases: tlsFailed, attempts: [{ endpoint: 'https://reg.lab:5000', mirror: false, ok: false, cause: 'registry.tls-untrusted', failedPhase: 'tls', error: 'x509: certificate signed by unknown authority' }] }),
      ]),
      expect: [
        {
          cause: 'registry.tls-untrusted',
          messageId: 'failed',
          data: { image: 'reg.lab:5000/app:1', node: 'n2', phase: 'tls', error: 'x509: certificate signed by unknown authority' },
          nodes: ['n2'],
          registry: 'reg.lab:5000',
          fix: [
            'Give containerd the CA: put ca.crt in /etc/containerd/certs.d/reg.lab:5000/ and write hosts.toml there: server = "https://reg.lab:5000" and [host."https://reg.lab:5000"] with ca = "/etc/containerd/certs.d/reg.lab:5000/ca.crt"',
            'Make sure config_path = "/etc/containerd/certs.d" is set in /etc/containerd/config.toml (registry section), then restart containerd once.',
            'Or add the CA to the system trust store (update-ca-certificates) and restart containerd.',
          ],
        },
      ],
    },
    {
      name: 'untrusted CA on one node, healthy on another',
      evidence: probes([res({ node: 'n1' }), res({ ok: false, cause: 'registry.tls-untrusted', failedPhase: 'tls', phases: [ph('dns'), ph('tcp'), ph('tls', false, 'x509: certificate signed by unknown authority')] })]),
      expect: [
        {
          cause: 'registry.tls-untrusted',
          messageId: 'failed',
          data: { image: 'reg.lab:5000/app:1', node: 'n2', phase: 'tls', error: 'x509: certificate signed by unknown authority' },
          nodes: ['n2'],
          registry: 'reg.lab:5000',
          fix: [
            'Give containerd the CA: put ca.crt in /etc/containerd/certs.d/reg.lab:5000/ and write hosts.toml there: server = "https://reg.lab:5000" and [host."https://reg.lab:5000"] with ca = "/etc/containerd/certs.d/reg.lab:5000/ca.crt"',
            'Make sure config_path = "/etc/containerd/certs.d" is set in /etc/containerd/config.toml (registry section), then restart containerd once.',
            'Or add the CA to the system trust store (update-ca-certificates) and restart containerd.',
          ],
        },
      ],
    },
    {
      name: 'rate limited carries the headers',
      evidence: probes([res({ ok: false, cause: 'image.rate-limited', failedPhase: 'manifest', rateLimit: { limit: '100;w=21600', remaining: '0;w=21600' }, phases: [ph('dns'), ph('tcp'), ph('v2'), ph('manifest', false, '429 toomanyrequests')] })]),
      expect: [
        {
          cause: 'image.rate-limited',
          messageId: 'failed',
          data: { image: 'reg.lab:5000/app:1', node: 'n2', phase: 'manifest', error: '429 toomanyrequests' },
          nodes: ['n2'],
          registry: 'reg.lab:5000',
          fix: [
            'Authenticate pulls from Docker Hub with a pull secret for docker.io (authenticated accounts get a higher limit).',
            'Use a pull-through cache or mirror (containerd certs.d/docker.io/hosts.toml) or copy the images to your own registry.',
            'Reduce pulls: imagePullPolicy IfNotPresent and pinned tags instead of :latest with Always.',
          ],
        },
      ],
    },
    {
      name: 'a broken mirror before a working server is a warning',
      evidence: probes([res({ cause: 'registry.mirror-misconfigured', failedPhase: 'mirror m tcp', attempts: [{ endpoint: 'https://mirror.lab', mirror: true, ok: false, cause: 'registry.connection-refused', failedPhase: 'tcp', error: 'connection refused' }, { endpoint: 'https://reg.lab:5000', mirror: false, ok: true }] })]),
      expect: [
        {
          cause: 'registry.mirror-misconfigured',
          messageId: 'mirror',
          data: { image: 'reg.lab:5000/app:1', node: 'n2', mirror: 'https://mirror.lab', error: 'connection refused' },
          nodes: ['n2'],
          registry: 'reg.lab:5000',
          severity: 'warning',
          fix: [
            'Find which runtime the node uses: kubectl get nodes -o wide (CONTAINER-RUNTIME column).',
            'For containerd, configure the mirror in /etc/containerd/certs.d/reg.lab:5000/hosts.toml: server = "https://reg.lab:5000" plus a [host."https://…"] table for the mirror with capabilities = ["pull", "resolve"]; remove registry.mirrors from config.toml when config_path is set.',
            'Test the mirror from the node: curl -v against its /v2/ endpoint; containerd adds ?ns=reg.lab:5000 to each request.',
          ],
        },
      ],
    },
    {
      name: 'registry.connect-timeout: TCP connect times out (a firewall drops SYNs)',
      evidence: probes([res({ ok: false, cause: 'registry.connect-timeout', failedPhase: 'tcp', phases: [ph('dns'), ph('tcp', false, 'dial tcp 10.0.0.5:5000: i/o timeout')] })]),
      expect: [
        {
          cause: 'registry.connect-timeout',
          messageId: 'failed',
          data: { image: 'reg.lab:5000/app:1', node: 'n2', phase: 'tcp', error: 'dial tcp 10.0.0.5:5000: i/o timeout' },
          nodes: ['n2'],
          registry: 'reg.lab:5000',
          fix: [
            'Test from the node: curl -v --max-time 10 https://reg.lab:5000/v2/',
            'Open egress from the nodes to the registry (TCP 443, or its port) in firewalls and security groups.',
            'If the network requires a proxy, set HTTP_PROXY/HTTPS_PROXY/NO_PROXY for containerd (systemctl edit containerd) and restart it.',
          ],
        },
      ],
    },
    {
      name: 'registry.connection-refused: nothing listens on the registry port',
      evidence: probes([res({ ok: false, cause: 'registry.connection-refused', failedPhase: 'tcp', phases: [ph('dns'), ph('tcp', false, 'dial tcp 10.0.0.5:5000: connect: connection refused')] })]),
      expect: [
        {
          cause: 'registry.connection-refused',
          messageId: 'failed',
          data: { image: 'reg.lab:5000/app:1', node: 'n2', phase: 'tcp', error: 'dial tcp 10.0.0.5:5000: connect: connection refused' },
          nodes: ['n2'],
          registry: 'reg.lab:5000',
          fix: [
            'Check the registry is running and listens on the port in the image reference: curl -v https://reg.lab:5000/v2/',
            'Check the port in the image reference (registry:5000/…) and any mirror endpoint in /etc/containerd/certs.d/reg.lab:5000/hosts.toml.',
            'Look for firewall REJECT rules between the node and the registry.',
          ],
        },
      ],
    },
    {
      name: 'registry.tls-handshake-timeout: the TLS handshake gets no answer',
      evidence: probes([res({ ok: false, cause: 'registry.tls-handshake-timeout', failedPhase: 'tls', phases: [ph('dns'), ph('tcp'), ph('tls', false, 'net/http: TLS handshake timeout')] })]),
      expect: [
        {
          cause: 'registry.tls-handshake-timeout',
          messageId: 'failed',
          data: { image: 'reg.lab:5000/app:1', node: 'n2', phase: 'tls', error: 'net/http: TLS handshake timeout' },
          nodes: ['n2'],
          registry: 'reg.lab:5000',
          fix: [
            'Test from the node: curl -v --max-time 20 https://reg.lab:5000/v2/ and openssl s_client -connect reg.lab:5000 -servername reg.lab',
            'Check the path MTU: ping -M do -s 1472 reg.lab (lower the interface MTU if it fails).',
            'If a proxy is required, configure it for containerd (HTTPS_PROXY in its systemd unit) and restart it.',
          ],
        },
      ],
    },
    {
      name: 'registry.tls-name-mismatch: the certificate names another host',
      evidence: probes([res({ ok: false, cause: 'registry.tls-name-mismatch', failedPhase: 'tls', phases: [ph('dns'), ph('tcp'), ph('tls', false, 'x509: certificate is valid for registry.example.com, not reg.lab')] })]),
      expect: [
        {
          cause: 'registry.tls-name-mismatch',
          messageId: 'failed',
          data: { image: 'reg.lab:5000/app:1', node: 'n2', phase: 'tls', error: 'x509: certificate is valid for registry.example.com, not reg.lab' },
          nodes: ['n2'],
          registry: 'reg.lab:5000',
          fix: [
            'Pull by a name that the certificate lists, or reissue the certificate with that name (and IP, if pulled by IP) in subjectAltName.',
            'Inspect it: openssl s_client -connect reg.lab:5000 -servername reg.lab </dev/null | openssl x509 -noout -ext subjectAltName',
          ],
        },
      ],
    },
    {
      name: 'registry.tls-expired-or-clock: the certificate has expired',
      evidence: probes([res({ ok: false, cause: 'registry.tls-expired-or-clock', failedPhase: 'tls', phases: [ph('dns'), ph('tcp'), ph('tls', false, 'x509: certificate has expired or is not yet valid')] })]),
      expect: [
        {
          cause: 'registry.tls-expired-or-clock',
          messageId: 'failed',
          data: { image: 'reg.lab:5000/app:1', node: 'n2', phase: 'tls', error: 'x509: certificate has expired or is not yet valid' },
          nodes: ['n2'],
          registry: 'reg.lab:5000',
          fix: [
            'Check the node clock: timedatectl (enable NTP: timedatectl set-ntp true).',
            'Check the certificate dates: openssl s_client -connect reg.lab:5000 </dev/null | openssl x509 -noout -dates, and renew it if expired.',
          ],
        },
      ],
    },
    {
      name: 'registry.http-to-https: the registry speaks plain HTTP',
      evidence: probes([res({ ok: false, cause: 'registry.http-to-https', failedPhase: 'tls', phases: [ph('dns'), ph('tcp'), ph('tls', false, 'http: server gave HTTP response to HTTPS client')] })]),
      expect: [
        {
          cause: 'registry.http-to-https',
          messageId: 'failed',
          data: { image: 'reg.lab:5000/app:1', node: 'n2', phase: 'tls', error: 'http: server gave HTTP response to HTTPS client' },
          nodes: ['n2'],
          registry: 'reg.lab:5000',
          fix: [
            'On every node write /etc/containerd/certs.d/reg.lab:5000/hosts.toml: server = "http://reg.lab:5000" and [host."http://reg.lab:5000"] with capabilities = ["pull", "resolve"]',
            'Make sure config_path = "/etc/containerd/certs.d" is set in /etc/containerd/config.toml, then restart containerd once.',
            'Better: serve the registry over TLS.',
          ],
        },
      ],
    },
    {
      name: 'registry.proxy: the node proxy refuses',
      evidence: probes([res({ ok: false, cause: 'registry.proxy', failedPhase: 'tcp', phases: [ph('dns'), ph('tcp', false, 'proxyconnect tcp: dial tcp 10.0.0.1:3128: connect: connection refused')] })]),
      expect: [
        {
          cause: 'registry.proxy',
          messageId: 'failed',
          data: { image: 'reg.lab:5000/app:1', node: 'n2', phase: 'tcp', error: 'proxyconnect tcp: dial tcp 10.0.0.1:3128: connect: connection refused' },
          nodes: ['n2'],
          registry: 'reg.lab:5000',
          fix: [
            "Show the runtime's proxy settings: systemctl show containerd --property=Environment",
            'Fix or remove them in /etc/systemd/system/containerd.service.d/http-proxy.conf (HTTP_PROXY, HTTPS_PROXY, NO_PROXY incl. the cluster and registry hosts), then systemctl daemon-reload && systemctl restart containerd.',
            'Test the proxy the runtime uses (HTTPS_PROXY in systemctl show containerd -p Environment): curl -x "$HTTPS_PROXY" -v https://reg.lab:5000/v2/',
          ],
        },
      ],
    },
    {
      name: 'registry.server-error: the registry answers /v2/ with 503',
      evidence: probes([res({ ok: false, cause: 'registry.server-error', failedPhase: 'v2', phases: [ph('dns'), ph('tcp'), ph('tls'), ph('v2', false, '503 Service Unavailable')] })]),
      expect: [
        {
          cause: 'registry.server-error',
          messageId: 'failed',
          data: { image: 'reg.lab:5000/app:1', node: 'n2', phase: 'v2', error: '503 Service Unavailable' },
          nodes: ['n2'],
          registry: 'reg.lab:5000',
          fix: [
            "Check the registry's health and logs (and those of any proxy or load balancer in front of it).",
            'Retry the pull once the registry is healthy; for "blob unknown" re-push the image so that all layers exist.',
            'If only large layers fail with unexpected EOF, check the path MTU between the node and the registry.',
          ],
        },
      ],
    },
    {
      name: 'image.auth-missing: no credentials for a private repository',
      evidence: probes([res({ ok: false, cause: 'image.auth-missing', failedPhase: 'auth', phases: [ph('dns'), ph('tcp'), ph('tls'), ph('v2'), ph('auth', false, '401 Unauthorized without credentials')] })]),
      expect: [
        {
          cause: 'image.auth-missing',
          messageId: 'failed',
          data: { image: 'reg.lab:5000/app:1', node: 'n2', phase: 'auth', error: '401 Unauthorized without credentials' },
          nodes: ['n2'],
          registry: 'reg.lab:5000',
          unfilled: ['namespace'],
          fix: [
            'Set REGISTRY_USER, REGISTRY_PASSWORD (an account with pull access; its token, both from the registry): read -rs REGISTRY_USER; read -rs REGISTRY_PASSWORD; export REGISTRY_USER REGISTRY_PASSWORD',
            "Create a pull secret in the pod's namespace: kubectl create secret docker-registry regcred -n <namespace> --docker-server=reg.lab:5000 --docker-username=\"$REGISTRY_USER\" --docker-password=\"$REGISTRY_PASSWORD\"",
            "Reference it from the pod (spec.imagePullSecrets: [{name: regcred}]) or from its service account: kubectl patch serviceaccount default -n <namespace> -p '{\"imagePullSecrets\":[{\"name\":\"regcred\"}]}'",
            "Make sure the secret's server key matches the image host exactly, including the port (docker.io or index.docker.io for Docker Hub).",
            'Recreate the pods: service-account pull secrets are copied into a pod only when it is created.',
          ],
        },
      ],
    },
    {
      name: 'image.auth-rejected: the credentials are refused',
      evidence: probes([res({ ok: false, cause: 'image.auth-rejected', failedPhase: 'auth', phases: [ph('dns'), ph('tcp'), ph('tls'), ph('v2'), ph('auth', false, '401 Unauthorized: the credentials were rejected')] })]),
      expect: [
        {
          cause: 'image.auth-rejected',
          messageId: 'failed',
          data: { image: 'reg.lab:5000/app:1', node: 'n2', phase: 'auth', error: '401 Unauthorized: the credentials were rejected' },
          nodes: ['n2'],
          registry: 'reg.lab:5000',
          unfilled: ['namespace'],
          fix: [
            'Test the credential outside Kubernetes: skopeo login reg.lab:5000 (or docker login) with the same user and token.',
            'Set REGISTRY_USER, REGISTRY_PASSWORD (an account with pull access; its token, both from the registry): read -rs REGISTRY_USER; read -rs REGISTRY_PASSWORD; export REGISTRY_USER REGISTRY_PASSWORD',
            'Renew the token and update the secret: kubectl create secret docker-registry regcred -n <namespace> --docker-server=reg.lab:5000 --docker-username="$REGISTRY_USER" --docker-password="$REGISTRY_PASSWORD" --dry-run=client -o yaml | kubectl apply -f -',
            'Grant the account pull (read) access to the repository in the registry.',
            'For ECR, use a credential helper or a job that refreshes the secret every few hours.',
          ],
        },
      ],
    },
    {
      name: 'as the probe records it (no cause): a mirror refused, then the server answered 404 for the tag',
      evidence: probes([
        res({
          ok: false,
          failedPhase: 'manifest',
          phases: [ph('dns'), ph('tcp'), ph('tls'), ph('v2'), ph('manifest', false, '404 manifest unknown: manifest unknown: not found')],
          attempts: [
            { endpoint: 'https://mirror.lab:5000', mirror: true, ok: false, cause: 'registry.connection-refused', failedPhase: 'tcp', error: 'dial tcp 10.0.0.9:5000: connect: connection refused' },
            { endpoint: 'https://reg.lab:5000', mirror: false, ok: false, failedPhase: 'manifest', error: '404 manifest unknown: manifest unknown: not found', answer: { status: 404, code: 'MANIFEST_UNKNOWN' } },
          ],
        }),
      ]),
      expect: [
        {
          cause: 'image.not-found',
          messageId: 'failed',
          data: { image: 'reg.lab:5000/app:1', node: 'n2', phase: 'manifest', error: '404 manifest unknown: manifest unknown: not found' },
          nodes: ['n2'],
          registry: 'reg.lab:5000',
          unfilled: ['pod', 'namespace'],
          fix: [
            'Check the exact reference the pod uses: kubectl get pod <pod> -n <namespace> -o jsonpath="{.spec.containers[*].image}"',
            'List the tags that exist, e.g. skopeo list-tags docker://reg.lab:5000/app (or the registry UI), and correct the tag or digest in the manifest.',
            'Write the registry host explicitly (registry.example.com/team/app:1.2): a name without a host means Docker Hub.',
            'If the repository is private and answers 404 to anonymous clients, add an imagePullSecret for it.',
          ],
        },
      ],
    },
    {
      name: 'image.not-found: the tag does not exist',
      evidence: probes([res({ ok: false, cause: 'image.not-found', failedPhase: 'manifest', phases: [ph('dns'), ph('tcp'), ph('tls'), ph('v2'), ph('manifest', false, '404 MANIFEST_UNKNOWN')] })]),
      expect: [
        {
          cause: 'image.not-found',
          messageId: 'failed',
          data: { image: 'reg.lab:5000/app:1', node: 'n2', phase: 'manifest', error: '404 MANIFEST_UNKNOWN' },
          nodes: ['n2'],
          registry: 'reg.lab:5000',
          unfilled: ['pod', 'namespace'],
          fix: [
            'Check the exact reference the pod uses: kubectl get pod <pod> -n <namespace> -o jsonpath="{.spec.containers[*].image}"',
            'List the tags that exist, e.g. skopeo list-tags docker://reg.lab:5000/app (or the registry UI), and correct the tag or digest in the manifest.',
            'Write the registry host explicitly (registry.example.com/team/app:1.2): a name without a host means Docker Hub.',
            'If the repository is private and answers 404 to anonymous clients, add an imagePullSecret for it.',
          ],
        },
      ],
    },
    {
      name: 'image.platform-mismatch: no image for the node platform',
      evidence: probes([res({ ok: false, cause: 'image.platform-mismatch', failedPhase: 'platform', phases: [ph('dns'), ph('tcp'), ph('tls'), ph('v2'), ph('manifest'), ph('platform', false, 'no linux/arm64 manifest in the index (linux/amd64)')] })]),
      expect: [
        {
          cause: 'image.platform-mismatch',
          messageId: 'failed',
          data: { image: 'reg.lab:5000/app:1', node: 'n2', phase: 'platform', error: 'no linux/arm64 manifest in the index (linux/amd64)' },
          nodes: ['n2'],
          registry: 'reg.lab:5000',
          fix: [
            'Check the platforms the image offers: skopeo inspect --raw docker://reg.lab:5000/app:1 | jq ".manifests[].platform"',
            'Use a multi-arch tag, or build for the node architecture (docker buildx build --platform linux/amd64,linux/arm64).',
            'Or pin the workload to nodes of an architecture the image offers (nodeSelector kubernetes.io/arch in the pod template).',
          ],
        },
      ],
    },
    {
      name: 'image.invalid-reference: the image reference does not parse',
      evidence: probes([res({ ok: false, cause: 'image.invalid-reference', failedPhase: 'reference', phases: [ph('reference', false, 'invalid reference format: repository name must be lowercase')] })]),
      expect: [
        {
          cause: 'image.invalid-reference',
          messageId: 'failed',
          data: { image: 'reg.lab:5000/app:1', node: 'n2', phase: 'reference', error: 'invalid reference format: repository name must be lowercase' },
          nodes: ['n2'],
          registry: 'reg.lab:5000',
          fix: [
            'Read the reference from the event (Failed to apply default image tag "…") and fix it in the workload: lower-case path, [registry[:port]/]path[:tag][@sha256:digest], no scheme.',
            'If the image comes from Helm or Kustomize values, check that image.repository and image.tag are set (an empty tag leaves a trailing ":").',
          ],
        },
      ],
    },
  ],
});
