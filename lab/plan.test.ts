/** Pure parts of the lab: the address plan and the configuration it writes for the real components. */
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { corednsManifest, flannelManifest } from './cluster/addons.js';
import { kubeletConfigYaml, kubeProxyConfigYaml, nodeContainerdToml } from './cluster/node-config.js';
import { anchorArgv, NODE_PATHS } from './cluster/node-mounts.js';
import { appPodsManifest } from './cluster/up.js';
import { planState } from './lab.js';
import { validateLabName, vtepMac } from './plan.js';

describe('lab plan', () => {
  it('derives node names, namespaces and underlay addresses from the lab name', () => {
    const s = planState('fdx', 3);
    expect(s.nodes.map((n) => [n.name, n.netns, n.ip])).toEqual([
      ['n1', 'fdx-n1', '172.31.250.11'],
      ['n2', 'fdx-n2', '172.31.250.12'],
      ['n3', 'fdx-n3', '172.31.250.13'],
    ]);
    expect(vtepMac('fdx', 2)).not.toBe(vtepMac('fdy', 2));
  });

  it('rejects names that cannot prefix namespaces', () => {
    expect(validateLabName('fdlab')).toBeUndefined();
    expect(validateLabName('Bad-Name')).toMatch(/lower-case/);
    expect(validateLabName('waytoolongname')).toMatch(/1-10/);
  });
});

describe('real component configuration', () => {
  const s = planState('fdx', 2);
  it('kubelet: cgroupfs on cgroup v1, its own cgroup root, the cluster DNS', () => {
    const k = YAML.parse(kubeletConfigYaml({ clientCA: '/ca.crt', cgroupRoot: '/fdx-n1', runtimeEndpoint: 'unix:///run/containerd/containerd.sock', clusterDNS: '10.96.0.10', clusterDomain: 'cluster.local', resolvConf: '/etc/resolv.conf' }));
    expect(k).toMatchObject({ kind: 'KubeletConfiguration', cgroupDriver: 'cgroupfs', failCgroupV1: false, cgroupRoot: '/fdx-n1', clusterDNS: ['10.96.0.10'], authentication: { anonymous: { enabled: false } } });
  });
  it('kube-proxy: iptables mode, leaves the host-wide conntrack table size alone', () => {
    const k = YAML.parse(kubeProxyConfigYaml({ kubeconfig: '/k', clusterCIDR: '10.244.0.0/16', hostname: 'n1' }));
    expect(k).toMatchObject({ mode: 'iptables', hostnameOverride: 'n1', conntrack: { maxPerCore: 0 } });
  });
  it('containerd: stock paths, runc with cgroupfs, the lab pause image', () => {
    const t = nodeContainerdToml(s.nodes[0], '172.31.250.3:5000/pause:3.10.2');
    expect(t).toContain('SystemdCgroup = false');
    expect(t).toContain('sandbox_image = "172.31.250.3:5000/pause:3.10.2"');
    expect(t).toContain('conf_dir = "/etc/cni/net.d"');
    expect(t).not.toContain(s.nodes[0].root);
  });
  it('the node anchor binds every node path from the node tree, never the host one', () => {
    const script = anchorArgv(s.nodes[0]).at(-1)!;
    for (const p of NODE_PATHS) expect(script).toContain(`mount --bind '${s.nodes[0].root}${p}' '${p}'`);
    expect(anchorArgv(s.nodes[0]).slice(0, 5)).toEqual(['unshare', '--mount', '--propagation', 'slave', '--']);
  });
  it('the real kube-flannel manifest, images mirrored, Network set; nothing else changed', () => {
    const docs = YAML.parseAllDocuments(flannelManifest('172.31.250.3:5000', '10.42.0.0/16')).map((d) => d.toJSON());
    const ds = docs.find((d) => d.kind === 'DaemonSet');
    const images = [...ds.spec.template.spec.initContainers, ...ds.spec.template.spec.containers].map((c: any) => c.image);
    expect(images.every((i: string) => i.startsWith('172.31.250.3:5000/flannel-io/'))).toBe(true);
    expect(JSON.parse(docs.find((d) => d.kind === 'ConfigMap').data['net-conf.json']).Network).toBe('10.42.0.0/16');
    expect(docs.map((d) => d.kind)).toEqual(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'ServiceAccount', 'ConfigMap', 'DaemonSet']);
  });
  it('CoreDNS in kubeadm shape: the Service at the DNS IP, the loop plugin on', () => {
    const docs = YAML.parseAllDocuments(corednsManifest('reg/coredns:v1', 2)).map((d) => d.toJSON());
    expect(docs.find((d) => d.kind === 'Service').spec.clusterIP).toBe('10.96.0.10');
    expect(docs.find((d) => d.kind === 'ConfigMap').data.Corefile).toMatch(/\n\s+loop\n/);
    expect(docs.find((d) => d.kind === 'Deployment').spec.replicas).toBe(2);
  });
  it('app pods are bound to their node', () => {
    const list = JSON.parse(appPodsManifest(s, 'reg/pause:1', 2));
    expect(list.items.map((p: any) => `${p.metadata.name}@${p.spec.nodeName}`)).toEqual(['app-n1-1@n1', 'app-n1-2@n1', 'app-n2-1@n2', 'app-n2-2@n2']);
  });
});
