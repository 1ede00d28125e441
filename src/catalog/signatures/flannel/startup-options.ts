import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * flanneld v0.28.9 before it has a lease: how the kube subnet manager learns its node and its API client
 * (pkg/subnet/kube NewSubnetManager), the flags and environment it validates (--kube-annotation-prefix,
 * EVENT_QUEUE_DEPTH), the node's podCIDRs it refuses (AcquireLease), and its systemd notification (main.go).
 * Each text names its own mechanism, which the generic "Failed to create SubnetManager" reading would hide.
 */
export const FLANNEL_STARTUP_OPTION_SIGNATURES: Signature[] = [
  sig({
    id: 'flannel.kube-node-name-unknown',
    cause: 'unknown',
    // NewSubnetManager needs the node's name: NODE_NAME, or POD_NAME + POD_NAMESPACE to read its own pod's
    // spec.nodeName. Neither set means flanneld runs outside a pod (a systemd unit given --kube-subnet-mgr) or a
    // DaemonSet written without the manifest's fieldRef env; not a podCIDR, RBAC or net-conf.json question.
    re: /pod_name and pod_namespace must be set|node name not present in pod spec/,
    anchors: ['pod_name and pod_namespace must be set', 'node name not present in pod spec'],
    confidence: 0.4,
    specificity: 95,
    alternatives: ['flannel.daemon-down', 'flannel.config-invalid'],
    check: "how flanneld is started: in the DaemonSet, env POD_NAME (fieldRef metadata.name) and POD_NAMESPACE (fieldRef metadata.namespace) as in kube-flannel.yml; run as a host service with --kube-subnet-mgr, set NODE_NAME to the node's registered name (kubectl get nodes)",
    source: 'flannel pkg/subnet/kube/kube.go NewSubnetManager ("env variables POD_NAME and POD_NAMESPACE must be set", "node name not present in pod spec \'%s/%s\'")',
    samples: [
      'E1206 08:10:01.100200       1 main.go:251] Failed to create SubnetManager: env variables POD_NAME and POD_NAMESPACE must be set',
      'Dec 06 08:10:01 edge-3 flanneld[1402]: E1206 08:10:01.100200    1402 main.go:251] Failed to create SubnetManager: node name not present in pod spec \'kube-flannel/kube-flannel-ds-r2v7k\'',
    ],
    counterSamples: ['Failed to create SubnetManager: failed to read net conf: open /etc/kube-flannel/net-conf.json: no such file or directory'],
  }),
  sig({
    id: 'flannel.kube-client-config-unbuildable',
    cause: 'unknown',
    // clientcmd.BuildConfigFromFlags(--kube-api-url, --kubeconfig-file): a kubeconfig path that does not exist or
    // does not parse, or no in-cluster config and no kubeconfig at all. flanneld exits before any API request.
    re: /fail to create kubernetes config: |(failed to create subnetmanager: )unable to initialize client: /,
    anchors: ['fail to create kubernetes config', 'unable to initialize client'],
    confidence: 0.4,
    specificity: 95,
    alternatives: ['flannel.daemon-down', 'flannel.config-invalid'],
    check: "flanneld's --kubeconfig-file and --kube-api-url (or FLANNELD_KUBECONFIG_FILE in its environment): the file must exist where flanneld runs and hold a cluster, user and context; inside a pod leave both unset so the in-cluster ServiceAccount is used",
    source: 'flannel pkg/subnet/kube/kube.go NewSubnetManager ("fail to create kubernetes config: %v", "unable to initialize client: %v")',
    samples: [
      'E1206 08:11:02.000000       1 main.go:251] Failed to create SubnetManager: fail to create kubernetes config: stat /etc/kubernetes/flannel.kubeconfig: no such file or directory',
      'Failed to create SubnetManager: fail to create kubernetes config: invalid configuration: no configuration has been provided, try setting KUBERNETES_MASTER environment variable',
    ],
    counterSamples: ["Failed to create SubnetManager: error retrieving pod spec for 'kube-flannel/kube-flannel-ds-x': Unauthorized"],
  }),
  sig({
    id: 'flannel.kube-manager-option-invalid',
    cause: 'flannel.config-invalid',
    // newKubeSubnetManager validates what the DaemonSet hands it besides net-conf.json: the annotation prefix
    // (--kube-annotation-prefix, an fqdn with at most one slash) and EVENT_QUEUE_DEPTH (an integer). Both are
    // flannel's own configuration, wrong in its manifest.
    re: /subnet\/kube: prefix (must be in a format|can contain at most single slash)|env event_queue_depth=[^\n]{0,60}format error/,
    anchors: ['subnet/kube: prefix', 'event_queue_depth'],
    confidence: 0.75,
    specificity: 95,
    alternatives: ['flannel.daemon-down'],
    check: "the kube-flannel container's args and env in the DaemonSet: --kube-annotation-prefix must look like example.com (default flannel.alpha.coreos.com), EVENT_QUEUE_DEPTH a plain integer such as \"5000\"",
    source: 'flannel pkg/subnet/kube/annotations.go newAnnotations ("subnet/kube: prefix must be in a format: fqdn/[0-9a-z-_]*"), kube.go newKubeSubnetManager ("env EVENT_QUEUE_DEPTH=%s format error: %v")',
    samples: [
      'E1206 08:12:03.000000       1 main.go:251] Failed to create SubnetManager: error creating network manager: subnet/kube: prefix must be in a format: fqdn/[0-9a-z-_]*',
      'Failed to create SubnetManager: error creating network manager: env EVENT_QUEUE_DEPTH=5k format error: strconv.Atoi: parsing "5k": invalid syntax',
    ],
    counterSamples: ['I1206 08:12:03.000000       1 kube.go:139] Waiting 10m0s for node controller to sync'],
  }),
  sig({
    id: 'flannel.node-podcidrs-unusable',
    cause: 'unknown',
    // AcquireLease and the lease watcher take at most one IPv4 and one IPv6 CIDR from node.spec.podCIDRs; more is
    // refused. The API server itself allows only a dual-stack pair, so what gave the node such a list (another IPAM
    // controller, a hand-written Node) is the question; the podCIDR is there, so it is not "not assigned".
    re: /pod cidrs should be ipv4\/ipv6 only or dualstack/,
    anchors: ['pod cidrs should be'],
    confidence: 0.4,
    specificity: 95,
    alternatives: ['flannel.no-pod-cidr', 'flannel.network-mismatch'],
    check: "kubectl get node <node> -o jsonpath='{.spec.podCIDR} {.spec.podCIDRs}': flannel takes one CIDR per family; compare with the controller-manager's --cluster-cidr and whatever else allocates node CIDRs in this cluster",
    source: 'flannel pkg/subnet/kube/kube.go AcquireLease / nodeToLease ("node %q pod cidrs should be IPv4/IPv6 only or dualstack")',
    samples: [
      'E1206 08:13:04.000000       1 main.go:384] Error registering network: failed to acquire lease: node "w9" pod cidrs should be IPv4/IPv6 only or dualstack',
      'I1206 08:13:05.000000       1 kube.go:304] Error turning node "w10" to lease: node "w10" pod cidrs should be IPv4/IPv6 only or dualstack',
    ],
    counterSamples: ['Error registering network: failed to acquire lease: node "w9" pod cidr not assigned'],
  }),
  sig({
    id: 'flannel.node-patch-invalid',
    cause: 'unknown',
    // AcquireLease writes its annotations with a strategic-merge patch of nodes/status; the API server (or an
    // admission webhook on nodes) answered that the patched Node is invalid — not a missing podCIDR, nor RBAC. Before
    // sending, building that patch from the cached Node can fail too ("failed to create patch for node").
    re: /failed to acquire lease: (nodes? \\?"[^"\n\\]{1,253}\\?" is invalid: |failed to create patch for node )/,
    anchors: ['is invalid: ', 'failed to create patch for node'],
    confidence: 0.4,
    specificity: 92,
    alternatives: ['flannel.config-invalid', 'flannel.daemon-down'],
    check: 'the field the API server names after "is invalid:": an annotation key built from --kube-annotation-prefix, a public-ip-overwrite value, or an admission webhook on nodes (kubectl get validatingwebhookconfigurations) refusing flannel\'s patch',
    source: 'flannel pkg/subnet/kube/kube.go AcquireLease (Nodes().Patch of nodes/status); apiserver validation StatusError ("Node %q is invalid: …")',
    samples: [
      'E1206 08:14:05.000000       1 main.go:384] Error registering network: failed to acquire lease: Node "worker-2" is invalid: metadata.annotations: Invalid value: "flannel.alpha.coreos.com_/backend-data": name part must consist of alphanumeric characters',
      'Error registering network: failed to acquire lease: nodes "edge-4" is invalid: metadata.annotations: Too long: must have at most 262144 bytes',
      'E1206 08:14:06.000000       1 main.go:384] Error registering network: failed to acquire lease: failed to create patch for node "w3": unable to find api field in struct Node for the json field "foo"',
    ],
    counterSamples: ['Error registering network: failed to acquire lease: nodes "edge-4" not found'],
  }),
  sig({
    id: 'flannel.sd-notify-failed',
    cause: 'unknown',
    // After "Running backend." flanneld tells systemd READY=1 when NOTIFY_SOCKET is set; a failure there is logged
    // and ignored (flannel keeps running). It matters only to a Type=notify unit waiting for it.
    re: /failed to notify systemd the message ready=1/,
    anchors: ['failed to notify systemd'],
    confidence: 0.3,
    specificity: 96,
    alternatives: ['flannel.daemon-down'],
    check: 'systemctl status <the flanneld unit>: with Type=notify it must run flanneld directly (not through a wrapper that drops NOTIFY_SOCKET) or use Type=simple; inside a pod NOTIFY_SOCKET should not be set at all',
    source: 'flannel main.go (daemon.SdNotify: "Failed to notify systemd the message READY=1 %v")',
    samples: [
      'E1206 08:15:06.000000       1 main.go:497] Failed to notify systemd the message READY=1 write unixgram @->/run/systemd/notify: connect: connection refused',
      'Dec 06 08:15:06 n2 flanneld[700]: E1206 08:15:06.000000     700 main.go:497] Failed to notify systemd the message READY=1 dial unixgram /run/systemd/notify: connect: no such file or directory',
    ],
    counterSamples: ['I1206 08:15:06.000000       1 main.go:488] Running backend.'],
  }),
  sig({
    id: 'flannel.ipip-not-supported',
    cause: 'flannel.backend-unsupported',
    // The ipip backend creates flannel.ipip with netlink; EOPNOTSUPP is a kernel without the ipip module (a
    // minimal, container-host or WSL kernel), where only backends the kernel has can run.
    re: /failed to create ipip interface: operation not supported/,
    anchors: ['failed to create ipip interface'],
    confidence: 0.9,
    specificity: 94,
    source: 'flannel pkg/backend/ipip/ipip.go configureIPIPDevice ("failed to create ipip interface: %v"); netlink LinkAdd EOPNOTSUPP',
    samples: [
      'E1206 08:16:07.000000       1 main.go:384] Error registering network: failed to create ipip interface: operation not supported',
      'time="2026-12-06T08:16:07Z" level=fatal msg="flannel exited: failed to create ipip interface: operation not supported"',
    ],
    counterSamples: ['Error registering network: failed to create ipip interface: file exists'],
  }),
  sig({
    id: 'flannel.unknown-flag',
    cause: 'flannel.config-invalid',
    // flanneld parses its flags with Go's flag package: a flag it does not have (k3s's --flannel-backend given to
    // flanneld itself, "-iface eth1" quoted as one argument in a manifest's args) stops it with its usage.
    re: /flag provided but not defined: -[^\n]{1,80}\s+usage: \S*flanneld\b/,
    anchors: ['flag provided but not defined'],
    confidence: 0.8,
    specificity: 92,
    check: 'the args of the kube-flannel container (kubectl -n kube-flannel get ds kube-flannel-ds -o jsonpath=\'{.spec.template.spec.containers[0].args}\'): one flag per list item as --name=value, and only flanneld\'s own flags (flanneld --help)',
    source: 'flanneld (Go flag package: "flag provided but not defined: -x", then "Usage: /opt/bin/flanneld [OPTION]...")',
    samples: [
      'flag provided but not defined: -flannel-backend\nUsage: /opt/bin/flanneld [OPTION]...',
      'flag provided but not defined: -iface eth1\nUsage: /opt/bin/flanneld [OPTION]...',
    ],
    counterSamples: ['flag provided but not defined: -config\nUsage of coredns:'],
  }),
];
