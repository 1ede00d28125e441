import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/** Runtime and CNI texts that do not name a cause alone: `unknown` with candidates and the check that decides. */
export const AMBIGUOUS_RUNTIME_CNI_SIGNATURES: Signature[] = [
  sig({
    id: 'cni.ipam-ranges-empty',
    cause: 'unknown',
    // host-local given no range at all: the IPAM section is usually written by the network's daemon from the node's
    // podCIDR (kube-router, flannel's subnet.env, a CNI installer), so an empty one says that node had no podCIDR
    // when the file was written as often as that someone wrote the file wrong.
    re: /(plugin type=\\?"[\w.-]+\\?"[^\n]{0,80}failed \((add|del|check)\): |error adding container to network [^\n]{0,80}: )(no ip ranges specified|empty range set)/,
    anchors: ['no ip ranges specified', 'empty range set'],
    confidence: 0.5,
    specificity: 91,
    alternatives: ['cni.config-invalid', 'flannel.no-pod-cidr'],
    check: 'kubectl get node <node> -o jsonpath={.spec.podCIDR}: empty means the controller-manager gave it none (--allocate-node-cidrs) and whatever writes the IPAM ranges had nothing to write; otherwise cat /etc/cni/net.d/<file> on that node and fix its ipam "ranges" (or "subnet")',
    source: 'containernetworking/plugins host-local config ("no IP ranges specified", "empty range set")',
    samples: ['plugin type="bridge" name="kubernetes" failed (add): no IP ranges specified', 'plugin type="host-local" failed (add): empty range set'],
    counterSamples: ['plugin type="host-local" failed (add): invalid range set 0: mismatched address families'],
  }),
  sig({
    id: 'runtime.runtimeclass-object-missing',
    cause: 'unknown',
    // The RuntimeClass admission plugin found no RuntimeClass object of that name: the API object is missing, which says
    // nothing yet of the node. Its handler may be configured and only the object never created, or the operator that
    // installs both (the GPU operator's "nvidia", a Kata or gVisor installer) never ran.
    re: /pod rejected: runtimeclass \\*"[^"\n\\]+\\*" not found/,
    anchors: ['pod rejected: runtimeclass'],
    confidence: 0.5,
    specificity: 93,
    alternatives: ['runtime.unavailable'],
    check: 'kubectl get runtimeclass: create the one the pod names (handler: the runtime name in the node\'s containerd or CRI-O config), or install what provides it (the GPU operator for "nvidia"); then the node\'s runtime config decides whether the handler exists (crictl info | grep -A3 runtimes)',
    source: 'kube-apiserver RuntimeClass admission ("pod rejected: RuntimeClass %q not found")',
    samples: ['Error creating: pods "web-5d9f" is forbidden: pod rejected: RuntimeClass "kata" not found', 'pods "gpu-test" is forbidden: pod rejected: RuntimeClass "nvidia" not found'],
    counterSamples: ['runtimeclass.node.k8s.io/nvidia created'],
  }),
  sig({
    id: 'runtime.socket-permission',
    cause: 'unknown',
    // connect(2) on a unix socket answers EACCES when the caller may not write the socket file (crictl or
    // docker run by a user who is not root nor in the socket's group) or a security module (SELinux,
    // AppArmor) refused it: the socket exists, and the runtime behind it may be serving. The kubelet runs as
    // root, so this is nearly always a client's privilege, not the runtime.
    // Go before 1.x's net package left out "connect:" (Docker 1.x clients: "dial unix /var/run/docker.sock: permission denied").
    // The refusal follows the socket's name ("….sock: permission denied") or Go's "connect:": a "permission denied" a
    // few words further that is some other text is not it (and holds neither anchor).
    re: /(containerd|crio|cri-dockerd|docker)\.sock([^"\n]{0,40}?(connect|\.sock))?: permission denied/,
    anchors: ['connect: permission denied', 'sock: permission denied'],
    confidence: 0.5,
    specificity: 96,
    alternatives: ['runtime.unavailable'],
    check: 'ls -l the socket and id: run the client as root (sudo crictl …) or as a member of the socket\'s group; if root is refused too, look for an SELinux/AppArmor denial (ausearch -m avc, dmesg); systemctl status containerd says whether the runtime serves',
    source: 'connect(2) EACCES on a unix socket; Go "dial unix <path>: connect: permission denied"',
    samples: ['Get http:///var/run/docker.sock/v1.20/version: dial unix /var/run/docker.sock: permission denied. Are you trying to connect to a TLS-enabled daemon without TLS?', 
      'FATA[0000] unable to determine runtime API version: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing dial unix /run/containerd/containerd.sock: connect: permission denied"',
      'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/containers/json": dial unix /var/run/docker.sock: connect: permission denied',
    ],
    counterSamples: ['dial unix /run/containerd/containerd.sock: connect: connection refused'],
  }),
  sig({
    id: 'runtime.init-pipe-reset',
    cause: 'unknown',
    // runc (libcontainer) talks to the container's init process over a socket pair; "read parent" / "read
    // init-p" reset means init died while the container started (a kernel, seccomp, cgroup or memory limit),
    // no network at all.
    re: /read (parent|init-p): connection reset by peer|reading pid from init pipe: eof/,
    anchors: ['read parent', 'read init-p', 'init pipe'],
    confidence: 0.5,
    specificity: 90,
    // A runc that cannot start any container (broken binary, kernel without the features it needs) is the runtime.
    alternatives: ['runtime.unavailable'],
    check: 'the container\'s start, not the network: journalctl -u containerd (or docker) and dmesg at that time — an OOM kill, a segfault or a seccomp/cgroup refusal of the init process; runc --version against the kernel',
    source: 'runc libcontainer (process_linux.go: init pipe to the parent)',
    samples: [
      'Error syncing pod, skipping: API error (500): Cannot start container 4c1a: [8] System error: read parent: connection reset by peer',
      'OCI runtime create failed: container_linux.go:349: starting container process caused "process_linux.go:297: applying cgroup configuration for process caused \\"read init-p: connection reset by peer\\"": unknown',
    ],
    counterSamples: ['read tcp 10.0.0.4:51212->209.85.146.82:443: read: connection reset by peer'],
  }),
  sig({
    id: 'runtime.pleg-unhealthy',
    cause: 'unknown',
    // kubelet runtimeState.runtimeErrors() health check "PLEG is not healthy: pleg was last seen active %v ago;
    // threshold is %v" (the pod lifecycle relist, which lists every container through the runtime, has not
    // finished within 3 minutes): the runtime answered slowly or not yet — a hung runtime, a stuck container or
    // volume, an overloaded node, or a kubelet that just started — not that it is gone. The "status check may not
    // have completed yet" beside it has runtime.status-check-pending's signature, ranked below this one.
    // "container runtime is down" beside them is the runtime.socket-unreachable text and outranks these.
    re: /pleg is not healthy/,
    anchors: ['pleg is not healthy'],
    confidence: 0.5,
    specificity: 94,
    alternatives: ['runtime.unavailable', 'node.not-ready'],
    // A symptom the kubelet repeats for seconds after every start: in a pasted journal another record's error decides.
    recordOnly: true,
    check: 'on the node: time crictl ps -a and crictl info (a slow or hanging answer is the runtime: journalctl -u containerd for stuck tasks or shims), top/iostat for load and I/O wait, and journalctl -u kubelet around the line — "pleg has yet to be successful" right after a kubelet start clears by itself',
    source: 'kubelet pkg/kubelet/runtime.go runtimeErrors, pkg/kubelet/pleg/generic.go Healthy (relist threshold 3m)',
    samples: [
      'E0620 07:41:10.000000    2210 kubelet.go:2040] "Skipping pod synchronization" err="PLEG is not healthy: pleg was last seen active 5m40.1s ago; threshold is 3m0s"',
      'Ready False KubeletNotReady PLEG is not healthy: pleg was last seen active 1h2m3s ago; threshold is 3m0s',
      'kubelet.go:1870] skipping pod synchronization - [container runtime status check may not have completed yet, PLEG is not healthy: pleg has yet to be successful]',
    ],
    // A line with both "container runtime is down" and PLEG is runtime.socket-unreachable's (its samples hold one).
    counterSamples: ['skipping pod synchronization - [container runtime is down]', 'I0620 07:41:10.000000 2210 kubelet.go:2100] "SyncLoop (PLEG): event for pod"'],
  }),
  sig({
    id: 'runtime.status-check-pending',
    cause: 'unknown',
    // kubelet runtimeState.runtimeErrors() before the first full runtime sync: "container runtime status check may
    // not have completed yet". It heads the Ready condition's aggregate for seconds after every kubelet start and
    // says only "not yet". The network error the runtime's own status returned beside it in that aggregate
    // ("container runtime network not ready: … cni plugin not initialized") names the cause, so this ranks below
    // it (and below PLEG's own signature) while still outranking the generic NotReady words.
    re: /container runtime status check may not have completed/,
    anchors: ['runtime status check'],
    confidence: 0.5,
    specificity: 86,
    alternatives: ['runtime.unavailable', 'node.not-ready'],
    recordOnly: true,
    check: 'wait a minute and look again at kubectl describe node <node> (the Ready message): if it stays, crictl info on the node (runtime and network conditions) and journalctl -u kubelet around the line',
    source: 'kubelet pkg/kubelet/runtime.go runtimeErrors (lastBaseRuntimeSync zero)',
    samples: [
      'KubeletNotReady  container runtime status check may not have completed yet',
      'E1206 08:00:01.000000    1402 kubelet.go:2457] "Skipping pod synchronization" err="container runtime status check may not have completed yet"',
    ],
    // The status the kubelet logs once the check has completed.
    counterSamples: ['I1206 08:00:02.000000    1402 kubelet.go:3091] "Container runtime status" status="Runtime Conditions: RuntimeReady=true reason: message:, NetworkReady=true reason: message:"'],
  }),
  sig({
    id: 'cni.requested-ip-unavailable',
    cause: 'unknown',
    // host-local asked for one particular address (a static IP in the pod's annotations or the runtime's args):
    // "not available" is that address taken or outside the range, not the range exhausted.
    re: /requested ip address \S+ is not available in range( set|$|\s)/,
    anchors: ['is not available in range'],
    confidence: 0.4,
    specificity: 96,
    alternatives: ['cni.ipam-exhausted', 'cni.bridge-ip-conflict'],
    check: 'which address was requested (the pod\'s ips annotation or the runtime\'s --ip) and ls /var/lib/cni/networks/<network>/ on the node: a file named by that address is its holder (a leaked one is a container that no longer exists); an address outside the configured range can never be given',
    source: 'CNI host-local IPAM ("requested IP address %s is not available in range set %s")',
    samples: ['failed to allocate for range 0: requested IP address 10.88.0.5 is not available in range set 10.88.0.1-10.88.255.254', '{ "code": 100, "msg": "failed to allocate for range 0: requested IP address 192.168.1.9 is not available in range set 192.168.1.10-192.168.1.20" }'],
    counterSamples: ['failed to allocate for range 0: no IP addresses available in range set: 10.244.1.1-10.244.1.254'],
  }),
  sig({
    // The bridge plugin's other address errors: "could not add IP address to <br>: file exists" is two
    // ADDs racing to put the same address on a new bridge (the plugin ignores EEXIST from v0.8.2 on),
    // "could not set bridge's mac" a bridge it cannot change; neither is a catalogued cause.
    id: 'cni.bridge-addr-other',
    cause: 'unknown',
    re: /failed to set bridge addr/,
    anchors: ['failed to set bridge addr'],
    confidence: 0.5,
    specificity: 90,
    alternatives: ['cni.bridge-ip-conflict'],
    check: 'ip -4 addr show cni0 against the node\'s podCIDR (kubectl get node <name> -o jsonpath={.spec.podCIDR}): a different address is the conflict (delete cni0, let the plugin recreate it); "file exists" while several pods start at once is the bridge plugin racing itself (CNI plugins before v0.8.2: upgrade them)',
    source: 'containernetworking/plugins bridge: ensureAddr ("could not add IP address to %q"), EEXIST handled since v0.8.2',
    samples: ['failed to set bridge addr: could not add IP address to "cni0": file exists', 'plugin type="bridge" failed (add): failed to set bridge addr: could not set bridge\'s mac: invalid argument'],
    counterSamples: ['failed to set up bridge cni0'],
  }),
  sig({
    id: 'cni.plugin-backend-unreachable',
    cause: 'unknown',
    // A CNI plugin that asks its own agent or the API for an address (weave's IPAM on 127.0.0.1:6784,
    // calico-ipam and the Kubernetes API, cilium's agent socket) reports that agent's transport error inside
    // the kubelet's CNI wrapper. The failing peer is the network plugin's backend, not a registry; flannel's
    // plugin reads /run/flannel/subnet.env instead (cni.subnet-env and the more specific texts outrank this, as
    // does addon.weave-router-refused for weave's own router refusing on loopback).
    re: /(error adding network|error while adding to cni network|networkplugin cni failed to set up pod|plugin type=\\?"[\w-]+\\?"[^\n]{0,60}failed \(add\))[^\n]{0,600}?(connect: connection refused|getsockopt: connection refused|dial tcp [\w.:[\]%-]+: i\/o timeout|connect: no such file or directory|context deadline exceeded)/,
    anchors: ['error adding network', 'to cni network', 'networkplugin cni failed', 'failed (add)'],
    confidence: 0.5,
    specificity: 70,
    alternatives: ['flannel.daemon-down', 'node.not-ready'],
    check: 'which CNI is configured (ls /etc/cni/net.d; the first file wins) and is its agent running on this node (kubectl -n kube-system get pods -o wide | grep -E "weave|calico|cilium|flannel"): the address in the error is that agent\'s endpoint',
    source: 'kubelet/libcni wrappers around a CNI ADD ("error adding network", "plugin type=… failed (add)"); weave-net IPAM (http://127.0.0.1:6784/ip/…), calico-ipam (Kubernetes API)',
    samples: [
      'E0228 14:21:48.841492     735 cni.go:255] Error adding network: error getting ClusterInformation: Get https://10.96.0.1:443/apis/crd.projectcalico.org/v1/clusterinformations/default: dial tcp 10.96.0.1:443: getsockopt: connection refused',
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "9f2e": plugin type="calico" failed (add): error getting ClusterInformation: Get "https://10.96.0.1:443/apis/crd.projectcalico.org/v1/clusterinformations/default": dial tcp 10.96.0.1:443: i/o timeout',
    ],
    counterSamples: ['networkPlugin cni failed to set up pod "web_default" network: open /run/flannel/subnet.env: no such file or directory'],
  }),  sig({
    id: 'cni.subnet-env-unparsable',
    cause: 'unknown',
    // The flannel CNI plugin found /run/flannel/subnet.env but could not parse a value in it (FLANNEL_MTU that is not a
    // number, a subnet that is not a CIDR): flanneld writes the file whole, so a value it cannot read was written by
    // hand, by another tool, or with Windows line ends. No id names a file present but damaged.
    re: /loadflannelsubnetenv failed: (strconv\.\w+: parsing|invalid cidr address)/,
    anchors: ['loadflannelsubnetenv failed'],
    confidence: 0.5,
    specificity: 96,
    alternatives: ['cni.subnet-env-missing', 'flannel.daemon-down'],
    check: 'cat -A /run/flannel/subnet.env on that node: four lines FLANNEL_NETWORK, FLANNEL_SUBNET, FLANNEL_MTU, FLANNEL_IPMASQ with plain values and no ^M; delete it and restart the flannel pod on the node so flanneld writes it again',
    source: 'flannel CNI plugin (loadFlannelSubnetEnv: strconv.ParseUint of FLANNEL_MTU, net.ParseCIDR of FLANNEL_NETWORK and FLANNEL_SUBNET)',
    samples: ['loadFlannelSubnetEnv failed: strconv.ParseUint: parsing "1450\\r": invalid syntax', 'plugin type="flannel" failed (add): loadFlannelSubnetEnv failed: invalid CIDR address: 10.244.3.0/33'],
    counterSamples: ['loadFlannelSubnetEnv failed: open /run/flannel/subnet.env: no such file or directory'],
  }),
];
