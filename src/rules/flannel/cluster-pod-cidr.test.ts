import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../engine/deep-freeze.js';
import { runRules } from '../../engine/run-rules.js';
import type { ConfigMapInfo, WorkloadInfo } from '../../evidence/cluster.js';
import { node, pod } from '../image/_fixtures.js';
import { makeEvidence, testRule, type EvidenceInput } from '../rule-tester.js';
import rule from './cluster-pod-cidr.js';

const ds = (args: string[]): WorkloadInfo => ({
  kind: 'DaemonSet',
  namespace: 'kube-flannel',
  name: 'kube-flannel-ds',
  labels: { app: 'flannel', 'k8s-app': 'flannel', tier: 'node' },
  selector: { app: 'flannel' },
  desired: 2,
  ready: 1,
  containers: [{ name: 'kube-flannel', image: 'ghcr.io/flannel-io/flannel:v0.28.9', init: false, command: ['/opt/bin/flanneld'], args }],
  hostNetwork: true,
});
const withCidr = (name: string, cidr: string) => node(name, { podCIDR: cidr, podCIDRs: [cidr] });
const crashing = {
  ...pod('kube-flannel/kube-flannel-ds-x7k2p', 'ghcr.io/flannel-io/flannel:v0.28.9', { node: 'n3', labels: { app: 'flannel' }, container: 'kube-flannel' }),
};
crashing.statuses = [
  {
    ...crashing.statuses[0],
    ready: false,
    state: 'waiting',
    reason: 'CrashLoopBackOff',
    restartCount: 12,
    lastTerminationReason: 'Error',
    lastExitCode: 1,
    lastTerminationMessage: 'E1127 10:02:11.123456       1 main.go:335] Error registering network: failed to acquire lease: node "n3" pod cidr not assigned',
  },
];

testRule(rule, {
  healthy: [
    { name: 'every node has a podCIDR', evidence: { cluster: { nodes: [withCidr('n1', '10.244.0.0/24'), withCidr('n2', '10.244.1.0/24')], workloads: [ds(['--ip-masq', '--kube-subnet-mgr'])] } } },
    { name: 'no flannel in the cluster at all', evidence: { cluster: { nodes: [node('n1')] } } },
    { name: 'flannel with an etcd datastore does not use podCIDR', evidence: { cluster: { nodes: [node('n1')], workloads: [ds(['--etcd-endpoints=https://10.0.0.1:2379'])] } } },
    { name: 'a Windows node is not flannel\'s Linux DaemonSet\'s business', evidence: { cluster: { nodes: [withCidr('n1', '10.244.0.0/24'), node('win1', { operatingSystem: 'windows' })], workloads: [ds(['--kube-subnet-mgr'])] } } },
  ],
  faulty: [
    {
      name: 'node n3 without podCIDR and its flannel pod crash-looping',
      evidence: { cluster: { nodes: [withCidr('n1', '10.244.0.0/24'), node('n3')], workloads: [ds(['--ip-masq', '--kube-subnet-mgr'])], pods: [crashing] } },
      expect: [
        {
          cause: 'flannel.no-pod-cidr',
          messageId: 'noPodCidr',
          data: { node: 'n3' },
          nodes: ['n3'],
          pods: ['kube-flannel/kube-flannel-ds-x7k2p'],
          fix: [
            'Give n3 an unused /24 inside the cluster pod network by hand (kubectl patch node n3 with spec.podCIDR and spec.podCIDRs); flannel-doctor cannot propose one: the evidence does not show the cluster pod network (net-conf.json, kubeadm-config, --cluster-cidr).',
            'Restart flannel on n3: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n3',
            'From now on let the controller manager allocate them: kube-controller-manager --allocate-node-cidrs=true --cluster-cidr=<the cluster pod network> (kubeadm: networking.podSubnet)',
          ],
        },
      ],
    },
    {
      name: 'embedded flannel seen only through node annotations',
      evidence: {
        cluster: {
          nodes: [{ ...withCidr('n1', '10.42.0.0/24'), annotations: { 'flannel.alpha.coreos.com/kube-subnet-manager': 'true' } }, node('n2')],
        },
      },
      expect: [
        {
          cause: 'flannel.no-pod-cidr',
          messageId: 'noPodCidr',
          data: { node: 'n2' },
          nodes: ['n2'],
          fix: [
            'Give n2 an unused /24 inside the cluster pod network by hand (kubectl patch node n2 with spec.podCIDR and spec.podCIDRs); flannel-doctor cannot propose one: the evidence does not show the cluster pod network (net-conf.json, kubeadm-config, --cluster-cidr).',
            'Restart flannel on n2: kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n2',
            'From now on let the controller manager allocate them: kube-controller-manager --allocate-node-cidrs=true --cluster-cidr=<the cluster pod network> (kubeadm: networking.podSubnet)',
          ],
        },
      ],
    },
  ],
});

describe('the podCIDR fix is computed from the cluster', () => {
  const run = (input: EvidenceInput) => runRules(deepFreeze(makeEvidence(input)), [rule]).findings;
  const netConf = (network: string): ConfigMapInfo => ({ namespace: 'kube-flannel', name: 'kube-flannel-cfg', data: { 'net-conf.json': JSON.stringify({ Network: network, Backend: { Type: 'vxlan' } }) } }) as ConfigMapInfo;

  it('a free block inside net-conf.json Network, a different one per node, never one in use', () => {
    const found = run({
      cluster: {
        nodes: [withCidr('n1', '10.244.0.0/24'), withCidr('n2', '10.244.1.0/24'), withCidr('n5', '10.244.5.0/24'), node('n3'), node('n4')],
        workloads: [ds(['--kube-subnet-mgr'])],
        configMaps: [netConf('10.244.0.0/16')],
      },
    });
    const patch = (n: string) => found.find((f) => f.nodes[0] === n)!.steps[0];
    expect(patch('n3')).toEqual({
      text: 'Give n3 the free podCIDR 10.244.2.0/24',
      on: 'cluster',
      run: `kubectl patch node n3 --type merge -p '{"spec":{"podCIDR":"10.244.2.0/24","podCIDRs":["10.244.2.0/24"]}}'`,
      verify: `test "$(kubectl get node n3 -o jsonpath='{.spec.podCIDR}')" = 10.244.2.0/24`,
    });
    expect(patch('n4').run).toContain('"podCIDR":"10.244.3.0/24"');
    expect(patch('n3').verify).toBe(`test "$(kubectl get node n3 -o jsonpath='{.spec.podCIDR}')" = 10.244.2.0/24`);
    // then flannel restarts on that node, the catalog's step
    expect(found.find((f) => f.nodes[0] === 'n3')!.steps[1].run).toBe('kubectl -n kube-flannel delete pod -l app=flannel --field-selector spec.nodeName=n3');
    expect(patch('n3').manual).toBeUndefined();
    expect(found[0].fix.join('\n')).toContain('--cluster-cidr=10.244.0.0/16');
  });

  it('on k3s, inside 10.42.0.0/16 at the nodes\' mask', () => {
    const k3s = (n: ReturnType<typeof node>) => ({ ...n, kubeletVersion: 'v1.30.2+k3s1', annotations: { 'flannel.alpha.coreos.com/kube-subnet-manager': 'true' } });
    const [f] = run({ cluster: { nodes: [k3s(withCidr('n1', '10.42.0.0/25')), k3s(withCidr('n2', '10.42.0.128/25')), k3s(node('n3'))] } });
    expect(f.steps[0].run).toContain('"podCIDR":"10.42.1.0/25"');
    expect(f.evidence).toContainEqual({ where: 'the k3s default, kubelet v1.30.2+k3s1', what: 'cluster pod network 10.42.0.0/16; first free /25: 10.42.1.0/25' });
  });

  it('says so, and applies nothing, when the cluster network is unknown', () => {
    const [f] = run({ cluster: { nodes: [withCidr('n1', '10.244.0.0/24'), node('n3')], workloads: [ds(['--kube-subnet-mgr'])] } });
    expect(f.steps[0].run).toBeUndefined();
    expect(f.steps[0].manual).toBeTruthy();
    expect(f.fix[0]).toMatch(/cannot propose one: the evidence does not show the cluster pod network/);
    expect(f.fix.join('\n')).not.toMatch(/10\.244\.5\.0|10\.244\.0\.0\/16/);
  });
});
