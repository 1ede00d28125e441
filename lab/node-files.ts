/**
 * Each lab node's file tree under `<lab dir>/nodes/<node>/`, laid out like the real node's root so
 * `flannel-doctor node --host-root <root>` reads it as it would read `/` on a node.
 */
import { existsSync } from 'node:fs';
import { appendFile, copyFile, link, mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { klogLine } from './klog.js';
import { packageRoot } from './package-root.js';
import { FLANNEL_MTU, UPSTREAM_DNS_IP, EXTERNAL_ZONE, hostIn } from './plan.js';
import type { LabNode, LabState } from './types.js';

/** The conflist of kube-flannel-cfg's cni-conf.json, written by the install-cni init container (facts §1.2). */
export const FLANNEL_CONFLIST = {
  name: 'cbr0',
  cniVersion: '0.3.1',
  plugins: [
    { type: 'flannel', delegate: { hairpinMode: true, isDefaultGateway: true } },
    { type: 'portmap', capabilities: { portMappings: true } },
  ],
};

export function netConf(clusterCIDR: string): Record<string, unknown> {
  return { Network: clusterCIDR, EnableNFTables: false, Backend: { Type: 'vxlan' } };
}

/** The real plugins a node gets from containernetworking-plugins (Debian: /usr/lib/cni). */
export const SYSTEM_CNI_DIR = '/usr/lib/cni';
export const LINKED_PLUGINS = ['bridge', 'host-local', 'portmap', 'loopback'];

export function subnetEnv(clusterCIDR: string, podCIDR: string, mtu = FLANNEL_MTU): string {
  return [
    `FLANNEL_NETWORK=${clusterCIDR}`,
    `FLANNEL_SUBNET=${hostIn(podCIDR, 1)}/${podCIDR.split('/')[1]}`,
    `FLANNEL_MTU=${mtu}`,
    'FLANNEL_IPMASQ=true',
    '',
  ].join('\n');
}

export async function writeFileP(path: string, text: string, mode?: number): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text, mode ? { mode } : undefined);
}

export function nodePath(node: LabNode, p: string): string {
  return join(node.root, p.replace(/^\//, ''));
}

/** The flannel CNI plugin stand-in: Debian ships no flannel binary, so the node's
 * /opt/cni/bin/flannel is this wrapper around lab/bin/flannel-cni.mjs, which does what flannel's
 * plugin does (read subnet.env, build the bridge delegate config, exec the real bridge plugin). */
export function flannelWrapper(node: LabNode): string {
  const script = join(packageRoot(), 'lab', 'bin', 'flannel-cni.mjs');
  return [
    '#!/bin/sh',
    '# flannel-doctor lab: stand-in for flannel-io/cni-plugin (no flannel binary in Debian).',
    `FLANNEL_LAB_NODE_ROOT='${node.root}' exec '${process.execPath}' '${script}' "$@"`,
    '',
  ].join('\n');
}

export async function installCniBinaries(node: LabNode): Promise<void> {
  const bin = nodePath(node, 'opt/cni/bin');
  await mkdir(bin, { recursive: true });
  // Hard links (a copy across filesystems), not symlinks: a gatherer reading the tree under
  // --host-root resolves absolute symlinks inside the root, where /usr/lib/cni does not exist.
  for (const p of LINKED_PLUGINS) {
    if (existsSync(join(bin, p))) continue;
    await link(join(SYSTEM_CNI_DIR, p), join(bin, p)).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EXDEV' && e.code !== 'EPERM') throw e;
      await copyFile(join(SYSTEM_CNI_DIR, p), join(bin, p));
    });
  }
  await writeFileP(join(bin, 'flannel'), flannelWrapper(node), 0o755);
}

/**
 * The node's real containerd (lab/runtime) runs in the root filesystem, so its config names the node
 * tree by absolute lab paths (e.g. <root>/opt/cni/bin). A gatherer reading the tree under --host-root
 * joins those to the root; this relative link makes <root>/<root> lead back to <root>.
 */
export async function linkSelf(node: LabNode): Promise<void> {
  const parts = node.root.split('/').filter(Boolean);
  const inside = join(node.root, ...parts.slice(0, -1));
  await mkdir(inside, { recursive: true });
  const selfLink = join(inside, parts[parts.length - 1]);
  if (!existsSync(selfLink)) await symlink(Array(parts.length - 1).fill('..').join('/'), selfLink);
}

export async function writeNodeFiles(state: LabState, node: LabNode): Promise<void> {
  const f = (p: string) => nodePath(node, p);
  await Promise.all([
    linkSelf(node),
    installCniBinaries(node),
    writeFileP(f('etc/cni/net.d/10-flannel.conflist'), JSON.stringify(FLANNEL_CONFLIST, null, 2) + '\n'),
    writeFileP(f('etc/kube-flannel/net-conf.json'), JSON.stringify(netConf(state.clusterCIDR), null, 2) + '\n'),
    writeFileP(f('etc/kube-flannel/cni-conf.json'), JSON.stringify(FLANNEL_CONFLIST, null, 2) + '\n'),
    writeFileP(f('run/flannel/subnet.env'), subnetEnv(state.clusterCIDR, node.podCIDR), 0o644),
    writeFileP(f('etc/resolv.conf'), nodeResolvConf()),
    writeFileP(f('etc/hostname'), node.name + '\n'),
    writeFileP(f('etc/containerd/config.toml'), containerdConfig()),
    mkdir(f('etc/containerd/certs.d'), { recursive: true }),
    mkdir(f('var/lib/cni/networks'), { recursive: true }),
    writeFileP(f('var/lib/kubelet/config.yaml'), kubeletConfig(state)),
    writeFileP(f('var/log/flanneld.log'), flanneldStartLog(state, node)),
    writeFileP(f('var/log/kubelet.log'), klogLine('I', 'server.go', 'Started kubelet') + '\n'),
    writeFileP(f('var/log/containerd.log'), `time="${new Date().toISOString()}" level=info msg="containerd successfully booted in 0.05s"\n`),
  ]);
}

export function nodeResolvConf(): string {
  return `# node resolver: the site DNS server of the lab's outside world\nnameserver ${UPSTREAM_DNS_IP}\nsearch ${EXTERNAL_ZONE}\n`;
}

function containerdConfig(): string {
  return [
    'version = 2',
    '',
    '[plugins."io.containerd.grpc.v1.cri"]',
    '  sandbox_image = "registry.k8s.io/pause:3.8"',
    '  [plugins."io.containerd.grpc.v1.cri".cni]',
    '    bin_dir = "/opt/cni/bin"',
    '    conf_dir = "/etc/cni/net.d"',
    '  [plugins."io.containerd.grpc.v1.cri".registry]',
    '    config_path = "/etc/containerd/certs.d"',
    '',
  ].join('\n');
}

function kubeletConfig(state: LabState): string {
  return [
    'apiVersion: kubelet.config.k8s.io/v1beta1',
    'kind: KubeletConfiguration',
    'clusterDomain: cluster.local',
    'clusterDNS:',
    `- ${state.dnsServiceIP}`,
    'resolvConf: /etc/resolv.conf',
    'containerRuntimeEndpoint: unix:///run/containerd/containerd.sock',
    '',
  ].join('\n');
}

/** flanneld's normal start sequence in kube mode (facts §1.8), klog formatted. */
export function flanneldStartLog(state: LabState, node: LabNode): string {
  const l = (file: string, msg: string) => klogLine('I', file, msg);
  return (
    [
      l('main.go:211', `CLI flags config: {etcdEndpoints:http://127.0.0.1:4001,http://127.0.0.1:2379 etcdPrefix:/coreos.com/network etcdKeyfile: etcdCertfile: etcdCAFile: etcdUsername: etcdPassword: version:false kubeSubnetMgr:true kubeApiUrl: kubeAnnotationPrefix:flannel.alpha.coreos.com kubeConfigFile: iface:[] ifaceRegex:[] ipMasq:true ipMasqRandomFullyDisable:false ifaceCanReach: subnetFile:/run/flannel/subnet.env publicIP: publicIPv6: subnetLeaseRenewMargin:60 healthzIP:0.0.0.0 healthzPort:8081 iptablesResyncSeconds:5 iptablesForwardRules:true netConfPath:/etc/kube-flannel/net-conf.json setNodeNetworkUnavailable:true}`),
      l('kube.go:139', 'Waiting 10m0s for node controller to sync'),
      l('kube.go:469', 'Starting kube subnet manager'),
      l('kube.go:146', 'Node controller sync successful'),
      l('main.go:231', `Created subnet manager: Kubernetes Subnet Manager - ${node.name}`),
      l('main.go:234', 'Installing signal handlers'),
      l('main.go:468', 'Found network config - Backend type: vxlan'),
      l('match.go:210', 'Determining IP address of default interface'),
      l('match.go:263', `Using interface with name eth0 and address ${node.ip}`),
      l('match.go:285', `Defaulting external address to interface address (${node.ip})`),
      l('vxlan.go:141', 'VXLAN config: VNI=1 Port=0 GBP=false Learning=false DirectRouting=false'),
      l('kube.go:636', `List of node(${node.name}) annotations: map[string]string{"flannel.alpha.coreos.com/backend-data":"{\\"VNI\\":1,\\"VtepMAC\\":\\"${node.vtepMac}\\"}", "flannel.alpha.coreos.com/public-ip":"${node.ip}"}`),
      l('main.go:421', 'Cleaning-up unused traffic manager rules'),
      l('main.go:453', 'Starting flannel in iptables mode...'),
      l('main.go:361', 'Setting up masking rules'),
      l('main.go:391', 'Changing default FORWARD chain policy to ACCEPT'),
      l('iptables.go:51', 'Starting healthz server on 0.0.0.0:8081'),
      l('main.go:410', 'Wrote subnet file to /run/flannel/subnet.env'),
      l('main.go:414', 'flannel is ready'),
      l('main.go:417', 'Running backend.'),
      l('vxlan_network.go:65', 'watching for new subnet leases'),
      ...state.nodes
        .filter((p) => p.name !== node.name)
        .map((p) => l('kube.go:510', `Handling add event for lease of subnet ${p.podCIDR} (public IP ${p.ip})`)),
    ].join('\n') + '\n'
  );
}

export async function appendLog(node: LabNode, file: 'flanneld' | 'kubelet' | 'containerd', lines: string[]): Promise<void> {
  if (!lines.length) return;
  const p = nodePath(node, `var/log/${file}.log`);
  await mkdir(dirname(p), { recursive: true });
  await appendFile(p, lines.join('\n') + '\n');
}

export async function listDir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

export async function removePath(p: string): Promise<void> {
  await rm(p, { recursive: true, force: true });
}
