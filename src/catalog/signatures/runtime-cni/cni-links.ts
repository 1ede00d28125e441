import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * A CNI plugin finding a link in its way: on the node (a device under the bridge's name) or in the pod's network
 * namespace (the interface name it was to create already taken). Both are state or configuration left by another
 * network set-up; `ip -d link` on the node or in the pod's namespace tells which.
 */
export const CNI_LINK_SIGNATURES: Signature[] = [
  sig({
    id: 'cni.bridge-name-not-bridge',
    cause: 'cni.bridge-ip-conflict',
    // The bridge plugin found a link with the bridge's name that is not a bridge (left by another CNI or a
    // hand-made device): the same stale state as a cni0 with another address, but only `ip -d link` tells what it is.
    re: /\\?"[\w.-]+\\?" already exists but is not a bridge/,
    anchors: ['already exists but is not a bridge'],
    confidence: 0.7,
    specificity: 95,
    alternatives: ['cni.config-invalid'],
    check: 'ip -d link show cni0 on the node: a device of another type under the bridge\'s name is left from another network set-up (delete it, the plugin recreates the bridge); or the CNI config names a bridge that clashes with an existing link',
    source: 'CNI bridge plugin (plugins/main/bridge: "%q already exists but is not a bridge")',
    samples: [
      'plugin type="bridge" failed (add): failed to create bridge "cni0": "cni0" already exists but is not a bridge',
      'failed to setup network for sandbox "6e7f": plugin type="flannel" failed (add): failed to delegate add: failed to create bridge "cni0": "cni0" already exists but is not a bridge',
    ],
    counterSamples: ['failed to set bridge addr: "cni0" already has an IP address different from 10.244.1.1/24'],
  }),
  sig({
    id: 'cni.pod-ifname-taken',
    cause: 'cni.config-invalid',
    // The plugin builds its veth under a temporary name and renames it to the pod's interface (CNI_IFNAME, eth0):
    // EEXIST means another plugin already made that interface in this namespace — two primary networks, or an
    // add-on chained as if it were the first plugin.
    re: /failed to rename link \S+ -> \S+: file exists/,
    anchors: ['failed to rename link'],
    confidence: 0.6,
    specificity: 90,
    check: 'ls /etc/cni/net.d on the node and the pod\'s annotations: exactly one primary network must create eth0; an add-on plugin (meshnet, Multus delegates) must be chained after it or attach under another interface name',
    source: 'CNI plugins\' link set-up in the pod namespace (netlink LinkSetName after creating the veth under a temporary name)',
    samples: [
      'NetworkPlugin cni failed to set up pod "testdevice02_default" network: Cannot add IPaddr/netns failed: failed to rename link koko2610346067 -> eth0: file exists',
      'plugin type="macvlan" failed (add): failed to rename link macvlan0 -> eth0: file exists',
    ],
    counterSamples: ['failed to rename link veth1 -> eth0: no such device'],
  }),
  sig({
    id: 'cni.conflist-without-networks',
    cause: 'cni.config-invalid',
    // A .conflist whose "plugins" list is empty (or misnamed) is skipped by libcni's readers: the node looks as if it
    // had no CNI config, and pods wait for a network.
    re: /cni config list \S+ has no networks, skipping/,
    anchors: ['has no networks'],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['cni.config-missing'],
    check: 'jq . on that file in /etc/cni/net.d: a .conflist needs "cniVersion", "name" and a non-empty "plugins" array (a single plugin\'s config belongs in a .conf file)',
    source: 'ocicni / libcni config loading (CRI-O: "CNI config list %s has no networks, skipping")',
    samples: [
      'level=info msg="CNI config list /etc/cni/net.d/10-flannel.conflist has no networks, skipping"',
      'CNI config list /etc/cni/net.d/87-podman.conflist has no networks, skipping',
    ],
    counterSamples: ['level=info msg="Found CNI network cbr0 (type=flannel) at /etc/cni/net.d/10-flannel.conflist"'],
  }),
];
