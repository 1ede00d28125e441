import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Multus and the plugins it delegates to (bond, macvlan, ipvlan, their IPAM) fail a pod's sandbox with the text of
 * the delegate inside Multus's own wrapper: a network-attachment's config the delegate refuses, Multus's kubeconfig
 * that does not load, or the identity Multus calls the API with lacking the rights it needs.
 */
export const MULTUS_DELEGATE_SIGNATURES: Signature[] = [
  sig({
    id: 'cni.multus-node-identity-forbidden',
    cause: 'flannel.rbac',
    // Multus (and a conflist it invokes) reading pods or namespaces with the node's own credentials: the Node
    // authorizer lets a kubelet read only what its own pods need, so the CNI's identity is the wrong one.
    re: /(?:multus|addnetworklist|delegateadd|plugin type=)[^\n]{0,400}?forbidden: user \\?"system:node:[^"\\\s]+\\?" cannot (?:get|list|watch)/,
    anchors: ['system:node:'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['cni.config-invalid'],
    check: 'the kubeconfig Multus uses (/etc/cni/net.d/multus.d/multus.kubeconfig, or the one in its daemonset args): it must carry the multus service account\'s token, not the node\'s; and kubectl auth can-i get pods --as=system:serviceaccount:kube-system:multus',
    source: 'Multus invoking its delegates and reading pods/namespaces through the API (k8sclient), Kubernetes Node authorizer',
    samples: [
      'NetworkPlugin cni failed to set up pod "web-1_default" network: Multus: error in invoke Conflist add - "cni0": error in getting result from AddNetworkList: namespaces "default" is forbidden: User "system:node:worker-2" cannot get resource "namespaces" in API group "" in the namespace "default"',
      'plugin type="multus" name="multus-cni-network" failed (add): Multus: [default/web-1]: error getting pod: pods "web-1" is forbidden: User "system:node:worker-3" cannot get resource "pods" in API group "" in the namespace "default"',
    ],
    counterSamples: ['pods "web-1" is forbidden: User "system:node:worker-3" cannot get resource "pods" in API group "" in the namespace "default": no relationship found between node and this object'],
  }),
  sig({
    id: 'cni.node-identity-lists-crds',
    cause: 'flannel.rbac',
    // A kubelet never lists CustomResourceDefinitions; a network plugin running with the node's kubeconfig does.
    re: /user \\?"system:node:[^"\\\s]+\\?" cannot (?:list|watch|get) (?:resource \\?")?customresourcedefinitions/,
    anchors: ['system:node:'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['cni.config-invalid'],
    check: 'which process made the call (the network plugin\'s daemonset and the kubeconfig it mounts): give it its own service account with the RBAC its manifest ships, not the node\'s kubeconfig',
    source: 'Kubernetes Node authorizer and RBAC (a network add-on reading network-attachment-definitions\' CRD with the node\'s identity)',
    samples: [
      'Error from server (Forbidden): customresourcedefinitions.apiextensions.k8s.io is forbidden: User "system:node:<node>" cannot list customresourcedefinitions.apiextensions.k8s.io at the cluster scope',
      'customresourcedefinitions.apiextensions.k8s.io "network-attachment-definitions.k8s.cni.cncf.io" is forbidden: User "system:node:worker-1" cannot get resource "customresourcedefinitions" in API group "apiextensions.k8s.io" at the cluster scope',
    ],
    counterSamples: ['User "system:node:worker-1" cannot list resource "secrets" in API group "" at the cluster scope'],
  }),
  sig({
    id: 'cni.multus-kubeconfig-invalid',
    cause: 'cni.config-invalid',
    re: /(?:failed to get context for the kubeconfig|error loading config file) \\*"?\S*multus\S*?\.kubeconfig\\*"?: (?:error loading config file [^\n]{0,200}?)?(?:yaml|json|error converting yaml|couldn't get version)/,
    anchors: ['multus'],
    confidence: 0.8,
    specificity: 93,
    check: 'cat /etc/cni/net.d/multus.d/multus.kubeconfig on the node: Multus writes it from its service account at start; a hand-edited or half-written one (an empty server, bad indentation) fails every ADD and DEL until it is regenerated (restart the multus pod on that node)',
    source: 'Multus k8sclient GetK8sClient ("failed to get context for the kubeconfig %v"), client-go clientcmd ("error loading config file")',
    samples: [
      'plugin type="multus" name="multus-cni-network" failed (delete): Multus: error getting k8s client: GetK8sClient: failed to get context for the kubeconfig /etc/cni/net.d/multus.d/multus.kubeconfig: error loading config file "/etc/cni/net.d/multus.d/multus.kubeconfig": yaml: line 7: mapping values are not allowed in this context',
      'Multus: error getting k8s client: GetK8sClient: failed to get context for the kubeconfig /etc/cni/net.d/multus.d/multus.kubeconfig: error loading config file "/etc/cni/net.d/multus.d/multus.kubeconfig": couldn\'t get version/kind; json parse error: unexpected end of JSON input',
    ],
    counterSamples: ['Multus: error getting k8s client: GetK8sClient: failed to get context for the kubeconfig /etc/cni/net.d/multus.d/multus.kubeconfig: stat /etc/cni/net.d/multus.d/multus.kubeconfig: no such file or directory'],
  }),
  sig({
    id: 'cni.delegate-invalid-cidr',
    cause: 'cni.config-invalid',
    // A delegate's IPAM block (a network-attachment's subnet, range or static address) that does not parse.
    re: /(?:delegateadd|plugin type=|error adding (?:pod|container) to network|multus)[^\n]{0,400}?invalid cidr\s*:?[^\n]{0,60}?invalid cidr address:/,
    anchors: ['invalid cidr address:'],
    confidence: 0.8,
    specificity: 93,
    check: 'kubectl get network-attachment-definitions <name> -o jsonpath=\'{.spec.config}\': the ipam block\'s subnet, rangeStart/rangeEnd or static addresses must be CIDRs (10.1.2.0/24); an empty value reads as "invalid CIDR address: "',
    source: 'the CNI plugins\' IPAM config parsing (net.ParseCIDR: "invalid CIDR address: %s") through Multus\'s delegateAdd',
    samples: [
      'Multus: error adding pod to network "oam-eth1": delegateAdd: error invoking DelegateAdd - "macvlan": invalid CIDR : invalid CIDR address: ',
      'plugin type="multus" name="multus-cni-network" failed (add): [default/app-0:net-a]: error adding container to network "net-a": invalid CIDR 10.1.2.0/33: invalid CIDR address: 10.1.2.0/33',
    ],
    counterSamples: ['invalid CIDR address: 10.1.2.0/33'],
  }),
  sig({
    id: 'cni.bond-mtu-above-links',
    cause: 'cni.config-invalid',
    re: /requested mtu for bond is bigger than that of the slave link/,
    anchors: ['requested mtu for bond is bigger'],
    confidence: 0.85,
    specificity: 94,
    check: 'the bond network-attachment\'s "mtu" against its links\' (ip link show <link> inside the pod\'s netns, or the SR-IOV/macvlan attachments that make them): the bond\'s MTU must not exceed its smallest link\'s',
    source: 'bond-cni ("Invalid MTU (%d). The requested MTU for bond is bigger than that of the slave link (%s), slave mtu (%d)")',
    samples: [
      'error adding container to network "bond-nad1": Invalid MTU (1500). The requested MTU for bond is bigger than that of the slave link (net1), slave mtu (1460)',
      'plugin type="multus" failed (add): error adding container to network "bond0": Invalid MTU (9000). The requested MTU for bond is bigger than that of the slave link (net2), slave mtu (1500)',
    ],
    counterSamples: ['Invalid MTU (1500)'],
  }),
];
