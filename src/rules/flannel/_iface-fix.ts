import type { FixStepSource } from '../../catalog/fix-types.js';
import type { Evidence } from '../../evidence/types.js';
import { shq } from '../../fix/shell.js';
import { flannelDaemonSets, flanneldArgs } from '../../evidence/flannel-objects.js';

const NIC = /^[A-Za-z0-9_.:-]{1,15}$/;
const NAME = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/;

/**
 * Pinning flanneld to the interface that carries node-to-node traffic: the NIC holding each node's
 * InternalIP (read from the nodes the evidence covers). When they all share one name, --iface=<name>
 * is added to the kube-flannel container of the DaemonSet as deployed (a JSON patch that first
 * tests the container's name, so a changed DaemonSet is never patched blindly), and the DaemonSet
 * rolls every flannel pod. Different names, or no node evidence: the operator chooses.
 */
export function ifaceFix(evidence: Readonly<Evidence>, restart: FixStepSource): FixStepSource[] {
  const manual = [
    'Pin the interface: add --iface=<the NIC on the node network> (or --iface-can-reach=<another node\'s IP>) to the kube-flannel container args in the DaemonSet',
    restart,
  ];
  const c = evidence.cluster;
  const ds = c ? flannelDaemonSets(c)[0] : undefined;
  if (!c || !ds || !NAME.test(ds.name) || !NAME.test(ds.namespace)) return manual;
  const names = new Set<string>();
  for (const n of c.nodes) {
    const ip = n.addresses.find((a) => a.type === 'InternalIP')?.address;
    const ne = evidence.nodes[n.name];
    const nic = ip && ne ? ne.links.find((l) => l.addresses.some((a) => a.local === ip))?.name : undefined;
    if (nic) names.add(nic);
  }
  const [nic] = [...names];
  if (names.size !== 1 || !NIC.test(nic)) return manual;
  const containers = ds.containers.filter((x) => !x.init);
  const i = containers.findIndex((x) => x.name === 'kube-flannel' || /flannel/.test(x.image));
  if (i < 0 || !NAME.test(containers[i].name)) return manual;
  const args = flanneldArgs(ds);
  if (args.some((a) => a.startsWith('--iface'))) return manual; // an --iface already there is a choice someone made: not ours to override
  const path = `/spec/template/spec/containers/${i}`;
  const patch = JSON.stringify([
    { op: 'test', path: `${path}/name`, value: containers[i].name },
    containers[i].args ? { op: 'add', path: `${path}/args/-`, value: `--iface=${nic}` } : { op: 'add', path: `${path}/args`, value: [`--iface=${nic}`] },
  ]);
  return [
    {
      step: 'flannel.add-arg',
      data: { flannelNamespace: ds.namespace, flannelDaemonSet: ds.name, containerIndex: i, patch: shq(patch), arg: shq(`"--iface=${nic}"`) },
      text: `Pin flanneld to ${nic}, the interface holding every node's InternalIP: add --iface=${nic} to container ${containers[i].name} of DaemonSet {flannelNamespace}/{flannelDaemonSet} (the pods roll)`,
    },
  ];
}
