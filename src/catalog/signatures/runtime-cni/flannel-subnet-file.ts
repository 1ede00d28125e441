import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The flannel CNI plugin (flannel-io/cni-plugin v0.9.1, run by containerd 2.4's CRI plugin through crictl runp)
 * reads the lease file named by its netconf's `subnetFile` (default /run/flannel/subnet.env) before anything else
 * on ADD. When flanneld has written no lease there, the plugin's error is the bare os.Open failure, with the path
 * the conflist names: not always /run/flannel/subnet.env (k3s, RKE2 and hand-written conflists point elsewhere).
 */
export const FLANNEL_SUBNET_FILE_SIGNATURES: Signature[] = [
  sig({
    id: 'cni.flannel-subnet-file-open',
    cause: 'cni.subnet-env-missing',
    // On ADD the plugin opens only the subnet file (its dataDir is created with MkdirAll before any write), so a
    // "no such file or directory" from `open` under plugin type="flannel" failed (add) is the lease file missing,
    // whatever path subnetFile names. DEL reads the saved netconf instead, hence (add) only.
    re: /plugin type=\\?"flannel\\?" failed \(add\): open [^\s:"\\]+: no such file or directory/,
    anchors: ['plugin type="flannel" failed (add): open'],
    confidence: 0.85,
    specificity: 94,
    alternatives: ['flannel.daemon-down', 'cni.config-invalid'],
    check: 'the subnetFile the flannel conflist in the CNI conf dir names (default /run/flannel/subnet.env): does flanneld run on this node and write that file (kubectl -n kube-flannel get pods -o wide --field-selector spec.nodeName=<node>; its log says why it did not), and does the conflist point where flanneld writes it',
    source: 'flannel-io/cni-plugin flannel.go (loadFlannelSubnetEnv: os.Open(subnetFile)) via libcni ("plugin type=%q failed (add): %w"); reproduced with flannel CNI v0.9.1 under containerd 2.4.2 (crictl runp) with subnetFile pointing at a path flanneld never wrote',
    samples: [
      'E1206 23:56:44.256997    1073 remote_runtime.go:325] "RunPodSandbox from runtime service failed" err="rpc error: code = Unknown desc = failed to setup network for sandbox \\"0287c8aa162a\\": plugin type=\\"flannel\\" failed (add): open /var/lib/rancher/k3s/agent/etc/flannel/subnet.env: no such file or directory"',
      'failed to setup network for sandbox "5b9f6c9d5bd5": plugin type="flannel" failed (add): open /run/flannel/subnet.env: no such file or directory',
    ],
    counterSamples: [
      'plugin type="flannel" failed (delete): open /var/lib/cni/flannel/5b9f6c9d5bd5: no such file or directory',
      'plugin type="flannel" failed (add): failed to find plugin "bridge" in path [/opt/cni/bin]',
    ],
  }),
  sig({
    id: 'cni.flannel-subnet-file-incomplete',
    cause: 'cni.subnet-env-missing',
    // The plugin parses the subnet file and names every FLANNEL_ key it lacks ("<subnetFile> is missing
    // FLANNEL_SUBNET, FLANNEL_IPV6_SUBNET, FLANNEL_IPMASQ"), with the path the conflist gives: a lease file flanneld
    // did not (fully) write, as when flanneld stopped before its backend was up, or a file written by hand.
    re: /(plugin type=\\?"flannel\\?" failed \(add\): |"msg": ?")[^\s"\\]+ is missing flannel_(subnet|network|ipv6_subnet|ipv6_network|ipmasq|mtu)/,
    anchors: [' is missing flannel_'],
    confidence: 0.8,
    specificity: 94,
    alternatives: ['flannel.daemon-down', 'flannel.config-invalid'],
    check: 'cat the subnetFile the flannel conflist names (default /run/flannel/subnet.env): flanneld writes FLANNEL_NETWORK, FLANNEL_SUBNET, FLANNEL_MTU and FLANNEL_IPMASQ once its lease and backend are up; restart the node\'s flannel pod and read its log if they are missing',
    source: 'flannel-io/cni-plugin flannel.go (loadFlannelSubnetEnv: "%v is missing %v"); reproduced with flannel CNI v0.9.1 under containerd 2.4.2 (crictl runp) and a subnet file without FLANNEL_SUBNET',
    samples: [
      'failed to setup network for sandbox "df06746abb3b": plugin type="flannel" failed (add): /var/lib/rancher/k3s/agent/etc/flannel/net.env is missing FLANNEL_SUBNET, FLANNEL_IPV6_SUBNET, FLANNEL_IPMASQ',
      'E1207 00:04:27.084638     739 remote_runtime.go:325] "RunPodSandbox from runtime service failed" err="rpc error: code = Unknown desc = failed to setup network for sandbox \\"df06746abb3b\\": plugin type=\\"flannel\\" failed (add): /run/flannel/subnet.env is missing FLANNEL_NETWORK, FLANNEL_IPV6_NETWORK"',
      // the plugin's own error result on stdout (CNI error code 999), real run of flannel CNI v0.9.1
      '{\n    "code": 999,\n    "msg": "/tmp/fd/rflannelmodes-scratch/cni/nomtu.env is missing FLANNEL_MTU"\n}',
    ],
    counterSamples: ['plugin type="flannel" failed (add): failed to find plugin "bridge" in path [/opt/cni/bin]'],
  }),
];
