import type { Signature } from '../types.js';
import { sig } from './define.js';

/** Container runtime and CNI texts: containerd CRI, libcni, flannel CNI plugin, bridge, host-local (facts §3, §4.2–§4.4). */
export const RUNTIME_CNI_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.socket-unreachable',
    cause: 'runtime.unavailable',
    // The kubelet and crictl talk gRPC over the runtime's unix socket: any transport failure on that
    // socket (refused, missing, reset, broken pipe) means the runtime is not serving (stopped, crashed,
    // restarting), whatever call it interrupted. gRPC reports transport failures as code Unavailable;
    // a runtime that answers wraps its own errors as code Unknown (CNI, pulls), so Unavailable right
    // after the kubelet's CRI wrapper is the connection, not the work.
    // Only texts that say the socket did not answer: a runtime that answers with "unknown service" (CRI API
    // version), a slow relist (PLEG) and a client dialling the removed dockershim socket have their own
    // signatures below, none of them sure.
    // A refused permission (EACCES) is not here: the socket exists and may well be served (runtime.socket-permission).
    re: /(containerd|crio|cri-dockerd|docker)\.sock[^"]{0,40}?(connection refused|no such file or directory|connection reset by peer|broken pipe)|container runtime is (down|not running)|containerd did not exit successfully|failed to connect to containerd: failed to dial [^\n]{0,200}?timeout|(runtime service failed|createpodsandbox for pod [^\n]{0,200}? failed|failed (to )?create pod sandbox)\W{0,4}(err\W{0,3})?rpc error: code = unavailable|runtimeready=false|failed to dial \\?"[^"\n]*(containerd|crio|cri-dockerd|docker)\.sock\\?": (context deadline exceeded|connection refused)/,
    anchors: ['.sock', 'container runtime is', 'code = unavailable', 'runtimeready=false', 'containerd did not exit successfully', 'failed to connect to containerd'],
    confidence: 0.92,
    specificity: 95,
    alternatives: ['node.not-ready'],
    source: 'facts §5.3 (runtime endpoint), kubelet CRI connection texts',
    samples: [
      'Failed create pod sandbox: rpc error: code = Unavailable desc = transport is closing',
      'ctr: failed to dial "/run/containerd/containerd.sock": context deadline exceeded',
      'E0312 08:01:02.123456    1234 remote_runtime.go:222] "RunPodSandbox from runtime service failed" err="rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing dial unix /run/containerd/containerd.sock: connect: connection refused\\""',
      'skipping pod synchronization - [container runtime is down, PLEG is not healthy: pleg was last seen active 3m5.2s ago; threshold is 3m0s]',
      'E0501 10:00:00.000000    812 remote_runtime.go:390] "ListPodSandbox with filter from runtime service failed" err="rpc error: code = Unavailable desc = error reading from server: read unix @->/run/containerd/containerd.sock: read: connection reset by peer"',
      'E0501 10:00:01.000000    812 kuberuntime_manager.go:700] createPodSandbox for pod "web-0_shop(1a2b)" failed: rpc error: code = Unavailable desc = transport is closing',
      // dockerd's own containerd (libcontainerd) crashing at start, then not answering on its socket. A bare
      // dial timeout on a socket is not here: a client dialling a path nothing serves (rke2's socket lives
      // elsewhere) times out the same way.
      'ERRO[0000] containerd did not exit successfully          error="signal: segmentation fault" module=libcontainerd',
      'Failed to connect to containerd: failed to dial "/var/run/docker/containerd/docker-containerd.sock": dial unix:///var/run/docker/containerd/docker-containerd.sock: timeout',
      'E0501 10:00:02.000000    812 remote_runtime.go:222] "RunPodSandbox from runtime service failed" err="rpc error: code = Unavailable desc = connection closed before server preface received"',
    ],
    counterSamples: [
      'dial tcp 10.0.0.1:5000: connect: connection refused',
      // A runtime that answers: its own sub-call (here a sandbox shim) failed, wrapped as code Unknown.
      'Failed create pod sandbox: rpc error: code = Unknown desc = failed to create containerd task: Failed to check if grpc server is working: rpc error: code = Unavailable desc = transport is closing: unknown',
      // The runtime answered: it serves no CRI v1 (runtime.cri-api-unimplemented).
      'rpc error: code = Unimplemented desc = unknown service runtime.v1.RuntimeService',
      // A relist that is slow, not a socket that is gone (runtime.pleg-unhealthy).
      'skipping pod synchronization - [PLEG is not healthy: pleg was last seen active 4m1s ago; threshold is 3m0s]',
      // crictl's default endpoint since dockershim's removal (runtime.dockershim-socket).
      'dial unix /var/run/dockershim.sock: connect: no such file or directory',
    ],
  }),
  sig({
    id: 'runtime.socket-permission',
    cause: 'unknown',
    // connect(2) on a unix socket answers EACCES when the caller may not write the socket file (crictl or
    // docker run by a user who is not root nor in the socket's group) or a security module (SELinux,
    // AppArmor) refused it: the socket exists, and the runtime behind it may be serving. The kubelet runs as
    // root, so this is nearly always a client's privilege, not the runtime.
    re: /(containerd|crio|cri-dockerd|docker)\.sock[^"\n]{0,40}?connect: permission denied/,
    anchors: ['connect: permission denied'],
    confidence: 0.5,
    specificity: 96,
    alternatives: ['runtime.unavailable'],
    check: 'ls -l the socket and id: run the client as root (sudo crictl …) or as a member of the socket\'s group; if root is refused too, look for an SELinux/AppArmor denial (ausearch -m avc, dmesg); systemctl status containerd says whether the runtime serves',
    source: 'connect(2) EACCES on a unix socket; Go "dial unix <path>: connect: permission denied"',
    samples: [
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
    id: 'runtime.cri-api-unimplemented',
    cause: 'runtime.unavailable',
    // gRPC answers code Unimplemented "unknown service <name>" when the server has no such service registered:
    // the socket is up and a gRPC server answers, but it serves no CRI (containerd with "cri" in
    // disabled_plugins, as Docker's containerd.io package ships config.toml) or not the CRI version the client
    // speaks (kubelet ≥ 1.26 and current crictl speak only runtime.v1; containerd before 1.6 may lack it).
    // crictl prints "CRI v1 runtime API is not implemented for endpoint" around the same gRPC text.
    re: /unknown service runtime\.v1(alpha2)?\.(runtime|image)service|cri v1 (runtime|image) api is not implemented/,
    anchors: ['unknown service runtime.', 'api is not implemented'],
    confidence: 0.8,
    specificity: 95,
    alternatives: ['node.not-ready'],
    check: 'the runtime answers but not with CRI v1: grep disabled_plugins /etc/containerd/config.toml ("cri" listed: remove it, or regenerate with containerd config default, and restart containerd); containerd --version (1.6 or later for kubelet 1.26+ and current crictl); crictl --version against the runtime',
    source: 'gRPC server status Unimplemented ("unknown service %v"); cri-tools validate service connection; kubelet CRI v1 requirement (1.26+)',
    samples: [
      'FATA[0000] validate service connection: validate CRI v1 image API for endpoint "unix:///run/containerd/containerd.sock": rpc error: code = Unimplemented desc = unknown service runtime.v1.ImageService',
      'failed to create kubelet: rpc error: code = Unimplemented desc = unknown service runtime.v1alpha2.RuntimeService',
      'level=fatal msg="validate service connection: CRI v1 runtime API is not implemented for endpoint \\"unix:///var/run/crio/crio.sock\\": rpc error: code = Unimplemented"',
    ],
    counterSamples: ['rpc error: code = Unimplemented desc = unknown service grpc.health.v1.Health', 'dial unix /run/containerd/containerd.sock: connect: connection refused'],
  }),
  sig({
    id: 'runtime.pleg-unhealthy',
    cause: 'unknown',
    // kubelet runtimeState.runtimeErrors(): "container runtime status check may not have completed yet" (no
    // runtime status received since the kubelet started) and "PLEG is not healthy: pleg was last seen active
    // %v ago; threshold is %v" (the pod lifecycle relist, which lists every container through the runtime,
    // has not finished within 3 minutes). Both say the runtime answered slowly or not yet — a hung runtime, a
    // stuck container or volume, an overloaded node, or a kubelet that just started — not that it is gone.
    // "container runtime is down" beside them is the runtime.socket-unreachable text and outranks these.
    re: /pleg is not healthy|container runtime status check may not have completed/,
    anchors: ['pleg is not healthy', 'runtime status check'],
    confidence: 0.5,
    specificity: 94,
    alternatives: ['runtime.unavailable', 'node.not-ready'],
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
    id: 'cni.requested-ip-unavailable',
    cause: 'unknown',
    // host-local asked for one particular address (a static IP in the pod's annotations or the runtime's args):
    // "not available" is that address taken or outside the range, not the range exhausted.
    re: /requested ip address \S+ is not available in range set/,
    anchors: ['is not available in range set'],
    confidence: 0.4,
    specificity: 96,
    alternatives: ['cni.ipam-exhausted', 'cni.bridge-ip-conflict'],
    check: 'which address was requested (the pod\'s ips annotation or the runtime\'s --ip) and ls /var/lib/cni/networks/<network>/ on the node: a file named by that address is its holder (a leaked one is a container that no longer exists); an address outside the configured range can never be given',
    source: 'CNI host-local IPAM ("requested IP address %s is not available in range set %s")',
    samples: ['failed to allocate for range 0: requested IP address 10.88.0.5 is not available in range set 10.88.0.1-10.88.255.254', '{ "code": 100, "msg": "failed to allocate for range 0: requested IP address 192.168.1.9 is not available in range set 192.168.1.10-192.168.1.20" }'],
    counterSamples: ['failed to allocate for range 0: no IP addresses available in range set: 10.244.1.1-10.244.1.254'],
  }),
  sig({
    id: 'runtime.recover-state-failed',
    cause: 'runtime.unavailable',
    // containerd's CRI plugin rebuilds its sandboxes and containers at start; when that fails the plugin does not load
    // and the kubelet finds no CRI service on the socket.
    re: /failed to recover state: /,
    anchors: ['failed to recover state'],
    confidence: 0.8,
    specificity: 90,
    alternatives: ['node.not-ready'],
    check: 'journalctl -u containerd -b | grep -m3 "failed to recover state": the record it names (a sandbox or container left by a crash) is removed with ctr -n k8s.io (containers|snapshots) rm, then containerd restarted; crictl info must then answer',
    source: 'containerd CRI plugin start-up (recover: "failed to recover state")',
    samples: ['containerd restart broke: failed to recover state: failed to reserve sandbox name', 'level=fatal msg="Failed to run CRI service" error="failed to recover state: failed to reserve container name \\"web_default_1\\""'],
    counterSamples: ['level=info msg="Start recovering state"'],
  }),
  sig({
    id: 'runtime.helper-in-current-directory',
    cause: 'runtime.unavailable',
    // Go 1.19+ exec.LookPath refuses a program found through a relative PATH entry: the runtime cannot run its helper
    // (apparmor_parser, runc) and no container is created.
    re: /resolves to executable in current directory/,
    anchors: ['resolves to executable in current directory'],
    confidence: 0.75,
    specificity: 90,
    check: 'the runtime\'s environment PATH (systemctl show containerd -p Environment, or the k3s/rke2 service): remove "." and empty entries, so helpers such as apparmor_parser resolve to /sbin or /usr/sbin',
    source: 'Go os/exec ErrDot ("… resolves to executable in current directory"), as containerd reports it when creating a container',
    samples: [
      'failed to create containerd container: get apparmor_parser version: apparmor_parser resolves to executable in current directory (./apparmor_parser)',
      'exec: "runc": runc resolves to executable in current directory (./runc)',
    ],
    counterSamples: ['exec: "runc": executable file not found in $PATH'],
  }),
  sig({
    id: 'runtime.dockershim-socket',
    cause: 'runtime.unavailable',
    // dockershim left the kubelet in 1.24; the socket exists only where an old kubelet serves it. crictl without
    // /etc/crictl.yaml still tries unix:///var/run/dockershim.sock first (its deprecated default endpoint list),
    // so on a containerd or CRI-O node this text usually means the client's endpoint, not a runtime that is down.
    re: /dockershim\.sock[^"]{0,40}?(connection refused|no such file or directory|connect: permission denied)/,
    anchors: ['dockershim.sock'],
    confidence: 0.8,
    specificity: 96,
    alternatives: ['node.not-ready'],
    check: 'which runtime does the node run (kubectl get node -o wide, CONTAINER-RUNTIME)? for containerd or CRI-O set runtime-endpoint in /etc/crictl.yaml (unix:///run/containerd/containerd.sock) and retry; if that answers, the runtime is fine and only the client was pointed at dockershim',
    source: 'cri-tools default endpoints (dockershim.sock first, deprecated); dockershim removed in Kubernetes 1.24',
    samples: [
      'FATA[0000] listing pod sandboxes: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing dial unix /var/run/dockershim.sock: connect: no such file or directory"',
      'E0101 00:00:00.000000 1 remote_runtime.go:100] "Version from runtime service failed" err="rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial unix /var/run/dockershim.sock: connect: connection refused\\""',
    ],
    counterSamples: ['dial unix /run/containerd/containerd.sock: connect: no such file or directory'],
  }),
  sig({
    id: 'runtime.docker-client-no-daemon',
    cause: 'runtime.unavailable',
    // The Docker client's text (CLI, SDKs, cAdvisor's docker factory): Docker's daemon is not answering. It is
    // the node's runtime only where the kubelet uses Docker (dockershim, cri-dockerd); on containerd or CRI-O
    // nodes it is a tool, a CI pod doing docker-in-docker, or a probe, and the kubelet's runtime may be fine.
    re: /cannot connect to the docker daemon/,
    anchors: ['cannot connect to the docker daemon'],
    confidence: 0.75,
    specificity: 94,
    alternatives: ['node.not-ready'],
    check: 'kubectl get node -o wide: CONTAINER-RUNTIME docker:// means Docker is the node\'s runtime (systemctl status docker); containerd:// or cri-o:// means the line comes from a Docker client on a node that does not run dockerd, so crictl info is what says whether the runtime is up',
    source: 'Docker client ("Cannot connect to the Docker daemon at %s. Is the docker daemon running?")',
    samples: ['Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?', 'ERROR: error during connect: Cannot connect to the Docker daemon at tcp://docker:2375. Is the docker daemon running?'],
    counterSamples: ['Server Version: 24.0.7'],
  }),
  sig({
    id: 'runtime.docker-pipe-missing',
    cause: 'runtime.unavailable',
    // On Windows the Docker client reaches the engine through a named pipe; "cannot find the file" on that pipe
    // means no engine is listening (Docker Desktop not started, or switched to the other engine).
    re: /open \/\/\.\/pipe\/docker[\w_]*: the system cannot find the file specified/,
    anchors: ['/pipe/docker'],
    confidence: 0.85,
    specificity: 95,
    alternatives: ['node.not-ready'],
    check: 'is Docker Desktop (or the Docker service) running on that machine? docker context ls shows which pipe the client uses (dockerDesktopLinuxEngine for Linux containers, docker_engine for Windows containers)',
    source: 'Docker client on Windows: the engine endpoint is npipe:////./pipe/<name>; the OS error is ERROR_FILE_NOT_FOUND',
    samples: ['error during connect: Get "http://%2F%2F.%2Fpipe%2FdockerDesktopLinuxEngine/v1.51/images/json": open //./pipe/dockerDesktopLinuxEngine: The system cannot find the file specified.', 'error during connect: this error may indicate that the docker daemon is not running: open //./pipe/docker_engine: The system cannot find the file specified.'],
    counterSamples: ['npipe:////./pipe/docker_engine'],
  }),
  sig({
    id: 'cni.find-plugin',
    cause: 'cni.plugin-missing',
    // Go's exec.LookPath error names the binary: a helper (iptables) or, for runtimes that look CNI plugins up
    // on $PATH themselves (k3s's agent, nerdctl), the plugin — "failed to find host-local: exec: \"host-local\": …".
    re: /failed to find plugin \\?"(?!flannel\\?")[\w.-]+\\?" in path|exec: \\?"(iptables|ip6tables|nsenter|ipset|bridge|host-local|portmap|loopback|bandwidth|firewall|tuning|host-device|macvlan|ipvlan|ptp|vlan|dhcp|static|sbr|vrf)\\?": (executable file not found|stat [^:\n]+: no such file or directory)|\/opt\/cni\/bin\/[\w.-]+: (no such file or directory|exec format error)/,
    anchors: ['failed to find plugin', 'executable file not found', '/opt/cni/bin/'],
    // The binary a config names is absent; for a name flannel's own config does not use, the active
    // config may be a stray file in /etc/cni/net.d (libcni takes the first by name).
    confidence: 0.85,
    specificity: 95,
    alternatives: ['flannel.daemon-down', 'cni.config-invalid'],
    check: 'ls /opt/cni/bin and ls /etc/cni/net.d: install the missing binary (containernetworking plugins release), or remove a config file in /etc/cni/net.d that sorts before 10-flannel.conflist and names plugins this cluster does not use',
    source: 'facts §4.2 (libcni find), §2.7 (portmap needs iptables), §3',
    samples: [
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "3b20": plugin type="portmap" failed (add): failed to find plugin "portmap" in path [/opt/cni/bin]',
      'plugin type="flannel" failed (add): failed to delegate add: failed to find plugin "bridge" in path [/opt/cni/bin /usr/libexec/cni]',
      'plugin type="portmap" failed (add): failed to open iptables: exec: "iptables": executable file not found in $PATH',
      'level=error msg="failed to find host-local: exec: \\"host-local\\": executable file not found in $PATH"',
    ],
    counterSamples: ['no networks found in /etc/cni/net.d', 'failed to find plugin "flannel" in path [/opt/cni/bin]', 'exec: "kubectl": executable file not found in $PATH'],
  }),
  sig({
    id: 'cni.find-flannel-plugin',
    cause: 'cni.plugin-missing',
    // flannel's own binary: copied to /opt/cni/bin by the install-cni-plugin initContainer, wiped by a kubernetes-cni package upgrade.
    re: /failed to find plugin \\?"flannel\\?" in path/,
    anchors: ['failed to find plugin'],
    confidence: 0.95,
    specificity: 96,
    alternatives: ['flannel.daemon-down'],
    source: 'facts §3 (flannel CNI binary), §4.2 (libcni find)',
    samples: [
      'E0208 18:53:32.174927 10591 remote_runtime.go:198] "RunPodSandbox from runtime service failed" err="rpc error: code = Unknown desc = failed to setup network for sandbox \\"ab12\\": plugin type=\\"flannel\\" failed (add): failed to find plugin \\"flannel\\" in path [/opt/cni/bin]"',
      'plugin type="flannel" name="cbr0" failed (delete): failed to find plugin "flannel" in path [/opt/cni/bin]',
    ],
    counterSamples: ['failed to find plugin "portmap" in path [/opt/cni/bin]'],
  }),
  sig({
    id: 'cni.no-valid-networks',
    cause: 'cni.config-invalid',
    // Config files exist but none validates (kubelet's libcni check includes that every plugin binary is there).
    re: /no valid networks found in/,
    anchors: ['no valid networks found'],
    confidence: 0.6,
    specificity: 89,
    alternatives: ['cni.plugin-missing', 'cni.config-missing'],
    check: 'the kubelet or containerd log line before it ("Error validating CNI config list" / "failed to load cni config") names the reason: a plugin binary missing from /opt/cni/bin, or bad JSON or cniVersion in /etc/cni/net.d',
    source: 'libcni / kubelet CNI config validation (facts §4.4)',
    samples: ['W0110 10:00:00.000000 900 cni.go:239] Unable to update cni config: no valid networks found in /etc/cni/net.d', 'Unable to update cni config: no valid networks found in /etc/cni/net.d/'],
    counterSamples: ['Unable to update cni config: no networks found in /etc/cni/net.d'],
  }),
  sig({
    id: 'cni.not-initialized',
    check: 'ls /etc/cni/net.d /opt/cni/bin on the node and kubectl -n kube-flannel get pods -o wide: no config file means flannel has not run there yet (its pod\'s init containers write it); a file present means the runtime cannot load it (journalctl -u containerd | grep -i cni)',
    cause: 'cni.config-missing',
    re: /cni config uninitialized|cni plugin not initialized|missing cni default network|no networks found in|no network config found in|no valid networks found in|no cni configuration file in|networkpluginnotready|network plugin is not ready|container runtime network not ready/,
    anchors: ['cni config uninitialized', 'cni plugin not initialized', 'missing cni default network', 'no networks found', 'no network config found', 'no valid networks found', 'no cni configuration file', 'networkpluginnotready', 'network plugin is not ready', 'runtime network not ready'],
    confidence: 0.88,
    specificity: 88,
    alternatives: ['flannel.daemon-down', 'cni.config-invalid', 'cni.plugin-missing'],
    source: 'facts §4.4 (NetworkReady=false, cni plugin not initialized)',
    samples: [
      'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
      'runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:docker: network plugin is not ready: cni config uninitialized',
      'failed to load cni during init, please check CRI plugin status before setting up network for pods: error="cni config load failed: no network config found in /etc/cni/net.d: cni plugin not initialized: failed to load cni config"',
      'failed to create pod network sandbox k8s_web_default_1(79a4): No CNI configuration file in /etc/cni/net.d/. Has your network provider started?',
    ],
    counterSamples: ['failed to find plugin "flannel" in path [/opt/cni/bin]'],
  }),
  sig({
    id: 'cni.config-parse',
    check: 'cat /etc/cni/net.d/*.conflist | jq . on the node: the first file in lexical order is the one used; check its JSON, cniVersion and plugin types',
    cause: 'cni.config-invalid',
    re: /error parsing configuration( list)?|incompatible cni versions|does not support config version|failed to load cni config list|error (loading|validating) cni config|'delegate' dictionary|failed to load flannel netconf file|no 'plugins' key|missing 'type'|invalid cniversion|unmarshal cni (network )?config|invalid version \\?"\\?": the version is empty|no plugin name provided|range set \d+ overlaps with \d+|failed to load netconf: |(cni|multus|delegate)[^\n]{0,300}missing network name|failed to convert major version part/,
    anchors: ['error parsing configuration', 'incompatible cni versions', 'does not support config version', 'failed to load cni config list', 'cni config', "'delegate' dictionary", 'flannel netconf', "'plugins' key", "missing 'type'", 'cniversion', 'the version is empty', 'no plugin name provided', 'overlaps with', 'failed to load netconf', 'missing network name', 'failed to convert major version part'],
    confidence: 0.85,
    specificity: 89,
    source: 'facts §3 (delegate validation), libcni config loading',
    samples: [
      // libcni parsing a cniVersion that is empty or not a version (CRI-O on DEL with a config that lost it).
      'level=error msg="Error deleting network: failed to convert major version part \\"\\": strconv.Atoi: parsing \\"\\": invalid syntax"',
      // A delegate's network config without its required "name".
      'NetworkPlugin cni failed to set up pod "web-0" network: Multus: error in invoke Delegate add - "macvlan": missing network name',
      'plugin type="flannel" failed (add): incompatible CNI versions; config is "1.0.0", plugin supports ["0.1.0" "0.2.0" "0.3.0" "0.3.1" "0.4.0"]',
      'Error loading CNI config list file /etc/cni/net.d/10-flannel.conflist: error parsing configuration list: unexpected end of JSON input',
      "plugin type=\"flannel\" failed (add): 'delegate' dictionary must not have 'ipam' field, it'll be set by flannel",
      // libcni parses a config without cniVersion as the empty version (containerd's StopPodSandbox wording).
      'StopPodSandbox for "4f1c" failed error="failed to destroy network for sandbox \\"4f1c\\": invalid version \\"\\": the version is empty"',
      // libcni: a delegate or plugin entry without "type"; host-local: two ranges of one set that overlap; a plugin's own netconf decoding.
      'Multus: error in invoke Delegate add - "bridge": no plugin name provided',
      'plugin type="tuning" failed (add): failed to load netconf: json: cannot unmarshal array into Go struct field TuningConf.sysctl of type map[string]string',
    ],
    counterSamples: ['no networks found in /etc/cni/net.d'],
  }),
  sig({
    id: 'cni.subnet-env',
    cause: 'cni.subnet-env-missing',
    re: /\/run\/flannel\/subnet\.env: no such file or directory|loadflannelsubnetenv failed|failed to load flannel 'subnet\.env' file|subnet\.env is missing flannel_/,
    anchors: ['subnet.env', 'loadflannelsubnetenv'],
    // The flannel CNI plugin ran (its config is in /etc/cni/net.d) but flanneld has written no lease on
    // this node: flanneld not (yet) running there, or a flannel config left behind on a node whose
    // network is now another CNI's. The text cannot tell which.
    confidence: 0.85,
    specificity: 95,
    alternatives: ['flannel.daemon-down', 'cni.config-invalid', 'flannel.config-invalid'],
    check: 'kubectl -n kube-flannel get pods -o wide --field-selector spec.nodeName=<node>: no running flannel pod there means flannel is not up on the node (its log says why: a net-conf.json it cannot use, such as an empty Backend type, makes it exit before it writes subnet.env); if flannel is not meant to run (another CNI is installed), remove the stale /etc/cni/net.d/10-flannel.conflist',
    source: 'facts §4.2 (subnet.env missing, by plugin version)',
    samples: [
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "9f1c0d": plugin type="flannel" failed (add): failed to load flannel \'subnet.env\' file: open /run/flannel/subnet.env: no such file or directory. Check the flannel pod log for this node.',
      'networkPlugin cni failed to set up pod "coredns-5644d7b6d9-8kxvq_kube-system" network: open /run/flannel/subnet.env: no such file or directory',
      'plugin type="flannel" failed (add): loadFlannelSubnetEnv failed: open /run/flannel/subnet.env: no such file or directory',
    ],
    counterSamples: ['Wrote subnet file to /run/flannel/subnet.env'],
  }),
  sig({
    id: 'cni.bridge-addr',
    cause: 'cni.bridge-ip-conflict',
    // The bridge plugin's address conflict; its other "failed to set bridge addr" errors are below.
    re: /already has an ip address( different from)?|\\?"cni0\\?" already exists but is not a bridge/,
    anchors: ['already has an ip address', 'already exists but is not a bridge'],
    confidence: 0.95,
    specificity: 95,
    source: 'facts §4.2 (bridge plugin)',
    samples: [
      'plugin type="flannel" failed (add): failed to delegate add: failed to set bridge addr: "cni0" already has an IP address different from 10.244.3.1/24',
      'networkPlugin cni failed to set up pod "web-0_default" network: failed to set bridge addr: "cni0" already has an IP address different from 10.244.1.1/24',
    ],
    counterSamples: ['cni0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1450', 'failed to set bridge addr: could not add IP address to "cni0": file exists'],
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
    // plugin reads /run/flannel/subnet.env instead (cni.subnet-env and the more specific texts outrank this).
    re: /(error adding network|error while adding to cni network|networkplugin cni failed to set up pod|plugin type=\\?"[\w-]+\\?"[^\n]{0,60}failed \(add\))[^\n]{0,600}?(connect: connection refused|getsockopt: connection refused|dial tcp [\w.:[\]%-]+: i\/o timeout|connect: no such file or directory|context deadline exceeded)/,
    anchors: ['error adding network', 'to cni network', 'networkplugin cni failed', 'failed (add)'],
    confidence: 0.5,
    specificity: 70,
    alternatives: ['flannel.daemon-down', 'node.not-ready'],
    check: 'which CNI is configured (ls /etc/cni/net.d; the first file wins) and is its agent running on this node (kubectl -n kube-system get pods -o wide | grep -E "weave|calico|cilium|flannel"): the address in the error is that agent\'s endpoint',
    source: 'kubelet/libcni wrappers around a CNI ADD ("error adding network", "plugin type=… failed (add)"); weave-net IPAM (http://127.0.0.1:6784/ip/…), calico-ipam (Kubernetes API)',
    samples: [
      'E0228 14:21:48.841492     735 cni.go:255] Error adding network: unable to allocate IP address: Post http://127.0.0.1:6784/ip/5c01: dial tcp 127.0.0.1:6784: getsockopt: connection refused',
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "9f2e": plugin type="calico" failed (add): error getting ClusterInformation: Get "https://10.96.0.1:443/apis/crd.projectcalico.org/v1/clusterinformations/default": dial tcp 10.96.0.1:443: i/o timeout',
    ],
    counterSamples: ['networkPlugin cni failed to set up pod "web_default" network: open /run/flannel/subnet.env: no such file or directory'],
  }),
  sig({
    id: 'docker.ipam-pool-exhausted',
    cause: 'cni.ipam-exhausted',
    // Docker's own IPAM (libnetwork), which allocates pod addresses when the kubelet leaves networking to
    // dockershim's docker bridge or kubenet's cbr0 pool: the pool is used up, often by leaked sandboxes.
    re: /no available (ip|ipv4|ipv6) addresses on (network|this network's address pools|this pool)|no available addresses on this pool/,
    anchors: ['no available ip', 'no available addresses'],
    confidence: 0.8,
    specificity: 95,
    alternatives: ['flannel.no-pod-cidr'],
    check: 'docker network inspect bridge (or the pool the error names): count the endpoints against the subnet size; exited pause containers (docker ps -a --filter name=k8s_POD) still hold addresses until removed',
    source: 'Docker libnetwork IPAM (ipamapi ErrNoAvailableIPs) as seen through the kubelet\'s docker runtime',
    samples: [
      'Failed to start with docker id 121040c542ca with error: API error (500): Cannot start container 121040c542cab2f627a5: no available ip addresses on network',
      'Error response from daemon: no available IPv4 addresses on this network\'s address pools: bridge (8e3a3f2a1b)',
    ],
    counterSamples: ['failed to allocate for range 0: no IP addresses available in range set: 10.244.2.1-10.244.2.254'],
  }),
  sig({
    id: 'cilium.ipam-pool-full',
    cause: 'cni.ipam-exhausted',
    // Cilium's CNI plugin asks its node agent for an address (POST /ipam); the agent's allocator for the node's
    // pod CIDR answers "range is full" (the Kubernetes ipallocator error it reuses) when every address of the
    // node's pool is taken — by pods, or by addresses leaked from sandboxes that were never released. The same
    // "range is full" from the API server is the Service CIDR, so only the Cilium wrapper counts here.
    re: /(postipamfailure|allocate ip via local cilium agent)[^\n]{0,200}?range is full/,
    anchors: ['postipamfailure', 'cilium agent'],
    confidence: 0.8,
    specificity: 95,
    alternatives: ['flannel.no-pod-cidr'],
    check: 'this node runs Cilium, not flannel\'s host-local: cilium status --all-addresses in the node\'s cilium pod, against the pods on the node (kubectl get pods -A -o wide --field-selector spec.nodeName=<node>); kubectl get ciliumnode <node> -o yaml shows the pool size (spec.ipam.podCIDRs)',
    source: 'Cilium CNI plugin → agent IPAM API (POST /ipam, postIpamFailure); Kubernetes ipallocator ErrFull ("range is full")',
    samples: [
      'networkPlugin cni failed to set up pod "web-5d8f_shop" network: unable to allocate IP via local cilium agent: [POST /ipam][502] postIpamFailure  range is full',
      'plugin type="cilium-cni" failed (add): unable to allocate IP via local cilium agent: [POST /ipam][502] postIpamFailure  range is full',
    ],
    counterSamples: ['Internal error occurred: failed to allocate a serviceIP: range is full', 'unable to allocate IP via local cilium agent: [POST /ipam][502] postIpamFailure  No more IPs available'],
  }),
  sig({
    id: 'cni.chained-only-plugin',
    cause: 'cni.config-invalid',
    // A plugin that only adjusts what an earlier plugin set up (portmap, tuning, bandwidth, a CNI's
    // chaining mode) refuses to run first: the conflist lists it alone or before the main plugin.
    re: /must be called as (a )?chained plugin/,
    anchors: ['chained plugin'],
    confidence: 0.9,
    specificity: 92,
    source: 'containernetworking/plugins meta plugins ("must be called as chained plugin" when prevResult is missing)',
    samples: [
      'error adding container to network "cbr0": must be called as chained plugin',
      'plugin type="portmap" failed (add): must be called as chained plugin',
    ],
    counterSamples: ['plugin type="flannel" failed (add): failed to find plugin "portmap" in path [/opt/cni/bin]'],
  }),
  sig({
    id: 'multus.netconf-invalid',
    cause: 'cni.config-invalid',
    // Multus reads its own config (and a NetworkAttachmentDefinition's) before delegating: an error here is
    // the configuration, not a delegate plugin that failed.
    re: /multus: error loading netconf|loadnetconf: |multus: [^\n]{0,80}(error parsing|failed to parse|invalid) (the )?(config|netconf|network attachment)/,
    anchors: ['error loading netconf', 'loadnetconf: ', 'multus: '],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['cni.config-missing'],
    check: 'the Multus config on the node (/etc/cni/net.d/00-multus.conf: clusterNetwork or delegates must name the cluster\'s CNI, e.g. the flannel conflist) and the NetworkAttachmentDefinitions the pod asks for (kubectl get net-attach-def -A -o yaml)',
    source: 'Multus CNI LoadNetConf / NetworkAttachmentDefinition parsing errors',
    samples: [
      'Multus: error loading netconf: LoadNetConf: at least one delegate/clusterNetwork must be specified',
      'error configuring pod networking: Multus: error loading netconf: LoadNetConf: failed to parse the config',
    ],
    counterSamples: ['Multus: [default/web]: error adding container to network "flannel": failed to find plugin "flannel" in path [/opt/cni/bin]'],
  }),
  sig({
    id: 'whereabouts.range-exhausted',
    cause: 'cni.ipam-exhausted',
    // The whereabouts IPAM plugin (cluster-wide ranges, often beside Multus) walks its range's free
    // addresses and fails with its AssignmentError when none is left: "Could not allocate IP in range:
    // ip: <first> / - <last> / range: <IPNet>". Addresses of deleted pods it never released count as used.
    re: /could not allocate ip in range: ip: /,
    anchors: ['could not allocate ip in range'],
    confidence: 0.85,
    specificity: 95,
    alternatives: ['cni.config-invalid'],
    check: 'the range in the error against its users: kubectl get ippools.whereabouts.cni.cni.cncf.io -A -o yaml lists the allocations (pods long gone still hold addresses until the ip-reconciler runs); a range of a handful of addresses in the NetworkAttachmentDefinition fills at once',
    source: 'whereabouts IPAM AssignmentError ("Could not allocate IP in range: ip: %v / - %v / range: %#v")',
    samples: [
      'error adding container to network "macvlan-conf": Error at storage engine: Could not allocate IP in range: ip: 192.168.2.225 / - 192.168.2.230 / range: net.IPNet{IP:net.IP{0xc0, 0xa8, 0x2, 0xe0}, Mask:net.IPMask{0xff, 0xff, 0xff, 0xf0}}',
      'Could not allocate IP in range: ip: 10.10.0.1 / - 10.10.0.6 / range: net.IPNet{IP:net.IP{0xa, 0xa, 0x0, 0x0}, Mask:net.IPMask{0xff, 0xff, 0xff, 0xf8}}',
    ],
    counterSamples: ['Could not allocate IP address for the node'],
  }),
  sig({
    id: 'cni.ipam-range-full',
    cause: 'cni.ipam-exhausted',
    re: /no ip addresses available in (range set|network)|failed to allocate for range|duplicate allocation is not allowed|requested ip address \S+ is not available in range set/,
    anchors: ['no ip addresses available', 'failed to allocate for range', 'duplicate allocation', 'is not available in range set'],
    confidence: 0.95,
    specificity: 95,
    source: 'facts §4.2 (host-local)',
    samples: [
      'plugin type="flannel" failed (add): failed to delegate add: failed to allocate for range 0: no IP addresses available in range set: 10.244.2.1-10.244.2.254',
      'networkPlugin cni failed to set up pod "api-7c9d_prod" network: no IP addresses available in network: cbr0',
    ],
    counterSamples: ['allocated 10.244.2.17 from range 10.244.2.0/24'],
  }),
  sig({
    id: 'runtime.kubelet-runtime-not-up',
    check: 'crictl info (or systemctl status containerd / crio / docker) on the node: the kubelet waits for the runtime it was given (--container-runtime-endpoint) and syncs no pod until it answers',
    cause: 'runtime.unavailable',
    // The kubelet's sync loop while its runtime's status check fails.
    re: /skipping pod synchronization[^\n]{0,40}container runtime is (not up|down)|container runtime is down/,
    anchors: ['skipping pod synchronization', 'container runtime is down'],
    confidence: 0.85,
    specificity: 86,
    alternatives: ['node.not-ready'],
    source: 'kubelet syncLoop ("skipping pod synchronization" with the runtime state error)',
    samples: [
      'I1204 06:26:09.828470   29219 kubelet.go:1735] Skipping pod synchronization, container runtime is not up.',
      'E0523 10:00:00.000000 1 kubelet.go:2350] "Skipping pod synchronization" err="container runtime is down"',
    ],
    counterSamples: ['Skipping pod synchronization - [PLEG is not healthy: pleg was last seen active 3m0s ago; threshold is 3m0s]'],
  }),
  sig({
    id: 'runtime.containerd-config-unloadable',
    cause: 'runtime.unavailable',
    // containerd reads config.toml before it serves anything: a TOML syntax error or a plugin name it cannot
    // parse (a version-1 "cri" key in a version-2 file, a disabled_plugins entry without its io.containerd
    // prefix) ends the process at start, so no CRI socket comes up and every kubelet call to it fails.
    re: /containerd: failed to load toml|failed to load toml from [^\n]*containerd|invalid (disabled )?plugin (key )?uri "[^"\n]*" expect io\.containerd/,
    anchors: ['failed to load toml', 'plugin key uri', 'plugin uri'],
    confidence: 0.9,
    specificity: 93,
    source: 'containerd command start-up (config loading: "failed to load TOML", plugin URI checks of config version 2)',
    samples: [
      'containerd: failed to load TOML from /etc/containerd/config.toml: invalid plugin key URI "cri" expect io.containerd.x.vx',
      'containerd: failed to load TOML: /etc/containerd/config.toml: (12, 3): unexpected token',
    ],
    counterSamples: ['level=info msg="loading plugin \\"io.containerd.grpc.v1.cri\\"..." type=io.containerd.grpc.v1'],
  }),
  sig({
    id: 'runtime.cri-plugin-not-loaded',
    cause: 'runtime.unavailable',
    // containerd starts without its CRI plugin when that plugin's own config is invalid (a runtime v1 option
    // on a v2 runtime, an unknown key): containerd runs, but the kubelet finds no CRI service on its socket.
    re: /failed to load plugin \\?"?io\.containerd\.grpc\.v1\.cri\\?"?[^\n]{0,40}error=/,
    anchors: ['io.containerd.grpc.v1.cri'],
    confidence: 0.85,
    specificity: 93,
    alternatives: ['node.not-ready'],
    check: 'containerd config dump and journalctl -u containerd: the error after "failed to load plugin io.containerd.grpc.v1.cri" names the key — fix it in /etc/containerd/config.toml (containerd config default shows the right shape for this version) and restart containerd; crictl info must then answer',
    source: 'containerd plugin loading ("failed to load plugin" with the CRI plugin id)',
    samples: ['level=warning msg="failed to load plugin io.containerd.grpc.v1.cri" error="invalid plugin config: `systemd_cgroup` only works for runtime io.containerd.runtime.v1.linux"', 'level=info msg="failed to load plugin \\"io.containerd.grpc.v1.cri\\"" error="failed to create CRI service: failed to find snapshotter \\"zfs\\""'],
    counterSamples: ['level=info msg="loading plugin \\"io.containerd.grpc.v1.cri\\"..." type=io.containerd.grpc.v1'],
  }),
  sig({
    id: 'runtime.docker-storage-driver',
    cause: 'runtime.unavailable',
    // dockerd sets up its storage driver before it serves anything: an option of another driver (dm.* for
    // overlay2, a removed overlay2 option), several drivers' data under /var/lib/docker, a devicemapper pool it
    // cannot own, or a kernel without overlay support end the daemon — no runtime on the node.
    re: /error initializing graphdriver|base device uuid verification failed|unable to take ownership of thin-pool|failed to mount overlay: invalid argument\\?"? storage-driver=/,
    anchors: ['error initializing graphdriver', 'base device uuid verification failed', 'unable to take ownership of thin-pool', 'storage-driver='],
    confidence: 0.9,
    specificity: 93,
    check: 'journalctl -u docker: the graphdriver error names the option or driver — remove the other driver\'s options from /etc/docker/daemon.json (storage-opts) or the unit\'s flags, keep one driver\'s data under /var/lib/docker, or pick a driver the kernel supports (grep overlay /proc/filesystems); then systemctl restart docker (and cri-dockerd)',
    source: 'dockerd daemon start-up (graphdriver initialisation)',
    samples: ['failed to start daemon: error initializing graphdriver: overlay2: unknown option overlay2.override_kernel_check: overlay2', 'Error starting daemon: error initializing graphdriver: /var/lib/docker contains several valid graphdrivers: devicemapper, overlay2'],
    counterSamples: ['level=info msg="[graphdriver] using prior storage driver: overlay2"'],
  }),
  sig({
    id: 'runtime.overlay-snapshotter-unsupported',
    cause: 'runtime.unavailable',
    // k3s checks that containerd's overlayfs snapshotter can mount on its data directory (NFS, ZFS, overlay on
    // overlay cannot) and does not start the agent's containerd otherwise.
    re: /"?overlayfs\\?"? snapshotter cannot be enabled for/,
    anchors: ['snapshotter cannot be enabled'],
    confidence: 0.9,
    specificity: 93,
    check: 'the filesystem under the agent\'s data dir (df -T /var/lib/rancher/k3s/agent/containerd): on NFS, ZFS or an overlay root, start k3s with --snapshotter=native (or fuse-overlayfs), or move --data-dir to ext4/xfs',
    source: 'k3s agent containerd set-up (overlayfs snapshotter check)',
    samples: ['Failed to retrieve agent config: "overlayfs" snapshotter cannot be enabled for "/var/lib/rancher/k3s/agent/containerd", try using "fuse-overlayfs" or "native": failed to mount overlay: invalid argument', 'level=info msg="Waiting to retrieve agent configuration; server is not ready: \\"overlayfs\\" snapshotter cannot be enabled for \\"/var/lib/rancher/k3s/agent/containerd\\""'],
    counterSamples: ['level=info msg="loading plugin \\"io.containerd.snapshotter.v1.overlayfs\\"..."'],
  }),
  sig({
    id: 'runtime.oci-runtime-binary-missing',
    cause: 'runtime.unavailable',
    // The runtime hands the container to an OCI runtime or a hook it is configured with (runc, crun, NVIDIA's
    // runtime and hook, Kata, gVisor; CRI-O's conmon; containerd's apparmor_parser for profiles): that program
    // missing on the node fails every container it should start.
    re: /exec: \\?"(nvidia-container-runtime(-hook)?|nvidia-container-cli|runc|crun|runsc|youki|kata-runtime|containerd-shim-[\w-]+|apparmor_parser)\\?": executable file not found|(fork\/exec|invalid conmon path: stat) \S*\/conmon: no such file or directory/,
    anchors: ['executable file not found', '/conmon: no such file'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['node.not-ready'],
    check: 'which program the runtime was told to run: the runtimes in /etc/docker/daemon.json, /etc/containerd/config.toml (plugins."io.containerd.grpc.v1.cri".containerd.runtimes) or /etc/crio/crio.conf (conmon, runtime_path): install it on the node (nvidia-container-toolkit, runc, conmon, apparmor) or point the config at where it is, then restart the runtime',
    source: 'runtime exec of its OCI runtime, hooks and helpers (Go exec: "executable file not found in $PATH"; CRI-O conmon path validation)',
    samples: ['exec: "nvidia-container-runtime-hook": executable file not found in $PATH', 'level=fatal msg="config validation: invalid conmon path: stat /usr/local/libexec/crio/conmon: no such file or directory"', 'failed to create containerd container: get apparmor_parser version: exec: "apparmor_parser": executable file not found in $PATH'],
    counterSamples: ['exec: "iptables": executable file not found in $PATH', 'exec: "modprobe": executable file not found in $PATH'],
  }),
  sig({
    id: 'runtime.handler-not-configured',
    cause: 'runtime.unavailable',
    // A RuntimeClass names a handler (kata, gvisor, nvidia) the node's runtime config does not define, or a
    // shim the runtime cannot speak to: the sandbox cannot be created on that node.
    re: /no runtime for \\?"[^"\n\\]+\\?" is configured|failed to find runtime handler \S+ from runtime list|runtimehandler \\?"[^"\n\\]+\\?" not supported|unsupported shim version \(\d+\)/,
    anchors: ['is configured', 'failed to find runtime handler', 'not supported', 'unsupported shim version'],
    confidence: 0.85,
    specificity: 93,
    check: 'kubectl get runtimeclass <name> -o jsonpath={.handler}: that handler must be a runtime in the node\'s config (containerd: [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.<handler>]; CRI-O: [crio.runtime.runtimes.<handler>]) with its shim installed and of a version this containerd speaks; restart the runtime after adding it',
    source: 'containerd CRI and CRI-O runtime handler lookup; containerd shim protocol versions',
    samples: ['failed to get sandbox runtime: no runtime for "kata-qemu" is configured', 'Failed create pod sandbox: rpc error: code = Unknown desc = RuntimeHandler "kata-runtime" not supported', 'failed to start shim: start failed: unsupported shim version (3): not implemented'],
    counterSamples: ['RuntimeHandler "runc" is ready'],
  }),
  sig({
    id: 'runtime.cri-message-too-large',
    cause: 'runtime.unavailable',
    // gRPC refuses an answer above the client's limit. Between the kubelet (or crictl) and the runtime that is a
    // list call (ListContainers, ListPodSandbox, ListImages) grown past it by thousands of exited containers or
    // images: the kubelet cannot read the runtime's state and the node's pods stop syncing.
    re: /received message larger than max \(\d+ vs\. \d+\)/,
    anchors: ['received message larger than max'],
    confidence: 0.6,
    specificity: 82,
    check: 'which client logged it: from the kubelet or crictl it is the runtime\'s list answer — crictl ps -a | wc -l and crictl images | wc -l on the node, then remove exited containers (crictl rm) and unused images (crictl rmi --prune); from an etcd or API client it is another component',
    source: 'grpc-go ("grpc: received message larger than max (%d vs. %d)", ResourceExhausted); kubelet CRI client message size',
    samples: [
      'rpc error: code = ResourceExhausted desc = grpc: received message larger than max (4195017 vs. 4194304)',
      'ListContainers with filter nil from runtime service failed: rpc error: code = ResourceExhausted desc = grpc: received message larger than max (16783214 vs. 16777216)',
    ],
    counterSamples: ['rpc error: code = ResourceExhausted desc = quota exceeded'],
  }),
  sig({
    id: 'runtime.storage-layer-missing',
    cause: 'runtime.unavailable',
    // containers/storage (CRI-O, podman) keeps each layer as a directory under its graph root; a layer its
    // database lists but the disk lost (an unclean shutdown, a wiped overlay dir) fails every container built on
    // it, sandboxes included: the runtime's own storage, not the registry.
    re: /error creating read-write layer with id|stat \/var\/lib\/containers\/storage\/overlay\/[0-9a-f]{64}: no such file or directory|\blayer not known\b/,
    anchors: ['read-write layer', '/var/lib/containers/storage/overlay/', 'layer not known'],
    confidence: 0.8,
    specificity: 90,
    check: 'crictl images and crictl inspecti on the image the sandbox or container uses: remove it (crictl rmi) and pull it again; when many layers are gone, stop CRI-O, crio wipe (or move /var/lib/containers/storage aside) and start it',
    source: 'containers/storage layer store (overlay driver directories, ErrLayerUnknown "layer not known")',
    samples: [
      'error creating pod sandbox with name "k8s_web": error creating read-write layer with ID "a5021e65": Stat /var/lib/containers/storage/overlay/e17133b79956ad6f69ae7f775badd1c11bad2fc64f0529cab863b9d12fbaa5c4: no such file or directory',
      'Error: layer not known',
    ],
    counterSamples: ['Stat /var/lib/kubelet/pods/1/volumes: no such file or directory'],
  }),
  sig({
    id: 'runtime.typed-version-failed',
    cause: 'runtime.unavailable',
    // The kubelet asks the runtime for its version (and CRI API) before anything else; when that call fails the
    // kubelet exits at start: the runtime is not running on the endpoint the kubelet names, or does not speak CRI v1.
    re: /get remote runtime typed version failed|validate cri v1 runtime api for endpoint/,
    anchors: ['runtime typed version failed', 'validate cri v1 runtime api'],
    confidence: 0.85,
    specificity: 88,
    check: 'crictl --runtime-endpoint <the kubelet\'s --container-runtime-endpoint> version on the node: no answer is the runtime down or another socket (systemctl status containerd); "unknown service runtime.v1" is a runtime without CRI v1',
    source: 'kubelet remote runtime service (getTypedVersion: "get remote runtime typed version failed")',
    samples: [
      'failed to create kubelet: get remote runtime typed version failed: rpc error',
      'E0101 00:00:00.000000 1 run.go:74] "command failed" err="failed to run Kubelet: validate service connection: validate CRI v1 runtime API for endpoint \\"unix:///run/containerd/containerd.sock\\": rpc error: code = Unavailable desc = connection error"',
    ],
    counterSamples: ['Get remote runtime version: 1.7.2'],
  }),
];
