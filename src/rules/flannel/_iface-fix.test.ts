import { describe, expect, it } from 'vitest';
import type { FixStepSpec } from '../../catalog/fix-types.js';
import { healthy } from '../_healthy-nodes.js';
import { makeEvidence } from '../rule-tester.js';
import { ifaceFix } from './_iface-fix.js';
import { fillSteps } from '../../fix/steps.js';

const restart: FixStepSpec = { text: 'restart', on: 'cluster', run: 'kubectl rollout restart' };

function evidence(mutate?: (args: string[]) => string[]) {
  const input = healthy();
  input.cluster!.workloads = [
    {
      kind: 'DaemonSet', namespace: 'kube-flannel', name: 'kube-flannel-ds', labels: { app: 'flannel' }, selector: { app: 'flannel' }, hostNetwork: true,
      containers: [
        { name: 'install-cni', image: 'flannel/flannel:v0.28.9', init: true },
        { name: 'kube-flannel', image: 'flannel/flannel:v0.28.9', init: false, command: ['/opt/bin/flanneld'], args: (mutate ?? ((a) => a))(['--ip-masq', '--kube-subnet-mgr']) },
      ],
    },
  ];
  return makeEvidence(input);
}

describe('pinning flanneld to the node-network interface', () => {
  it('adds --iface=<the NIC holding every InternalIP> to the flanneld container, guarded by a test of its name', () => {
    const e = evidence();
    const nic = Object.values(e.nodes)[0].links.find((l) => l.addresses.some((a) => a.local === e.cluster!.nodes[0].addresses.find((x) => x.type === 'InternalIP')?.address))!.name;
    const [step] = fillSteps(ifaceFix(e, restart), {});
    expect(nic).toBe('eth0');
    const patch = `[{"op":"test","path":"/spec/template/spec/containers/0/name","value":"kube-flannel"},{"op":"add","path":"/spec/template/spec/containers/0/args/-","value":"--iface=eth0"}]`;
    expect(step).toEqual({
      text: "Pin flanneld to eth0, the interface holding every node's InternalIP: add --iface=eth0 to container kube-flannel of DaemonSet kube-flannel/kube-flannel-ds (the pods roll)",
      on: 'cluster',
      run: `kubectl -n kube-flannel patch daemonset kube-flannel-ds --type json -p '${patch}'`,
      verify: `kubectl -n kube-flannel get daemonset kube-flannel-ds -o jsonpath='{.spec.template.spec.containers[0].args}' | grep -q -- '"--iface=eth0"' && kubectl -n kube-flannel rollout status daemonset kube-flannel-ds --timeout=180s`,
    });
  });

  it('leaves the choice to a person when --iface is already set or the DaemonSet is unknown', () => {
    expect(typeof ifaceFix(evidence((a) => [...a, '--iface=eth9']), restart)[0]).toBe('string');
    expect(typeof ifaceFix(makeEvidence(healthy()), restart)[0]).toBe('string');
  });
});
