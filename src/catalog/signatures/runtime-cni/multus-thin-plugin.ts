import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Multus CNI's thin plugin (gopkg.in/k8snetworkplumbingwg/multus-cni.v4 v4.2.3, cmd/multus) read from its own CNI
 * results and its log file, run by cnitool (containernetworking/cni v1.2.3) against a real kube-apiserver 1.36.3
 * holding the NetworkAttachmentDefinitions, with flannel CNI 0.9.1 as the cluster network and the reference plugins
 * (v1.9.1: bridge, host-local, macvlan, ipvlan) as delegates. Multus words every failure inside its own wrappers
 * ("Multus: [ns/pod/uid]: …", "error loading k8s delegates k8s args: …"); what decides the cause is the innermost
 * function's text: pkg/k8sclient (kubeconfig, annotation and NetworkAttachmentDefinition reading), pkg/types/conf.go
 * (a delegate's config) and pkg/multus/multus.go (the interface names it hands its delegates).
 */
export const MULTUS_THIN_PLUGIN_SIGNATURES: Signature[] = [
  sig({
    id: 'multus.pod-networks-annotation-invalid',
    cause: 'cni.config-invalid',
    // The pod's k8s.v1.cni.cncf.io/networks annotation does not parse: bad JSON, a name with upper case or '_', more
    // than one '/' or '@', an interface name over 15 characters, a MAC or GUID that does not parse. Every ADD of that
    // pod fails the same way whatever the node; DEL goes on with the cluster network only.
    re: /parsepodnetwork(?:annotation|objectname): (?:failed to parse pod network attachment selection annotation|invalid network object|failed to parse|failed to mac|failed to validate infiniband guid|pod annotation does not have|parsepodnetworkobjectname: )/,
    anchors: ['parsepodnetwork'],
    confidence: 0.85,
    specificity: 94,
    check: 'kubectl get pod <pod> -o jsonpath=\'{.metadata.annotations.k8s\\.v1\\.cni\\.cncf\\.io/networks}\' (or the template of its deployment): either "net-a,ns/net-b@ifname" or a JSON list of {"name","namespace","interface","mac"} — lower-case names, one "/" and one "@" at most, interface names of 15 characters or fewer',
    source: 'multus-cni v4.2.3 pkg/k8sclient/k8sclient.go ("parsePodNetworkAnnotation: failed to parse pod Network Attachment Selection Annotation JSON format: %v", "parsePodNetworkObjectName: Invalid network object (failed at \'/\')", "parsePodNetworkObjectName: Failed to parse interface name: must be less than 15 chars …", "parsePodNetworkAnnotation: failed to mac: %v")',
    samples: [
      'plugin type="multus" name="multus-cni-network" failed (add): Multus: [default/bad-annot/]: error loading k8s delegates k8s args: parsePodNetworkAnnotation: failed to parse pod Network Attachment Selection Annotation JSON format: unexpected end of JSON input',
      'plugin type="multus" name="multus-cni-network" failed (add): Multus: [default/bad-annot3/]: error loading k8s delegates k8s args: parsePodNetworkAnnotation: parsePodNetworkObjectName: Failed to parse interface name: must be less than 15 chars and not contain \'/\' or spaces. interface name \'averyveryverylongifname\'',
      '2026-12-07T20:30:42Z [error] parsePodNetworkObjectName: Invalid network object (failed at \'/\')',
      'plugin type="multus" name="multus-cni-network" failed (add): Multus: [default/bad-annot4/]: error loading k8s delegates k8s args: parsePodNetworkAnnotation: failed to mac: address zz:zz: invalid MAC address',
    ],
    counterSamples: ['Multus: [default/web-0/]: error loading k8s delegates k8s args: TryLoadPodDelegates: error in getting k8s network for pod: GetNetworkDelegates: failed getting the delegate: getKubernetesDelegate: cannot find a network-attachment-definition (net-a) in namespace (default): network-attachment-definitions.k8s.cni.cncf.io "net-a" not found'],
  }),
  sig({
    id: 'multus.interface-name-eth0-requested',
    cause: 'cni.config-invalid',
    // Multus checks, before it calls a delegate, that the interface name it will hand it is free in the pod's netns.
    // The cluster network (flannel) has just made eth0 in the same ADD: an additional network that finds eth0 taken
    // was given "interface": "eth0" (or name@eth0) by the pod's annotation.
    re: /validateifname: interface name eth0 already exists/,
    anchors: ['validateifname: interface name eth0'],
    confidence: 0.85,
    specificity: 95,
    check: 'the "interface" values in the pod\'s k8s.v1.cni.cncf.io/networks annotation (name@ifname or the JSON list): none may be eth0, which the cluster network takes; leave them out and Multus names them net1, net2, …',
    source: 'multus-cni v4.2.3 pkg/multus/multus.go (validateIfName: "interface name %s already exists"; DelegateAdd: "cannot set %q interface name to %q: %v")',
    samples: [
      'plugin type="multus" name="multus-cni-network" failed (add): [default/dup-eth0/:macvlan-conf]: error adding container to network "macvlan-conf": DelegateAdd: cannot set "macvlan" interface name to "eth0": validateIfName: interface name eth0 already exists',
      '2026-12-07T20:30:40Z [error] DelegateAdd: cannot set "macvlan" interface name to "eth0": validateIfName: interface name eth0 already exists',
    ],
    counterSamples: ['validateIfName: interface name net1 already exists'],
  }),
  sig({
    id: 'multus.interface-name-taken',
    cause: 'unknown',
    // Another name already in the pod's netns: two networks of the annotation given the same "interface", or the
    // interface an earlier ADD of the same sandbox left behind when that ADD failed after its delegate made the link
    // and the DEL that followed failed too (seen with whereabouts' flat file missing: the retry finds net1 there).
    re: /validateifname: interface name (?!eth0 )\S+ already exists/,
    anchors: ['validateifname: interface name'],
    confidence: 0.4,
    specificity: 94,
    alternatives: ['cni.config-invalid'],
    check: 'the pod\'s k8s.v1.cni.cncf.io/networks annotation: two entries with the same "interface" is the annotation (cni.config-invalid); otherwise the errors of the earlier attempts for that pod (kubectl describe pod: the first FailedCreatePodSandBox) name the fault that left the interface behind',
    source: 'multus-cni v4.2.3 pkg/multus/multus.go (validateIfName: "interface name %s already exists"; DelegateAdd: "cannot set %q interface name to %q: %v")',
    samples: [
      'plugin type="multus" name="multus-cni-network" failed (add): [default/dup-if/:hl-small]: error adding container to network "hl-small": DelegateAdd: cannot set "macvlan" interface name to "net1": validateIfName: interface name net1 already exists',
      '2026-12-07T20:33:51Z [error] validateIfName: interface name net1 already exists',
    ],
    counterSamples: ['validateIfName: no net namespace /var/run/netns/cni-1234 found: failed to Statfs "/var/run/netns/cni-1234": no such file or directory'],
  }),
  sig({
    id: 'multus.network-name-not-found',
    cause: 'cni.config-missing',
    // A clusterNetwork, defaultNetworks entry or default-network annotation names a network that is neither a
    // NetworkAttachmentDefinition in Multus's namespace nor a file in its confDir: the network's config is not there.
    re: /getnetdelegate: cannot find network: /,
    anchors: ['getnetdelegate: cannot find network'],
    confidence: 0.8,
    specificity: 93,
    alternatives: ['cni.config-invalid'],
    check: 'the name Multus looked for (clusterNetwork in 00-multus.conf, or the pod\'s v1.multus-cni.io/default-network annotation): kubectl get net-attach-def -n kube-system <name>, and grep -l \'"name": *"<name>"\' /etc/cni/net.d/* /etc/cni/multus/net.d/* on the node — one of them must exist with that name',
    source: 'multus-cni v4.2.3 pkg/k8sclient/k8sclient.go (getNetDelegate: "cannot find network: %v")',
    samples: ['2026-12-07T20:29:49Z [error] getNetDelegate: cannot find network: cbr0', '2026-12-07T20:52:23Z [error] getNetDelegate: cannot find network: k8s-pod-network'],
    counterSamples: ['GetDefaultNetworks: failed to get clusterNetwork cbr0 in namespace kube-system'],
  }),
  sig({
    id: 'multus.delegate-conf-unusable',
    cause: 'cni.config-invalid',
    // A NetworkAttachmentDefinition's spec.config (or a delegate Multus was given) that is JSON but not a CNI config:
    // no "type" (nor "plugins"), or a conflist whose plugins lack one.
    re: /loaddelegatenetconf(?:list)?: (?:delegate must have the 'type' or 'plugin' field|a plugin delegate must have the 'type' field|error unmarshalling delegate (?:conflist|config))/,
    anchors: ['loaddelegatenetconf'],
    confidence: 0.85,
    specificity: 93,
    check: 'kubectl get net-attach-def <name> -n <ns> -o jsonpath=\'{.spec.config}\' | jq .: a single plugin needs "type" (macvlan, ipvlan, bridge …), a conflist needs "plugins" with a "type" in each',
    source: 'multus-cni v4.2.3 pkg/types/conf.go (LoadDelegateNetConfList: "delegate must have the \'type\' or \'plugin\' field"; LoadDelegateNetConf: "failed with: %v")',
    samples: [
      'plugin type="multus" name="multus-cni-network" failed (add): Multus: [default/nad-notype/]: error loading k8s delegates k8s args: TryLoadPodDelegates: error in getting k8s network for pod: GetNetworkDelegates: failed getting the delegate: LoadDelegateNetConf: failed with: LoadDelegateNetConfList: delegate must have the \'type\' or \'plugin\' field',
      '2026-12-07T20:30:20Z [error] LoadDelegateNetConfList: delegate must have the \'type\' or \'plugin\' field',
    ],
    counterSamples: ['LoadDelegateNetConf: failed to add deviceID in NetConfList bytes: unexpected end of JSON input'],
  }),
  sig({
    id: 'multus.kubeconfig-unloadable',
    cause: 'cni.config-invalid',
    // Multus's kubeconfig (the "kubeconfig" of 00-multus.conf, written by its daemonset into multus.d) is there but
    // client-go cannot build a client from it: a directory in its place, empty, cut short (no server), bad YAML.
    // A missing file is read below; YAML and JSON errors already by cni.multus-kubeconfig-invalid.
    re: /getk8sclient: failed to get context for the kubeconfig \S+: (?:error loading config file [^\n]{0,200}?: read [^\n]{0,200}?: is a directory|invalid configuration: |error loading config file)/,
    anchors: ['failed to get context for the kubeconfig'],
    confidence: 0.8,
    specificity: 93,
    check: 'cat the kubeconfig 00-multus.conf names (/etc/cni/net.d/multus.d/multus.kubeconfig): it must be a file with a cluster (server, certificate-authority-data) and the multus service account\'s token; restart the multus pod on that node to rewrite it',
    source: 'multus-cni v4.2.3 pkg/k8sclient/kubeconfig.go (GetK8sClient: "failed to get context for the kubeconfig %v: %v"), client-go clientcmd ("invalid configuration: default cluster has no server defined", "no configuration has been provided")',
    samples: [
      'plugin type="multus" name="multus-cni-network" failed (add): Multus: error getting k8s client: GetK8sClient: failed to get context for the kubeconfig /tmp/fd/scratch-rmultus/node/multus.d/multus.kubeconfig: invalid configuration: default cluster has no server defined',
      'plugin type="multus" name="multus-cni-network" failed (delete): Multus: error getting k8s client: GetK8sClient: failed to get context for the kubeconfig /tmp/fd/scratch-rmultus/node/multus.d/multus.kubeconfig: error loading config file "/tmp/fd/scratch-rmultus/node/multus.d/multus.kubeconfig": read /tmp/fd/scratch-rmultus/node/multus.d/multus.kubeconfig: is a directory',
      '2026-12-07T20:28:28Z [error] GetK8sClient: failed to get context for the kubeconfig /tmp/fd/scratch-rmultus/node/multus.d/multus.kubeconfig: invalid configuration: no configuration has been provided, try setting KUBERNETES_MASTER environment variable',
    ],
    counterSamples: ['GetK8sClient: failed to get context for the kubeconfig /etc/cni/net.d/multus.d/multus.kubeconfig: stat /etc/cni/net.d/multus.d/multus.kubeconfig: no such file or directory'],
  }),
  sig({
    id: 'multus.kubeconfig-absent',
    cause: 'unknown',
    // No kubeconfig where 00-multus.conf says: the multus daemonset has not written it on this node yet (its pod not
    // running there), or an uninstall removed multus.d and left 00-multus.conf behind, or the conf names a wrong path.
    re: /failed to get context for the kubeconfig \S+: stat \S+: no such file or directory/,
    anchors: ['failed to get context for the kubeconfig'],
    confidence: 0.4,
    specificity: 94,
    alternatives: ['cni.config-invalid', 'cni.config-missing'],
    check: 'on that node: ls -l /etc/cni/net.d/ /etc/cni/net.d/multus.d/ and kubectl -n kube-system get pods -l app=multus -o wide — a multus pod not running there has not written the kubeconfig yet (cni.config-missing); Multus uninstalled with 00-multus.conf left behind, or the "kubeconfig" path of the conf wrong, is cni.config-invalid',
    source: 'multus-cni v4.2.3 pkg/k8sclient/kubeconfig.go (GetK8sClient stats the file: "failed to get context for the kubeconfig %v: %v")',
    samples: [
      'plugin type="multus" name="multus-cni-network" failed (add): Multus: error getting k8s client: GetK8sClient: failed to get context for the kubeconfig /tmp/fd/scratch-rmultus/node/multus.d/multus.kubeconfig: stat /tmp/fd/scratch-rmultus/node/multus.d/multus.kubeconfig: no such file or directory',
      '2026-12-07T20:28:17Z [error] GetK8sClient: failed to get context for the kubeconfig /tmp/fd/scratch-rmultus/node/multus.d/missing.kubeconfig: stat /tmp/fd/scratch-rmultus/node/multus.d/missing.kubeconfig: no such file or directory',
    ],
    counterSamples: ['GetK8sClient: failed to get context for the kubeconfig /etc/cni/net.d/multus.d/multus.kubeconfig: invalid configuration: default cluster has no server defined'],
  }),
  sig({
    id: 'multus.api-identity-forbidden',
    cause: 'flannel.rbac',
    // Whatever identity Multus's kubeconfig carries, a 403 inside Multus's own calls (the pod, a
    // NetworkAttachmentDefinition, the network-status annotation) is that identity lacking the RBAC Multus's
    // ClusterRole grants. getKubernetesDelegate words a refused read "cannot find a network-attachment-definition":
    // read here before the not-found reading of multus.network-attachment-missing.
    re: /(?:multus: |getkubernetesdelegate: |setpodnetworkstatusannotation: |setnetworkstatus: |error waiting for pod: )[^\n]{0,400}?is forbidden: user \\?"[^"\\\n]+\\?" cannot (?:get|list|watch|update|patch|create)/,
    anchors: ['is forbidden: user'],
    confidence: 0.8,
    specificity: 95,
    alternatives: ['cni.config-invalid'],
    check: 'the user the error names against Multus\'s ClusterRole (get/list/watch on k8s.cni.cncf.io network-attachment-definitions, get on pods, update on pods/status, create on events): kubectl auth can-i get network-attachment-definitions --as=<user> -n <ns>; and the kubeconfig in 00-multus.conf must carry the multus service account\'s token, not another identity',
    source: 'multus-cni v4.2.3 pkg/multus/multus.go (GetPod: "error waiting for pod: %v"), pkg/k8sclient/k8sclient.go (getKubernetesDelegate: "cannot find a network-attachment-definition (%s) in namespace (%s): %v"), pkg/netutils (SetNetworkStatus); Kubernetes RBAC 403',
    samples: [
      'plugin type="multus" name="multus-cni-network" failed (add): Multus: [default/web-0/]: error waiting for pod: pods "web-0" is forbidden: User "nobody" cannot get resource "pods" in API group "" in the namespace "default"',
      '2026-12-07T20:30:54Z [error] getKubernetesDelegate: cannot find a network-attachment-definition (macvlan-conf) in namespace (default): network-attachment-definitions.k8s.cni.cncf.io "macvlan-conf" is forbidden: User "system:serviceaccount:kube-system:multus-limited" cannot get resource "network-attachment-definitions" in API group "k8s.cni.cncf.io" in the namespace "default"',
      'plugin type="multus" name="multus-cni-network" failed (add): Multus: [default/rbac-nad/]: error setting the networks status: SetPodNetworkStatusAnnotation: failed to update the pod rbac-nad in out of cluster comm: SetNetworkStatus: failed to update the pod rbac-nad in out of cluster comm: status update failed for pod default/rbac-nad: pods "rbac-nad" is forbidden: User "system:serviceaccount:kube-system:multus-limited" cannot update resource "pods/status" in API group "" in the namespace "default"',
    ],
    counterSamples: ['getKubernetesDelegate: cannot find a network-attachment-definition (macvlan-conf) in namespace (default): network-attachment-definitions.k8s.cni.cncf.io "macvlan-conf" not found'],
  }),
  sig({
    id: 'multus.delegate-ipam-cidr-unparsable',
    cause: 'cni.config-invalid',
    // host-local (plugins v1.x) says only "invalid CIDR address: …" of a subnet or range it cannot parse, whereabouts
    // "invalid CIDR <range>: invalid CIDR address: …"; inside Multus's delegate wrappers (ADD or DEL of a
    // NetworkAttachmentDefinition's network) or whereabouts' own log that is the network's config.
    re: /(?:error adding container to network \\?"[^"\\\n]+\\?"|error in getting result from (?:add|del|check)network(?:list)?|ipam configuration load failed): (?:invalid cidr \S+: )?invalid cidr address: /,
    anchors: ['invalid cidr address: '],
    confidence: 0.8,
    specificity: 93,
    check: 'kubectl get net-attach-def <network> -o jsonpath=\'{.spec.config}\': the ipam block\'s subnet, rangeStart/rangeEnd, ranges and routes must be valid (a /33 or a missing prefix length is not)',
    source: 'containernetworking/plugins v1.9.1 host-local (types.ParseCIDR / net.ParseCIDR: "invalid CIDR address: %s"), whereabouts v0.9.2 pkg/config/config.go ("invalid CIDR %s: %s", cmd/whereabouts.go "IPAM configuration load failed: %s"), through multus-cni v4.2.3 DelegateAdd/DelegateDel',
    samples: [
      '2026-12-07T20:30:22Z [error] [default/hl-badcidr/:hl-badcidr]: error adding container to network "hl-badcidr": invalid CIDR address: 192.168.55.0/33',
      '2026-12-07T20:30:22Z [error] DelegateDel: error invoking DelegateDel - "macvlan": error in getting result from DelNetwork: invalid CIDR address: 192.168.55.0/33',
      '2026-12-07T20:34:13Z [error] IPAM configuration load failed: invalid CIDR 192.168.61.0/33: invalid CIDR address: 192.168.61.0/33',
    ],
    counterSamples: ['invalid CIDR address: 192.168.55.0/33'],
  }),
];
