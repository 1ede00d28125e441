import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Calico's CNI plugin and calico-node as Canal runs them beside flannel (RKE2's rke2-canal, Rancher, the kubeadm
 * Canal manifest): the plugin reads the node's name from calico-node's hostPath, asks the datastore for
 * ClusterInformation with the ServiceAccount token install-cni wrote into calico-kubeconfig, and hands host-local
 * IPAM the node's podCIDR (subnet usePodCidr). Read from projectcalico/calico cni-plugin and node/pkg/lifecycle.
 */
export const CALICO_CNI_SIGNATURES: Signature[] = [
  sig({
    id: 'calico-cni.use-pod-cidr-empty',
    cause: 'flannel.no-pod-cidr',
    // Canal's CNI config asks host-local IPAM for subnet "usePodCidr": the plugin reads node.spec.podCIDRs and finds
    // no IPv4 range, the same empty field flannel's kube subnet manager reports as "pod cidr not assigned".
    re: /usepodcidr found but there is no ipv4 cidr configured/,
    anchors: ['usepodcidr found'],
    confidence: 0.85,
    specificity: 95,
    check: 'kubectl get nodes -o custom-columns=NAME:.metadata.name,CIDRS:.spec.podCIDRs — empty means the controller-manager runs without --allocate-node-cidrs=true and --cluster-cidr (RKE2: cluster-cidr in config.yaml), or its range is used up',
    source: 'projectcalico/calico cni-plugin/internal/pkg/utils/utils.go: ReplaceHostLocalIPAMPodCIDRs ("usePodCidr found but there is no IPv4 CIDR configured")',
    samples: [
      'plugin type="calico" failed (add): usePodCidr found but there is no IPv4 CIDR configured',
      '2024-04-02 06:13:55.731 [ERROR][4411] plugin.go 580: Final result of CNI ADD was an error. error=usePodCidr found but there is no IPv4 CIDR configured',
    ],
    counterSamples: ['failed to setup network for sandbox "8fcb": invalid CIDR address: usePodCidrIPv6', 'usePodCidrIPv6 found but there is no IPv6 CIDR configured'],
  }),
  sig({
    id: 'calico-cni.use-pod-cidr-ipv6-empty',
    cause: 'flannel.no-pod-cidr',
    // The same read for the IPv6 range: on a dual-stack CNI config the node has no IPv6 podCIDR, either because the
    // cluster was set up single-stack (the CNI config then asks for a family the cluster does not have) or because
    // the controller-manager was not given an IPv6 cluster CIDR.
    re: /usepodcidripv6 found but there is no ipv6 cidr configured/,
    anchors: ['usepodcidripv6 found'],
    confidence: 0.65,
    specificity: 95,
    alternatives: ['cni.config-invalid'],
    check: 'kubectl get node <node> -o jsonpath={.spec.podCIDRs}: no IPv6 range there while the CNI config (/etc/cni/net.d/10-canal.conflist, ipam ranges) asks for usePodCidrIPv6 — either give the cluster an IPv6 cluster-cidr or drop the IPv6 range from the CNI config',
    source: 'projectcalico/calico cni-plugin/internal/pkg/utils/utils.go: ReplaceHostLocalIPAMPodCIDRs ("usePodCidrIPv6 found but there is no IPv6 CIDR configured")',
    samples: [
      'plugin type="calico" failed (add): usePodCidrIPv6 found but there is no IPv6 CIDR configured',
      'Final result of CNI ADD was an error. error=usePodCidrIPv6 found but there is no IPv6 CIDR configured',
    ],
    counterSamples: ['usePodCidr found but there is no IPv4 CIDR configured'],
  }),
  sig({
    id: 'calico-cni.nodename-file-missing',
    cause: 'unknown',
    // The plugin waits for /var/lib/calico/nodename, which calico-node writes once it has started: absent means no
    // calico-node (the canal pod's calico-node container) has run on this node, or a Calico config file left in
    // /etc/cni/net.d after Calico was removed still sends pods to the calico plugin. The words do not say which.
    re: /stat \/var\/lib\/calico\/nodename: no such file or directory/,
    anchors: ['/var/lib/calico/nodename'],
    confidence: 0.5,
    specificity: 95,
    alternatives: ['flannel.daemon-down', 'cni.config-invalid'],
    check: 'is Calico/Canal meant to run here? kubectl -n kube-system get pods -o wide --field-selector spec.nodeName=<node> | grep -E "canal|calico-node": that pod\'s calico-node container, its restarts and kubectl logs --previous say why it has not written /var/lib/calico/nodename; if Calico was removed, ls /etc/cni/net.d on the node: its calico or canal conflist left there comes first',
    source: 'projectcalico/calico cni-plugin/pkg/plugin/plugin.go: cmdAdd/cmdDel ("%s: check that the calico/node container is running and has mounted /var/lib/calico/")',
    samples: [
      'plugin type="calico" failed (add): stat /var/lib/calico/nodename: no such file or directory: check that the calico/node container is running and has mounted /var/lib/calico/',
      'networkPlugin cni failed to set up pod "web-0_default" network: stat /var/lib/calico/nodename: no such file or directory: check that the calico/node container is running and has mounted /var/lib/calico/',
    ],
    counterSamples: ['2024-03-11 10:02:44.118 [INFO][9] startup.go 460: Wrote nodename to /var/lib/calico/nodename'],
  }),
  sig({
    id: 'calico-cni.token-unauthorized',
    cause: 'unknown',
    // The API server refused the token in the CNI's kubeconfig (401): install-cni writes a short-lived ServiceAccount
    // token into /etc/cni/net.d/calico-kubeconfig and calico-node refreshes it; a node whose canal pod stopped
    // refreshing it, a cluster restored from backup (new signing key) or a copied kubeconfig all read the same.
    re: /error getting clusterinformation: connection is unauthorized: unauthorized/,
    anchors: ['connection is unauthorized: unauthorized'],
    confidence: 0.5,
    specificity: 95,
    alternatives: ['cni.config-invalid', 'flannel.daemon-down'],
    check: 'the token in /etc/cni/net.d/calico-kubeconfig on that node (its expiry: the JWT exp claim) and the canal/calico-node pod there: it rewrites the file while it runs, so a pod that is not running, or a kubeconfig from before a cluster restore, leaves a token the API server refuses',
    source: 'projectcalico/calico cni-plugin/pkg/plugin/plugin.go: cmdAdd/cmdDel ("error getting ClusterInformation: %v") around libcalico-go ErrorConnectionUnauthorized',
    samples: [
      'plugin type="calico" failed (add): error getting ClusterInformation: connection is unauthorized: Unauthorized',
      'networkPlugin cni failed to teardown pod "web-0_default" network: error getting ClusterInformation: connection is unauthorized: Unauthorized',
    ],
    counterSamples: ['error getting ClusterInformation: connection is unauthorized: clusterinformations.crd.projectcalico.org "default" is forbidden: User "system:serviceaccount:kube-system:canal" cannot get resource "clusterinformations"'],
  }),
  sig({
    id: 'calico-cni.datastore-not-ready',
    cause: 'unknown',
    // ClusterInformation's datastoreReady is false: Calico marks its datastore not ready during an upgrade or a
    // migration (calico-upgrade, the flannel-to-Calico migration controller) and someone left it so. No id names it.
    re: /calico is currently not ready to process requests/,
    anchors: ['currently not ready to process requests'],
    confidence: 0.5,
    specificity: 95,
    alternatives: ['flannel.daemon-down'],
    check: 'kubectl get clusterinformations.crd.projectcalico.org default -o jsonpath={.spec.datastoreReady}: false stays until the upgrade or migration that set it finishes (its job or controller logs), or until it is set back to true',
    source: 'projectcalico/calico cni-plugin/pkg/plugin/plugin.go: cmdAdd/cmdDel (ClusterInformation DatastoreReady false)',
    samples: [
      'plugin type="calico" failed (add): Calico is currently not ready to process requests',
      'Final result of CNI ADD was an error. error=Calico is currently not ready to process requests',
    ],
    counterSamples: ['calico/node is not ready: felix is not ready'],
  }),
  sig({
    id: 'calico-node.autodetect-failed',
    cause: 'flannel.wrong-iface',
    // calico-node found no address for the node by its autodetection method (first-found, interface=, can-reach=)
    // and has none configured: the node address selection that flanneld's --iface does for flannel.
    re: /(failed to|couldn't) autodetect an ipv[46] address/,
    anchors: ['autodetect an ipv'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['node.not-ready'],
    check: 'the autodetection method against the node\'s interfaces: kubectl -n kube-system get ds <canal or calico-node> -o yaml | grep -A1 IP_AUTODETECTION_METHOD, and ip -br addr on the node; name the interface that carries node-to-node traffic (interface=<nic>) or use kubernetes-internal-ip',
    source: 'projectcalico/calico node/pkg/lifecycle/startup/startup.go: configureIPsAndSubnets ("Couldn\'t autodetect an IPv4 address", "Failed to autodetect an IPv4 address")',
    samples: [
      '2024-01-12 09:14:31.411 [WARNING][9] startup/startup.go 510: Couldn\'t autodetect an IPv4 address. If auto-detecting, choose a different autodetection method. Otherwise provide an explicit address.',
      '2024-01-12 09:14:31.411 [FATAL][9] startup/startup.go 148: Failed to autodetect an IPv4 address',
    ],
    counterSamples: ['Using autodetected IPv4 address on interface ens192: 10.20.0.11/24'],
  }),
  sig({
    id: 'calico-cni.kubeconfig-missing',
    cause: 'cni.config-invalid',
    // The CNI config names a kubeconfig (Canal: /etc/cni/net.d/calico-kubeconfig) that is not on the node: install-cni
    // has not run here, or it wrote to another directory than the runtime's CNI conf dir.
    re: /error creating calico client: (stat|open) \S+: no such file or directory/,
    anchors: ['error creating calico client: stat', 'error creating calico client: open'],
    confidence: 0.65,
    specificity: 95,
    alternatives: ['cni.config-missing', 'flannel.daemon-down'],
    check: 'ls -l /etc/cni/net.d on the node against the "kubeconfig" path in the canal/calico conflist there; the canal pod\'s install-cni init container log on that node says whether and where it wrote the file',
    source: 'projectcalico/calico cni-plugin/pkg/plugin/plugin.go: cmdAdd ("error creating calico client: %v") around client-go clientcmd loading an explicit kubeconfig path',
    samples: [
      'plugin type="calico" failed (add): error creating calico client: stat /etc/cni/net.d/calico-kubeconfig: no such file or directory',
      'networkPlugin cni failed to set up pod "web-0_default" network: error creating calico client: stat /etc/kubernetes/ssl/kubecfg-kube-node.yaml: no such file or directory',
    ],
    counterSamples: ['error creating calico client: host must be a URL or a host:port pair: "https://"'],
  }),
  sig({
    id: 'calico-node.bgp-not-established',
    cause: 'node.firewall',
    // calico-node's readiness counts BIRD's BGP sessions (TCP 179) to its peers: none established with the listed
    // peers means they cannot reach each other on 179 (a host or cloud firewall), or a node advertises an address
    // the others cannot reach (autodetection picked the wrong interface), or the peer's calico-node is down.
    // Canal itself runs without BIRD (CALICO_NETWORKING_BACKEND none); this is Calico networking beside it.
    re: /bird6? is not ready: bgp not established\b/,
    anchors: ['bgp not established'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['flannel.wrong-iface', 'flannel.daemon-down'],
    check: 'from this node to a listed peer: nc -zv <peer-ip> 179 (blocked: open TCP 179 between nodes in the host and cloud firewalls); calicoctl node status on both nodes, and the projectcalico.org/IPv4Address annotation of each node against its real address (ip -br addr)',
    source: 'projectcalico/calico node/pkg/health/health.go: checkBIRDReady ("calico/node is not ready: BIRD is not ready: %+v", "BGP not established with %+v")',
    samples: [
      'Readiness probe failed: calico/node is not ready: BIRD is not ready: BGP not established with 10.0.2.21,10.0.2.22',
      'Warning  Unhealthy  4s (x211 over 35m)  kubelet  Readiness probe failed: calico/node is not ready: BIRD6 is not ready: BGP not established with fd00:10::12',
    ],
    counterSamples: ['calico/node is not ready: BIRD is not ready: Error querying BIRD: unable to connect to BIRDv4 socket: dial unix /var/run/calico/bird.ctl: connect: connection refused'],
  }),
  sig({
    id: 'calico-felix.typha-unreachable',
    cause: 'flannel.daemon-down',
    // Felix (calico-node) takes its datastore feed from Typha on TCP 5473 when the manifest enables it: no Typha pod
    // serving behind the calico-typha Service, or port 5473 blocked between nodes, and Felix gives up and exits.
    re: /failed to connect to typha/,
    anchors: ['failed to connect to typha'],
    confidence: 0.6,
    specificity: 90,
    alternatives: ['node.firewall'],
    check: 'kubectl -n kube-system get pods -l k8s-app=calico-typha -o wide and kubectl -n kube-system get endpoints calico-typha: no ready Typha means the Typha deployment is down; Typha up means TCP 5473 from this node to a Typha pod\'s node is blocked (nc -zv <typha-node-ip> 5473)',
    source: 'projectcalico/calico felix/daemon/daemon.go ("Failed to connect to Typha.", "Failed to connect to Typha, giving up after timeout"), typha/pkg/syncclientutils/startsyncerclient.go',
    samples: [
      '2024-02-11 07:08:12.455 [FATAL][90] felix/daemon.go 550: Failed to connect to Typha, giving up after timeout error=dial tcp 10.43.118.22:5473: i/o timeout',
      '2019-11-28 06:51:48.973 [ERROR][90] daemon.go 541: Failed to connect to Typha. Retrying... error=dial tcp 100.67.253.90:5473: connect: connection refused',
    ],
    counterSamples: ['[INFO][90] sync_client.go 157: Connecting to Typha. address=10.43.118.22:5473'],
  }),
  sig({
    id: 'calico-install-cni.no-writeable-dir',
    cause: 'cni.plugin-missing',
    // install-cni copies the calico, calico-ipam, flannel and host-local binaries into every CNI bin directory it
    // mounts; none writeable (SELinux label, read-only /opt on an immutable host) and no binary lands on the node.
    re: /found no writeable directory, exiting/,
    anchors: ['found no writeable directory'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['cni.config-missing'],
    check: 'on the node: ls -lZ /opt/cni/bin and findmnt -T /opt/cni/bin — an SELinux label the container may not write or a read-only /opt; give install-cni a writeable CNI bin directory and point the runtime\'s CNI bin_dir at it',
    source: 'projectcalico/calico cni-plugin/pkg/install/install.go: Install ("found no writeable directory, exiting")',
    samples: [
      '2024-03-05 10:58:02.113 [FATAL][1] cni-installer/install.go 243: found no writeable directory, exiting error=open /host/opt/cni/bin/calico: read-only file system',
      'time="2024-03-05T10:58:02Z" level=fatal msg="found no writeable directory, exiting" error="open /host/secondary-bin-dir/calico: permission denied"',
    ],
    counterSamples: ['[INFO][1] cni-installer/install.go 232: Wrote Calico CNI binaries to /host/opt/cni/bin'],
  }),
  sig({
    id: 'canal.pod-not-ready',
    cause: 'flannel.daemon-down',
    // The canal pod (rke2-canal, canal) is flannel's DaemonSet pod in a Canal cluster: its calico-node, kube-flannel
    // or install-cni container crashing, killed or not pulled leaves the node without its network agent, as
    // flannel.pod-not-ready reads for kube-flannel-ds. Its own previous log names the cause.
    re: /\b(rke2-)?canal-[a-z0-9]{5}\b[^\n]{0,120}\b(crashloopbackoff|oomkilled|imagepullbackoff|errimagepull|init:error)\b|back-off( \S+)? restarting failed container[= ](calico-node|install-cni|flexvol-driver|kube-flannel) in pod (rke2-)?canal-/,
    anchors: ['canal-'],
    confidence: 0.7,
    specificity: 78,
    alternatives: ['flannel.no-pod-cidr', 'flannel.rbac', 'flannel.wrong-iface'],
    check: 'kubectl -n kube-system logs <canal pod> -c calico-node --previous and -c kube-flannel --previous (and -c install-cni for an init failure): the last error names the cause (podCIDR not assigned, forbidden, no interface, API unreachable)',
    source: 'Canal DaemonSet (rke2-canal chart, projectcalico canal.yaml): containers calico-node, kube-flannel, init install-cni',
    samples: [
      'kube-system   rke2-canal-x7k2q   1/2   CrashLoopBackOff   14 (2m ago)   49m   10.0.3.11   worker-1   <none>   <none>',
      'Warning  BackOff  45s (x30 over 8m)  kubelet  Back-off restarting failed container calico-node in pod canal-9vd2m_kube-system(d6a4f2c1-22b8-4bd7-9b0b-61c7a9a8f3e1)',
    ],
    counterSamples: ['kube-system   rke2-canal-x7k2q   2/2   Running   0   49m', 'kubectl logs -n kube-system canal-2d9cw -c calico-node'],
  }),
  sig({
    id: 'calico-node.felix-not-ready',
    cause: 'unknown',
    // calico-node's probe asks Felix on localhost:9099: refused while Felix starts or after it exits, 503 while a
    // dataplane component (iptables, ipsets, routes) or its datastore feed reports not ready. The probe words do not
    // say which; Felix's own log does. Outranks the generic probe hints, whose alternatives (CoreDNS) do not apply.
    re: /calico\/node is not ready: felix is not (ready|live)/,
    anchors: ['felix is not'],
    confidence: 0.5,
    specificity: 80,
    alternatives: ['flannel.daemon-down'],
    check: 'kubectl -n kube-system logs <canal or calico-node pod> -c calico-node (and --previous): the first felix ERROR, FATAL or PANIC line (iptables-restore, ipset, datastore or Typha connection, RPF check) is the cause; a container restarting in a loop is the agent down on that node',
    source: 'projectcalico/calico node/pkg/health/health.go ("calico/node is not ready: felix is not ready: %+v", "Felix is not live: %+v")',
    samples: [
      'Readiness probe failed: calico/node is not ready: felix is not ready: Get "http://localhost:9099/readiness": dial tcp 127.0.0.1:9099: connect: connection refused',
      'Liveness probe failed: calico/node is not ready: Felix is not live: liveness probe reporting 503',
    ],
    counterSamples: ['calico/node is not ready: BIRD is not ready: BGP not established with 10.0.2.21'],
  }),
];
