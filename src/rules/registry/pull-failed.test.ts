import { expect, it } from 'vitest';
import { deepFreeze } from '../../engine/deep-freeze.js';
import { runRules } from '../../engine/run-rules.js';
import { makeEvidence, testRule } from '../rule-tester.js';
import { event, node, pod, pullFailedText } from '../image/_fixtures.js';
import rule from './pull-failed.js';

const IMG = 'reg.example.com/team/api:1.4';
const head = 'failed to do request: Head "https://reg.example.com/v2/team/api/manifests/1.4": ';
const dns = pullFailedText(IMG, IMG, head + 'dial tcp: lookup reg.example.com on 127.0.0.53:53: no such host');
const untrusted = pullFailedText(IMG, IMG, head + 'tls: failed to verify certificate: x509: certificate signed by unknown authority');
const plainHttp = pullFailedText('reg.lab:5000/app:1', 'reg.lab:5000/app:1', 'failed to do request: Head "https://reg.lab:5000/v2/app/manifests/1": http: server gave HTTP response to HTTPS client');
const notFound = pullFailedText('nginx:nope', 'docker.io/library/nginx:nope', 'docker.io/library/nginx:nope: not found');

const docker = { containerRuntimeVersion: 'docker://20.10.24' };

testRule(rule, {
  healthy: [
    { name: 'running pods', evidence: { cluster: { nodes: [node('n1')], pods: [pod('shop/api-a1b2c', IMG)] } } },
    {
      name: 'an application cause (not found) is left to image/pull-failed',
      evidence: { cluster: { pods: [pod('shop/web-a1b2c', 'nginx:nope', { waiting: 'ErrImagePull' })], events: [event('shop/web-a1b2c', 'Failed', notFound)] } },
    },
    {
      name: 'old DNS failure events of a pod now running',
      evidence: { cluster: { pods: [pod('shop/api-a1b2c', IMG)], events: [event('shop/api-a1b2c', 'Failed', dns)] } },
    },
  ],
  faulty: [
    {
      name: 'node resolver cannot resolve the registry on two nodes',
      evidence: {
        cluster: {
          nodes: [node('n2'), node('n3')],
          pods: [pod('shop/api-a1b2c', IMG, { node: 'n2', waiting: 'ImagePullBackOff' }), pod('billing/api-d4e5f', IMG, { node: 'n3', waiting: 'ErrImagePull' })],
          events: [event('shop/api-a1b2c', 'Failed', dns, { count: 5 }), event('billing/api-d4e5f', 'Failed', dns)],
        },
      },
      expect: [
        {
          cause: 'registry.dns',
          messageId: 'pullFailed',
          data: { node: 'n2', image: 'reg.example.com/team/api:1.4', registry: 'reg.example.com', host: 'reg.example.com', pod: 'shop/api-a1b2c', matched: 'lookup reg.example.com on 127.0.0.53:53: ', detail: 'dial tcp: lookup reg.example.com on 127.0.0.53:53: no such host', runtime: 'containerd' },
          nodes: ['n2'],
          pods: ['shop/api-a1b2c'],
          registry: 'reg.example.com',
          fix: [
            'Resolve the name on the node itself: getent hosts reg.example.com',
            'Fix the node resolver (resolv.conf, systemd-resolved) or add the registry to /etc/hosts.',
            'Check the spelling of the registry host in the image reference.',
          ],
        },
        {
          cause: 'registry.dns',
          messageId: 'pullFailed',
          data: { node: 'n3', image: 'reg.example.com/team/api:1.4', registry: 'reg.example.com', host: 'reg.example.com', pod: 'billing/api-d4e5f', matched: 'lookup reg.example.com on 127.0.0.53:53: ', detail: 'dial tcp: lookup reg.example.com on 127.0.0.53:53: no such host', runtime: 'containerd' },
          nodes: ['n3'],
          pods: ['billing/api-d4e5f'],
          registry: 'reg.example.com',
          fix: [
            'Resolve the name on the node itself: getent hosts reg.example.com',
            'Fix the node resolver (resolv.conf, systemd-resolved) or add the registry to /etc/hosts.',
            'Check the spelling of the registry host in the image reference.',
          ],
        },
      ],
    },
    {
      name: 'untrusted CA on a containerd node',
      evidence: { cluster: { nodes: [node('n1')], pods: [pod('shop/api-a1b2c', IMG, { waiting: 'ErrImagePull' })], events: [event('shop/api-a1b2c', 'Failed', untrusted)] } },
      expect: [
        {
          cause: 'registry.tls-untrusted',
          messageId: 'pullFailed',
          data: { node: 'n1', image: 'reg.example.com/team/api:1.4', registry: 'reg.example.com', host: 'reg.example.com', pod: 'shop/api-a1b2c', matched: 'certificate signed by unknown authority', detail: 'tls: failed to verify certificate: x509: certificate signed by unknown authority', runtime: 'containerd' },
          nodes: ['n1'],
          pods: ['shop/api-a1b2c'],
          registry: 'reg.example.com',
          fix: [
            "Copy the CA certificate that signed reg.example.com's certificate to /etc/containerd/certs.d/reg.example.com/ca.crt on every node that pulls from it.",
            "Write /etc/containerd/certs.d/reg.example.com/hosts.toml:\n  server = \"https://reg.example.com\"\n  [host.\"https://reg.example.com\"]\n    capabilities = [\"pull\", \"resolve\"]\n    ca = \"/etc/containerd/certs.d/reg.example.com/ca.crt\"",
            'Make sure containerd reads that directory: in /etc/containerd/config.toml set config_path = "/etc/containerd/certs.d" under [plugins."io.containerd.grpc.v1.cri".registry] (containerd 1.x) or [plugins."io.containerd.cri.v1.images".registry] (2.x), and restart containerd once; later hosts.toml edits need no restart.',
            "Or add the CA to the node's system trust store (update-ca-certificates) and restart containerd.",
          ],
        },
      ],
    },
    {
      name: 'plain-HTTP registry on a Docker node',
      evidence: { cluster: { nodes: [node('n1', docker)], pods: [pod('lab/app-a1b2c', 'reg.lab:5000/app:1', { waiting: 'ErrImagePull', message: plainHttp.replace(/^Failed to pull image "[^"]+": /, '') })] } },
      expect: [
        {
          cause: 'registry.http-to-https',
          messageId: 'pullFailed',
          data: { node: 'n1', image: 'reg.lab:5000/app:1', registry: 'reg.lab:5000', host: 'reg.lab:5000', pod: 'lab/app-a1b2c', matched: 'server gave HTTP response to HTTPS client', detail: 'http: server gave HTTP response to HTTPS client', runtime: 'docker' },
          nodes: ['n1'],
          pods: ['lab/app-a1b2c'],
          registry: 'reg.lab:5000',
          fix: [
            'Add "reg.lab:5000" to "insecure-registries" in /etc/docker/daemon.json on every node and restart dockerd.',
            'Better: serve the registry over HTTPS.',
          ],
        },
      ],
    },
    {
      name: 'registry.tls-handshake-timeout: TLS handshake times out (a middlebox eats the ClientHello)',
      evidence: { cluster: { nodes: [node('n1')], pods: [pod('shop/api-a1b2c', IMG, { waiting: 'ErrImagePull' })], events: [event('shop/api-a1b2c', 'Failed', pullFailedText(IMG, IMG, head + 'net/http: TLS handshake timeout'))] } },
      expect: [
        {
          cause: 'registry.tls-handshake-timeout',
          messageId: 'pullFailed',
          data: { node: 'n1', image: 'reg.example.com/team/api:1.4', registry: 'reg.example.com', host: 'reg.example.com', pod: 'shop/api-a1b2c', matched: 'TLS handshake timeout', detail: 'net/http: TLS handshake timeout', runtime: 'containerd' },
          nodes: ['n1'],
          pods: ['shop/api-a1b2c'],
          registry: 'reg.example.com',
          fix: [
            'Test from the node: curl -v --max-time 20 https://reg.example.com:443/v2/ and openssl s_client -connect reg.example.com:443 -servername reg.example.com',
            'Check the path MTU: ping -M do -s 1472 reg.example.com (lower the interface MTU if it fails).',
            'If a proxy is required, configure it for containerd (HTTPS_PROXY in its systemd unit) and restart it.',
          ],
        },
      ],
    },
    {
      name: 'registry.connect-timeout: TCP connect to the registry times out (filtered port)',
      evidence: { cluster: { nodes: [node('n1')], pods: [pod('shop/api-a1b2c', IMG, { waiting: 'ErrImagePull' })], events: [event('shop/api-a1b2c', 'Failed', pullFailedText(IMG, IMG, head + 'dial tcp 10.20.30.40:443: i/o timeout'))] } },
      expect: [
        {
          cause: 'registry.connect-timeout',
          messageId: 'pullFailed',
          data: { node: 'n1', image: 'reg.example.com/team/api:1.4', registry: 'reg.example.com', host: 'reg.example.com', pod: 'shop/api-a1b2c', matched: 'dial tcp 10.20.30.40:443: i/o timeout', detail: 'dial tcp 10.20.30.40:443: i/o timeout', runtime: 'containerd' },
          nodes: ['n1'],
          pods: ['shop/api-a1b2c'],
          registry: 'reg.example.com',
          fix: [
            'Test from the node: curl -v --max-time 10 https://reg.example.com:443/v2/',
            'Open egress from the nodes to the registry (TCP 443, or its port) in firewalls and security groups.',
            'If the network requires a proxy, set HTTP_PROXY/HTTPS_PROXY/NO_PROXY for containerd (systemctl edit containerd) and restart it.',
          ],
        },
      ],
    },
    {
      name: 'registry.connection-refused: nothing listens on the registry port',
      evidence: { cluster: { nodes: [node('n1')], pods: [pod('shop/api-a1b2c', IMG, { waiting: 'ErrImagePull' })], events: [event('shop/api-a1b2c', 'Failed', pullFailedText(IMG, IMG, head + 'dial tcp 10.20.30.40:443: connect: connection refused'))] } },
      expect: [
        {
          cause: 'registry.connection-refused',
          messageId: 'pullFailed',
          data: { node: 'n1', image: 'reg.example.com/team/api:1.4', registry: 'reg.example.com', host: 'reg.example.com', pod: 'shop/api-a1b2c', matched: 'dial tcp 10.20.30.40:443: connect: connection refused', detail: 'dial tcp 10.20.30.40:443: connect: connection refused', runtime: 'containerd' },
          nodes: ['n1'],
          pods: ['shop/api-a1b2c'],
          registry: 'reg.example.com',
          fix: [
            'Check the registry is running and listens on the port in the image reference: curl -v https://reg.example.com:443/v2/',
            'Check the port in the image reference (registry:5000/…) and any mirror endpoint in /etc/containerd/certs.d/reg.example.com/hosts.toml.',
            'Look for firewall REJECT rules between the node and the registry.',
          ],
        },
      ],
    },
    {
      name: 'registry.tls-name-mismatch: the certificate names another host',
      evidence: { cluster: { nodes: [node('n1')], pods: [pod('shop/api-a1b2c', IMG, { waiting: 'ErrImagePull' })], events: [event('shop/api-a1b2c', 'Failed', pullFailedText(IMG, IMG, head + 'tls: failed to verify certificate: x509: certificate is valid for registry.example.org, not reg.example.com'))] } },
      expect: [
        {
          cause: 'registry.tls-name-mismatch',
          messageId: 'pullFailed',
          data: { node: 'n1', image: 'reg.example.com/team/api:1.4', registry: 'reg.example.com', host: 'reg.example.com', pod: 'shop/api-a1b2c', matched: 'certificate is valid for registry.example.org, not reg.example.com', detail: 'tls: failed to verify certificate: x509: certificate is valid for registry.example.org, not reg.example.com', runtime: 'containerd' },
          nodes: ['n1'],
          pods: ['shop/api-a1b2c'],
          registry: 'reg.example.com',
          fix: [
            'Pull by a name that the certificate lists, or reissue the certificate with that name (and IP, if pulled by IP) in subjectAltName.',
            'Inspect it: openssl s_client -connect reg.example.com:443 -servername reg.example.com </dev/null | openssl x509 -noout -ext subjectAltName',
          ],
        },
      ],
    },
    {
      name: 'registry.tls-expired-or-clock: the certificate expired (or the node clock is wrong)',
      evidence: { cluster: { nodes: [node('n1')], pods: [pod('shop/api-a1b2c', IMG, { waiting: 'ErrImagePull' })], events: [event('shop/api-a1b2c', 'Failed', pullFailedText(IMG, IMG, head + 'tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-03-01T10:00:00Z is after 2026-02-28T23:59:59Z'))] } },
      expect: [
        {
          cause: 'registry.tls-expired-or-clock',
          messageId: 'pullFailed',
          data: { node: 'n1', image: 'reg.example.com/team/api:1.4', registry: 'reg.example.com', host: 'reg.example.com', pod: 'shop/api-a1b2c', matched: 'certificate has expired', detail: 'tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-03-01T10:00:00Z is after 2026-02-28T23:59:59Z', runtime: 'containerd' },
          nodes: ['n1'],
          pods: ['shop/api-a1b2c'],
          registry: 'reg.example.com',
          fix: [
            'Check the node clock: timedatectl (enable NTP: timedatectl set-ntp true).',
            'Check the certificate dates: openssl s_client -connect reg.example.com:443 </dev/null | openssl x509 -noout -dates, and renew it if expired.',
          ],
        },
      ],
    },
    {
      name: 'registry.proxy: the node proxy refuses the connection',
      evidence: { cluster: { nodes: [node('n1')], pods: [pod('shop/api-a1b2c', IMG, { waiting: 'ErrImagePull' })], events: [event('shop/api-a1b2c', 'Failed', pullFailedText(IMG, IMG, 'failed to do request: Head "https://reg.example.com/v2/team/api/manifests/1.4": proxyconnect tcp: dial tcp 10.0.0.1:3128: connect: connection refused'))] } },
      expect: [
        {
          cause: 'registry.proxy',
          messageId: 'pullFailed',
          data: { node: 'n1', image: 'reg.example.com/team/api:1.4', registry: 'reg.example.com', host: 'reg.example.com', pod: 'shop/api-a1b2c', matched: 'proxyconnect tcp', detail: 'proxyconnect tcp: dial tcp 10.0.0.1:3128: connect: connection refused', runtime: 'containerd' },
          nodes: ['n1'],
          pods: ['shop/api-a1b2c'],
          registry: 'reg.example.com',
          fix: [
            "Show the runtime's proxy settings: systemctl show containerd --property=Environment",
            'Fix or remove them in /etc/systemd/system/containerd.service.d/http-proxy.conf (HTTP_PROXY, HTTPS_PROXY, NO_PROXY incl. the cluster and registry hosts), then systemctl daemon-reload && systemctl restart containerd.',
            'Test the proxy the runtime uses (HTTPS_PROXY in systemctl show containerd -p Environment): curl -x "$HTTPS_PROXY" -v https://reg.example.com:443/v2/',
          ],
        },
      ],
    },
    {
      name: 'registry.mirror-misconfigured: the configured mirror does not resolve',
      evidence: { cluster: { nodes: [node('n1')], pods: [pod('shop/api-a1b2c', IMG, { waiting: 'ErrImagePull' })], events: [event('shop/api-a1b2c', 'Failed', pullFailedText(IMG, IMG, 'failed to do request: Head "https://mirror.corp.local/v2/team/api/manifests/1.4?ns=reg.example.com": dial tcp: lookup mirror.corp.local on 127.0.0.53:53: no such host'))] } },
      expect: [
        {
          cause: 'registry.mirror-misconfigured',
          messageId: 'pullFailed',
          data: { node: 'n1', image: 'reg.example.com/team/api:1.4', registry: 'reg.example.com', host: 'reg.example.com', pod: 'shop/api-a1b2c', matched: '?ns=reg.example.com": ', detail: 'dial tcp: lookup mirror.corp.local on 127.0.0.53:53: no such host', runtime: 'containerd' },
          nodes: ['n1'],
          pods: ['shop/api-a1b2c'],
          registry: 'reg.example.com',
          fix: [
            'This node runs containerd: /etc/docker/daemon.json "registry-mirrors" has no effect on its pulls.',
            'Configure the mirror in /etc/containerd/certs.d/reg.example.com/hosts.toml (for Docker Hub: /etc/containerd/certs.d/docker.io/hosts.toml) with server = "https://reg.example.com" and a [host."https://<mirror>"] table with capabilities = ["pull", "resolve"]; check the mirror answers GET /v2/ from the node.',
            'Make sure containerd reads that directory: in /etc/containerd/config.toml set config_path = "/etc/containerd/certs.d" under [plugins."io.containerd.grpc.v1.cri".registry] (containerd 1.x) or [plugins."io.containerd.cri.v1.images".registry] (2.x), and restart containerd once; later hosts.toml edits need no restart.',
          ],
        },
      ],
    },
    {
      name: 'registry.server-error: the registry closes the connection mid-request',
      evidence: { cluster: { nodes: [node('n1')], pods: [pod('shop/api-a1b2c', IMG, { waiting: 'ErrImagePull' })], events: [event('shop/api-a1b2c', 'Failed', pullFailedText(IMG, IMG, head + 'EOF'))] } },
      expect: [
        {
          cause: 'registry.server-error',
          messageId: 'pullFailed',
          data: { node: 'n1', image: 'reg.example.com/team/api:1.4', registry: 'reg.example.com', host: 'reg.example.com', pod: 'shop/api-a1b2c', matched: '": EOF', detail: 'EOF', runtime: 'containerd' },
          nodes: ['n1'],
          pods: ['shop/api-a1b2c'],
          registry: 'reg.example.com',
          fix: [
            "Check the registry's health and logs (and those of any proxy or load balancer in front of it).",
            'Retry the pull once the registry is healthy; for "blob unknown" re-push the image so that all layers exist.',
            'If only large layers fail with unexpected EOF, check the path MTU between the node and the registry.',
          ],
        },
      ],
    },
  ],
});

it('the fix follows the node runtime: hosts.toml on containerd, daemon.json on Docker', () => {
  const run = (runtime: string) =>
    runRules(
      deepFreeze(
        makeEvidence({
          cluster: { nodes: [node('n1', { containerRuntimeVersion: runtime })], pods: [pod('lab/app-a1b2c', 'reg.lab:5000/app:1', { waiting: 'ErrImagePull' })], events: [event('lab/app-a1b2c', 'Failed', plainHttp)] },
        }),
      ),
      [rule],
    ).findings;
  const onContainerd = run('containerd://1.7.13');
  expect(onContainerd.map((f) => f.cause)).toEqual(['registry.http-to-https']);
  expect(onContainerd[0].fix.join('\n')).toContain('/etc/containerd/certs.d/reg.lab:5000/hosts.toml');
  expect(onContainerd[0].fix.join('\n')).not.toContain('daemon.json');
  const onDocker = run('docker://20.10.24');
  expect(onDocker[0].fix.join('\n')).toContain('insecure-registries');
  expect(onDocker[0].fix.join('\n')).not.toContain('hosts.toml');
});

it('names the node runtime as evidence only when the fix depends on it', () => {
  const dnsText = plainHttp.replace(/http: server gave HTTP response to HTTPS client/, 'dial tcp: lookup reg.lab on 127.0.0.53:53: no such host');
  const run = (text: string) =>
    runRules(
      deepFreeze(
        makeEvidence({
          cluster: { nodes: [node('n1', { containerRuntimeVersion: 'containerd://1.7.13' })], pods: [pod('lab/app-a1b2c', 'reg.lab:5000/app:1', { waiting: 'ErrImagePull' })], events: [event('lab/app-a1b2c', 'Failed', text)] },
        }),
      ),
      [rule],
    ).findings;
  const runtimeItems = (text: string) => run(text).flatMap((f) => f.evidence).filter((e) => e.what.includes('containerRuntimeVersion'));
  expect(run(dnsText).map((f) => f.cause)).toEqual(['registry.dns']);
  expect(runtimeItems(dnsText)).toEqual([]);
  expect(runtimeItems(plainHttp)).toHaveLength(1);
});
