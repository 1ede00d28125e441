/**
 * Generates realistic error messages for the explain throughput bench: the texts of facts.md §4
 * wrapped the ways kubelet, containerd, Docker and kubectl wrap them, with varied hosts, IPs,
 * images, ids and timestamps. Deterministic for a seed. A share of lines is healthy noise that no
 * signature should name.
 */
import { seededRandom } from '../../src/seeded-random.js';

export const rng = seededRandom;

type R = () => number;
const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: R, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const hex = (r: R, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[int(r, 0, 15)];
  return s;
};

const REGISTRIES = ['registry-1.docker.io', 'quay.io', 'ghcr.io', 'registry.k8s.io', 'harbor.corp.local', 'reg.lab:5000', 'nexus.internal:8443', '123456789012.dkr.ecr.eu-west-1.amazonaws.com', 'myacr.azurecr.io', 'gcr.io'];
const REPOS = ['library/nginx', 'library/redis', 'team/api', 'payments/web', 'flannel-io/flannel', 'coredns/coredns', 'bitnami/postgresql', 'acme/worker', 'tools/jq', 'ml/trainer'];
const TAGS = ['1.25', 'latest', 'v0.28.9', '3.19', '2.4.1', 'v1.11.1', '16', 'nightly', 'sha-' + 'a1b2c3d', '7.2-alpine'];
const NODES = ['worker-1', 'worker-2', 'ip-10-0-3-17', 'k8s-node-07', 'edge-03', 'gpu-a100-2', 'cp-1'];

const ip = (r: R) => `${pick(r, [10, 172, 192])}.${int(r, 0, 255)}.${int(r, 0, 255)}.${int(r, 1, 254)}`;
const ref = (r: R) => {
  const reg = pick(r, REGISTRIES);
  return { reg, repo: pick(r, REPOS), tag: pick(r, TAGS), full: `${reg === 'registry-1.docker.io' ? 'docker.io' : reg}/${pick(r, REPOS)}:${pick(r, TAGS)}` };
};
const klog = (r: R, file: string) =>
  `E${String(int(r, 1, 12)).padStart(2, '0')}${String(int(r, 1, 28)).padStart(2, '0')} ${String(int(r, 0, 23)).padStart(2, '0')}:${String(int(r, 0, 59)).padStart(2, '0')}:${String(int(r, 0, 59)).padStart(2, '0')}.${int(r, 100000, 999999)}    ${int(r, 100, 99999)} ${file}] `;

/** Inner transport/registry errors for the pull chain (facts §4.6, §4.7, §8). */
function innerPullError(r: R, reg: string, repo: string, tag: string): string {
  const host = reg.split(':')[0];
  const url = `https://${reg}/v2/${repo}/manifests/${tag}`;
  const req = (e: string) => `failed to do request: Head "${url}": ${e}`;
  switch (int(r, 0, 15)) {
    case 0: return req(`dial tcp: lookup ${host} on ${pick(r, ['127.0.0.53', '10.0.0.2', '192.168.1.1', '8.8.8.8'])}:53: no such host`);
    case 1: return req(`dial tcp: lookup ${host}: Temporary failure in name resolution`);
    case 2: return req(`dial tcp ${ip(r)}:443: i/o timeout`);
    case 3: return req(`dial tcp ${ip(r)}:${pick(r, [443, 5000, 8443])}: connect: connection refused`);
    case 4: return req('tls: failed to verify certificate: x509: certificate signed by unknown authority');
    case 5: return req(`tls: failed to verify certificate: x509: certificate is valid for ${pick(r, ['localhost', 'registry', 'old.example.com'])}, not ${host}`);
    case 6: return req('x509: certificate has expired or is not yet valid');
    case 7: return req('http: server gave HTTP response to HTTPS client');
    case 8: return req(`proxyconnect tcp: dial tcp ${ip(r)}:3128: connect: connection refused`);
    case 9: return req('net/http: TLS handshake timeout');
    case 10: return `pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
    case 11: return `${reg}/${repo}:${tag}: not found`;
    case 12: return `unexpected status from HEAD request to ${url}: 429 Too Many Requests`;
    case 13: return `unexpected status from HEAD request to ${url}: ${pick(r, ['503 Service Unavailable', '500 Internal Server Error', '401 Unauthorized', '403 Forbidden'])}`;
    case 14: return 'no match for platform in manifest: not found';
    default: return `failed to extract layer sha256:${hex(r, 64)}: write /var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/${int(r, 1, 999)}/fs/usr/lib/libfoo.so: no space left on device: unknown`;
  }
}

function pullMessage(r: R): string {
  const { reg, repo, tag } = ref(r);
  const image = `${reg === 'registry-1.docker.io' ? 'docker.io' : reg}/${repo}:${tag}`;
  const inner = innerPullError(r, reg, repo, tag);
  const chain = `failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${inner}`;
  switch (int(r, 0, 3)) {
    case 0: return `Failed to pull image "${image}": rpc error: code = Unknown desc = ${chain}`;
    case 1: return `${klog(r, 'remote_image.go:180')}"PullImage from image service failed" err="rpc error: code = Unknown desc = ${chain.replace(/"/g, '\\"')}" image="${image}"`;
    case 2: return `Back-off pulling image "${image}": ErrImagePull: ${chain}`;
    default: return `Warning  Failed  ${int(r, 1, 59)}s (x${int(r, 2, 9)} over ${int(r, 1, 9)}m)  kubelet  Failed to pull image "${image}": ${chain}`;
  }
}

function sandboxMessage(r: R): string {
  const id = hex(r, 64);
  const inner = pick(r, [
    `failed to load flannel 'subnet.env' file: open /run/flannel/subnet.env: no such file or directory. Check the flannel pod log for this node.`,
    `failed to find plugin "${pick(r, ['flannel', 'bridge', 'host-local', 'portmap'])}" in path [/opt/cni/bin]`,
    `failed to delegate add: failed to set bridge addr: "cni0" already has an IP address different from 10.244.${int(r, 0, 255)}.1/24`,
    `failed to delegate add: failed to allocate for range 0: no IP addresses available in range set: 10.244.${int(r, 0, 255)}.1-10.244.${int(r, 0, 255)}.254`,
  ]);
  return `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${id}": plugin type="flannel" failed (add): ${inner}`;
}

function flannelMessage(r: R): string {
  const node = pick(r, NODES);
  const pre = klog(r, 'main.go:' + int(r, 200, 600));
  return pre + pick(r, [
    `Error registering network: failed to acquire lease: node "${node}" pod cidr not assigned`,
    `Error registering network: failed to acquire lease: subnet "10.244.0.0/16" specified in the flannel net config doesn't contain "10.${int(r, 0, 255)}.${int(r, 0, 255)}.0/24" PodCIDR of the "${node}" node`,
    `Failed to check br_netfilter: stat /proc/sys/net/bridge/bridge-nf-call-iptables: no such file or directory`,
    `Using interface with name enp0s3 and address 10.0.2.15`,
    `Error fetching backend: unknown backend type: ${pick(r, ['vxlna', 'hostgw', ''])}`,
    `Failed to watch *v1.Node: failed to list *v1.Node: nodes is forbidden: User "system:serviceaccount:kube-flannel:flannel" cannot list resource "nodes" in API group "" at the cluster scope`,
  ]);
}

function dnsMessage(r: R): string {
  return pick(r, [
    `[FATAL] plugin/loop: Loop (127.0.0.1:${int(r, 30000, 60000)} -> :53) detected for zone ".", see https://coredns.io/plugins/loop#troubleshooting. Query: "HINFO ${int(r, 1e9, 2e9)}${int(r, 1e9, 2e9)}.${int(r, 1e9, 2e9)}."`,
    `[ERROR] plugin/errors: 2 ${pick(r, ['example.com.', 'api.github.com.', 'login.corp.'])} ${pick(r, ['A', 'AAAA'])}: read udp ${ip(r)}:${int(r, 30000, 60000)}->${ip(r)}:53: i/o timeout`,
    `Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: ${ip(r)} ${ip(r)} ${ip(r)}`,
    `dial tcp: lookup kubernetes.default.svc.cluster.local on 10.96.0.10:53: read udp 10.244.${int(r, 0, 255)}.${int(r, 2, 250)}:${int(r, 30000, 60000)}->10.96.0.10:53: i/o timeout`,
  ]);
}

function noise(r: R): string {
  return pick(r, [
    `Successfully pulled image "${ref(r).full}" in ${int(r, 100, 9000)}ms (${int(r, 100, 9000)}ms including waiting). Image size: ${int(r, 1e6, 9e8)} bytes.`,
    `Pulling image "${ref(r).full}"`,
    `Created container ${pick(r, ['web', 'api', 'sidecar'])}`,
    `Started container ${pick(r, ['web', 'api', 'sidecar'])}`,
    `Back-off pulling image "${ref(r).full}"`,
    'Error: ImagePullBackOff',
    `Scaled up replica set ${pick(r, ['web', 'api'])}-${hex(r, 10)} to ${int(r, 1, 9)}`,
    `I0101 00:00:00.000000 1 main.go:${int(r, 100, 600)}] Wrote subnet file to /run/flannel/subnet.env`,
  ]);
}

/** One message; about 70% errors of the three problem families, 30% noise. */
export function message(r: R): string {
  const x = r();
  if (x < 0.45) return pullMessage(r);
  if (x < 0.55) return sandboxMessage(r);
  if (x < 0.62) return flannelMessage(r);
  if (x < 0.7) return dnsMessage(r);
  return noise(r);
}

/** `count` messages joined by newlines (with a trailing newline). */
export function messages(count: number, seed = 42): string {
  const r = rng(seed);
  const out: string[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = message(r);
  return out.join('\n') + '\n';
}
