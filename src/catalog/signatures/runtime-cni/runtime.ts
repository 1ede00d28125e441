import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/** The container runtime: containerd, CRI-O and dockerd that do not run or cannot run a container (facts §3). */
export const RUNTIME_SIGNATURES: Signature[] = [
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
    re: /(containerd|crio|cri-dockerd|docker(?:\.raw)?)\.sock[^"]{0,40}?(connection refused|no such file or directory|connection reset by peer|broken pipe)|container runtime is (down|not running)|containerd did not exit successfully|failed to connect to containerd: failed to dial [^\n]{0,200}?timeout|(runtime service failed|createpodsandbox for pod [^\n]{0,200}? failed|failed (to )?create pod sandbox)\W{0,4}(err\W{0,3})?rpc error: code = unavailable|runtimeready=false|failed to handle event stream: rpc error: code = unavailable|failed to dial \\?"[^"\n]*(containerd|crio|cri-dockerd|docker)\.sock\\?": (context deadline exceeded|connection refused)/,
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
      // cri-containerd (the CRI before it moved into containerd) losing its own connection to containerd.
      'E1203 19:46:47.297391    1092 events.go:65] Failed to handle event stream: rpc error: code = Unavailable desc = transport is closing',
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
    id: 'runtime.image-inspect-timeout',
    cause: 'runtime.unavailable',
    // InspectFailed is the kubelet asking its own runtime for an image's status (CRI ImageStatus), before any pull:
    // a deadline there is a runtime that does not answer (hung, its disk stalled), not the registry.
    re: /failed to inspect image[^\n]{0,300}(code = deadlineexceeded|context deadline exceeded)/,
    anchors: ['failed to inspect image'],
    confidence: 0.6,
    specificity: 60,
    alternatives: ['node.not-ready'],
    check: 'crictl images and crictl info on the node (do they answer within seconds?), journalctl -u containerd, and iostat on the runtime\'s disk',
    source: 'kubelet image manager (pkg/kubelet/images/image_manager.go: InspectFailed, "Failed to inspect image %q: %v")',
    samples: [
      'Warning  InspectFailed  2s   kubelet  Failed to inspect image "registry.k8s.io/pause:3.10": rpc error: code = DeadlineExceeded desc = context deadline exceeded',
      'E1206 10:00:00.000000 1100 kuberuntime_manager.go:1000] "Failed to inspect image" err="rpc error: code = DeadlineExceeded desc = context deadline exceeded" image="docker.io/library/nginx:1.27"',
    ],
    counterSamples: ['Failed to pull image "quay.io/ceph/ceph:v18": rpc error: code = DeadlineExceeded desc = context deadline exceeded'],
  }),
  sig({
    id: 'runtime.cri-status-deadline',
    cause: 'runtime.unavailable',
    // The kubelet's status and list calls ask the runtime only what it already knows; when they run out of time
    // (gRPC DeadlineExceeded) the runtime is hung (a stuck dockerd or shim, a daemon blocked on its disk), not
    // slow at some work such as a pull or a CNI call, which have their own calls and words.
    re: /(^|[\s"])(containerstatus|podsandboxstatus|listcontainers|listpodsandbox|listimages|imagefsinfo|containerstats|listcontainerstats|listpodsandboxstats|version|status|runtimeconfig)\b[^\n]{0,120}from (runtime|image) service failed\W{0,4}(err\W{0,3})?rpc error: code = deadlineexceeded|getpodcontainerstatuses for pod [^\n]{0,200}failed: rpc error: code = deadlineexceeded/,
    anchors: ['code = deadlineexceeded'],
    confidence: 0.7,
    specificity: 90,
    alternatives: ['node.not-ready'],
    check: 'is the runtime answering? time crictl ps and crictl info on that node; journalctl -u containerd (or docker) for the same minutes; a hung daemon answers nothing until restarted (systemctl restart containerd), a full or slow disk under /var/lib/containerd shows in iostat',
    source: 'kubelet remote_runtime.go ("<Call> from runtime service failed" with the gRPC status), kuberuntime_manager ("getPodContainerStatuses for pod %q failed")',
    samples: [
      'E0703 20:03:25.881543 1946644 remote_runtime.go:295] ContainerStatus "bdf4dc0af526" from runtime service failed: rpc error: code = DeadlineExceeded desc = context deadline exceeded',
      'E0501 10:00:00.000000 812 remote_runtime.go:390] "ListPodSandbox with filter from runtime service failed" err="rpc error: code = DeadlineExceeded desc = context deadline exceeded"',
    ],
    counterSamples: ['"RunPodSandbox from runtime service failed" err="rpc error: code = DeadlineExceeded desc = context deadline exceeded"', '"PullImage from image service failed" err="rpc error: code = DeadlineExceeded desc = context deadline exceeded"'],
  }),
  sig({
    id: 'runtime.cri-api-unimplemented',
    cause: 'runtime.unavailable',
    // gRPC answers code Unimplemented "unknown service <name>" when the server has no such service registered:
    // the socket is up and a gRPC server answers, but it serves no CRI (containerd with "cri" in
    // disabled_plugins, as Docker's containerd.io package ships config.toml) or not the CRI version the client
    // speaks (kubelet ≥ 1.26 and current crictl speak only runtime.v1; containerd before 1.6 may lack it).
    // crictl prints "CRI v1 runtime API is not implemented for endpoint" around the same gRPC text.
    re: /unknown service runtime\.(v1(alpha2)?\.)?(runtime|image)service|cri v1 (runtime|image) api is not implemented/,
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
    // Not a credential helper's (docker-credential-*): that is the client without credentials, not the runtime.
    re: /(?<!docker-credential-[\w.-]{0,40} )resolves to executable in current directory/,
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
    id: 'runtime.daemon-socket-eof',
    cause: 'runtime.unavailable',
    // The Docker (or balena-engine) client reached the daemon's unix socket and the daemon closed the
    // connection without an answer: the daemon died or restarted while handling the request.
    re: /error during connect: \w+ \\?"?http:\/\/%2f[^\s"]*\.sock\S*: eof/,
    anchors: ['error during connect'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['image.disk-full', 'node.not-ready'],
    check: 'journalctl -u docker (or the engine\'s unit) at that time: a panic, an OOM kill or a restart loop of the daemon; systemctl status shows its restarts',
    source: 'Docker client ("error during connect: %s") over the daemon\'s unix socket; EOF is the peer closing without a response',
    samples: ['error during connect: Post "http://%2Fvar%2Frun%2Fdocker.sock/v1.41/images/create?fromImage=alpine&tag=3": EOF', 'error during connect: Post http://%2Fvar%2Frun%2Fbalena-engine.sock/v1.35/images/create?fromImage=resin%2Fapp&tag=1: EOF'],
    counterSamples: ['error during connect: Get "http://%2F%2F.%2Fpipe%2Fdocker_engine/v1.24/version": open //./pipe/docker_engine: The system cannot find the file specified.'],
  }),
  sig({
    id: 'runtime.shim-ttrpc-closed',
    cause: 'runtime.unavailable',
    // containerd talks to each container's shim over ttrpc; the client shutting down after its read of the
    // shim's socket failed means the shim (or containerd under it) went away — a runtime reinstalled or
    // restarted under running containers. A bare "ttrpc: closed" is also a shim that exited on its own
    // (a sandbox runtime such as Kata failing), which threads settle otherwise: not read here.
    re: /ttrpc: client shutting down/,
    anchors: ['ttrpc: client shutting down'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['node.not-ready'],
    check: 'systemctl status containerd docker on the node and the shims still running (ps -ef | grep containerd-shim): a runtime upgraded or reinstalled under live containers leaves shims the new daemon cannot talk to — drain the node and restart the runtime',
    source: 'containerd ttrpc client (ErrClosed "ttrpc: closed", "ttrpc: client shutting down")',
    samples: ['Error response from daemon: ttrpc: client shutting down: read unix @->@/containerd-shim/moby/de2b/shim.sock: read: connection reset by peer: unknown', 'failed to start sandbox container: ttrpc: client shutting down: read unix @->/run/containerd/s/9f1c: read: connection reset by peer: unknown'],
    counterSamples: ['ttrpc: serving on /run/containerd/s/abc', 'failed to create shim task: ttrpc: closed: unknown'],
  }),
  sig({
    id: 'runtime.dockerd-start-failed',
    cause: 'runtime.unavailable',
    // dockerd's own words when it gives up starting (cmd/dockerd: "failed to start daemon: …"), or when the containerd
    // it manages does not come up: no engine then for the node's pods (cri-dockerd) or for the tools that use it. A
    // more specific reading of the reason after it (the storage driver) outranks this one. Not its network controller
    // failing (iptables, a bridge overlapping another network): the network is then the question, not the engine.
    // Older releases say "Error starting daemon: …", and Docker 1.x "prerequisites for driver not satisfied".
    re: /(failed to start daemon|error starting daemon): (?!error initializing network controller)|failed to start containerd: timeout waiting for containerd to start|prerequisites for driver not satisfied \(wrong filesystem\?\)/,
    anchors: ['failed to start daemon: ', 'error starting daemon: ', 'timeout waiting for containerd to start', 'prerequisites for driver not satisfied'],
    confidence: 0.75,
    specificity: 70,
    alternatives: ['node.not-ready'],
    check: 'journalctl -u docker -b on that node: the reason after "failed to start daemon:" (a stale /var/run/docker.pid, a cgroup or storage driver the kernel lacks, a daemon.json error, iptables) is what to fix; systemctl status docker containerd',
    source: 'moby cmd/dockerd ("failed to start daemon: %v"), libcontainerd supervisor ("timeout waiting for containerd to start")',
    samples: ['failed to start daemon: pid file found, ensure docker is not running or delete /var/run/docker.pid', 'dockerd[812]: failed to start containerd: timeout waiting for containerd to start', 'Error starting daemon: error while opening volume store metadata database: timeout'],
    counterSamples: ['API listen on /var/run/docker.sock', 'failed to start daemon: Error initializing network controller: error creating default "bridge" network: networks have overlapping IPv4'],
  }),
  sig({
    id: 'runtime.docker-client-no-daemon',
    cause: 'runtime.unavailable',
    // The Docker client's text (CLI, SDKs, cAdvisor's docker factory): Docker's daemon is not answering. It is
    // the node's runtime only where the kubelet uses Docker (dockershim, cri-dockerd); on containerd or CRI-O
    // nodes it is a tool, a CI pod doing docker-in-docker, or a probe, and the kubelet's runtime may be fine.
    // Podman's remote client (Windows and macOS machines, podman --remote) words the same for its service.
    // Docker's forks keep the text with their own name (balenaEngine: "the balena daemon at unix:///var/run/balena.sock").
    // Trivy lists every source it tried ("docker error: unable to inspect the image (…): Cannot connect…") before the
    // remote fetch whose error is the answer: its probe of a Docker daemon the node does not run is expected to fail.
    re: /(?<!docker error: unable to inspect the image \([^)\n]{0,300}\): )(?:cannot connect to the docker daemon|cannot connect to the [\w-]+ daemon at (unix|tcp|npipe|ssh|fd):|cannot connect to podman\b|unable to connect to podman socket)/,
    anchors: ['cannot connect to the docker daemon', 'daemon at unix:', 'daemon at tcp:', 'daemon at npipe:', 'daemon at ssh:', 'daemon at fd:', 'cannot connect to podman', 'unable to connect to podman socket'],
    confidence: 0.75,
    specificity: 94,
    alternatives: ['node.not-ready'],
    check: 'kubectl get node -o wide: CONTAINER-RUNTIME docker:// means Docker is the node\'s runtime (systemctl status docker); containerd:// or cri-o:// means the line comes from a Docker client on a node that does not run dockerd, so crictl info is what says whether the runtime is up',
    source: 'Docker client ("Cannot connect to the Docker daemon at %s. Is the docker daemon running?"); Podman\'s remote bindings ("unable to connect to Podman socket: %w")',
    samples: ['Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?', 'ERROR: error during connect: Cannot connect to the Docker daemon at tcp://docker:2375. Is the docker daemon running?', 'Error: unable to connect to Podman socket: failed to connect: dial tcp 127.0.0.1:52814: connect: connection refused'],
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
    // containerd 2 logs the decode error first ("Failure unmarshaling TOML" with the file), and refuses a config version
    // newer than it knows (1.7 words it as "not supported, the max version is").
    re: /containerd: failed to (load|unmarshal) toml|failed to load toml from [^\n]*containerd|invalid (disabled )?plugin (key )?uri "[^"\n]*" expect io\.containerd|failure unmarshaling toml[^\n]{0,400}file=\S*containerd|containerd config version `\d+` is not supported|expected containerd config version equal to or less than|\bcontainerd: toml: /,
    anchors: ['failed to load toml', 'failed to unmarshal toml', 'plugin key uri', 'plugin uri', 'failure unmarshaling toml', 'containerd config version', 'containerd: toml: '],
    confidence: 0.9,
    specificity: 93,
    source: 'containerd command start-up (config loading: "failed to load TOML", plugin URI checks of config version 2)',
    samples: [
      'containerd[812]: time="2026-12-05T09:41:12.824699830Z" level=error msg="Failure unmarshaling TOML" column=3 error="toml: expected \'=\' after key" file=/etc/containerd/config.toml row=47',
      'containerd: expected containerd config version equal to or less than `4`, got `5`',
      'containerd: failed to load TOML from /etc/containerd/config.toml: invalid plugin key URI "cri" expect io.containerd.x.vx',
      'containerd: failed to load TOML: /etc/containerd/config.toml: (12, 3): unexpected token',
      // The decoder's own error, which containerd's command line prints as it exits (a value of the wrong type).
      'containerd[32689]: containerd: toml: cannot load TOML value of type string into a Go integer',
    ],
    counterSamples: ['level=info msg="loading plugin \\"io.containerd.grpc.v1.cri\\"..." type=io.containerd.grpc.v1'],
  }),
  sig({
    id: 'runtime.cri-plugin-not-loaded',
    cause: 'runtime.unavailable',
    // containerd starts without its CRI plugin when that plugin's own config is invalid (a runtime v1 option
    // on a v2 runtime, an unknown key): containerd runs, but the kubelet finds no CRI service on its socket.
    // containerd 2 splits the CRI plugin (io.containerd.cri.v1.images, .runtime) and logs the id after the error.
    re: /failed to load plugin \\?"?io\.containerd\.grpc\.v1\.cri\\?"?[^\n]{0,40}error=|failed to load plugin\\?"? error=[^\n]{0,400}id=io\.containerd\.(cri\.v1\.(images|runtime)|grpc\.v1\.cri)\b|load required plugin io\.containerd\.(grpc\.v1\.cri|cri\.v1\.\w+)|required plugin \[?io\.containerd\.(grpc\.v1\.cri|cri\.v1\.\w+)\]? not included|no plugins registered for io\.containerd\.cri\.v1\.runtime|invalid required plugin uri/,
    anchors: ['io.containerd.grpc.v1.cri', 'io.containerd.cri.v1.runtime', 'id=io.containerd.cri.v1.', 'required plugin'],
    confidence: 0.85,
    specificity: 93,
    alternatives: ['node.not-ready'],
    check: 'containerd config dump and journalctl -u containerd: the error after "failed to load plugin io.containerd.grpc.v1.cri" names the key — fix it in /etc/containerd/config.toml (containerd config default shows the right shape for this version) and restart containerd; crictl info must then answer',
    source: 'containerd plugin loading ("failed to load plugin" with the CRI plugin id)',
    samples: ['level=warning msg="failed to load plugin" error="unable to load CRI runtime service plugin dependency: no plugins registered for io.containerd.cri.v1.runtime: plugin: not found" id=io.containerd.grpc.v1.cri type=io.containerd.grpc.v1', 'level=warning msg="failed to load plugin io.containerd.grpc.v1.cri" error="invalid plugin config: `systemd_cgroup` only works for runtime io.containerd.runtime.v1.linux"', 'level=info msg="failed to load plugin \\"io.containerd.grpc.v1.cri\\"" error="failed to create CRI service: failed to find snapshotter \\"zfs\\""', 'time="2026-12-05T17:59:39.912004418Z" level=warning msg="failed to load plugin" error="failed to find snapshotter \\"overlayfs\\"" id=io.containerd.cri.v1.images type=io.containerd.cri.v1'],
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
    re: /exec: \\?"(nvidia-container-runtime(-hook)?|nvidia-container-cli|(docker-)?runc|crun|runsc|youki|kata-runtime|containerd-shim-[\w-]+|apparmor_parser)\\?": executable file not found|(fork\/exec|invalid conmon path:\s+stat) \S*\/conmon: no such file or directory/,
    anchors: ['executable file not found', '/conmon: no such file'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['node.not-ready'],
    check: 'which program the runtime was told to run: the runtimes in /etc/docker/daemon.json, /etc/containerd/config.toml (plugins."io.containerd.grpc.v1.cri".containerd.runtimes) or /etc/crio/crio.conf (conmon, runtime_path): install it on the node (nvidia-container-toolkit, runc, conmon, apparmor) or point the config at where it is, then restart the runtime',
    source: 'runtime exec of its OCI runtime, hooks and helpers (Go exec: "executable file not found in $PATH"; CRI-O conmon path validation)',
    samples: ['exec: "nvidia-container-runtime-hook": executable file not found in $PATH', 'level=fatal msg="config validation: invalid conmon path: stat /usr/local/libexec/crio/conmon: no such file or directory"', // a pasted log wraps the line after the colon
      'level=fatal msg="library config validation: runtime config: invalid conmon path: \nstat /usr/libexec/crio/conmon: no such file or directory"', 'failed to create containerd container: get apparmor_parser version: exec: "apparmor_parser": executable file not found in $PATH'],
    counterSamples: ['exec: "iptables": executable file not found in $PATH', 'exec: "modprobe": executable file not found in $PATH'],
  }),
  sig({
    id: 'runtime.agent-socket-unreachable',
    cause: 'runtime.unavailable',
    // Node agents (security, monitoring, image pre-pullers) talk to the runtime through its socket mounted from the
    // host: a socket path that is not this node's runtime (k3s's /run/k3s/containerd/containerd.sock, Talos,
    // Bottlerocket, a docker.sock on a containerd node) or a runtime that is down leaves them without one.
    re: /cannot find container runtime socket|failed to initialize - error=unknown container runtime|temporary failure in criutil|failed to list images for [\w-]*cri \([^)\n]*\.sock\): rpc error: code = unavailable/,
    anchors: ['container runtime socket', 'unknown container runtime', 'temporary failure in criutil', 'failed to list images for'],
    confidence: 0.75,
    specificity: 92,
    alternatives: ['node.not-ready'],
    check: 'crictl info on that node (or the runtime\'s own socket: ls -l /run/containerd/containerd.sock /run/k3s/containerd/containerd.sock /var/run/crio/crio.sock): the agent\'s hostPath volume and socket setting must name the socket this node\'s runtime serves; if the runtime itself is down, systemctl status containerd',
    source: 'node agents\' runtime clients (NeuVector "Cannot find container runtime socket", the Datadog agent\'s criutil, OpenKruise\'s daemon image client)',
    samples: [
      '2022-02-08T07:16:06|MON|Cannot find container runtime socket',
      'Error running check cri: temporary failure in criutil, will retry later: failed to dial: context deadline exceeded',
      'Failed to list images for common-cri (, unix:///hostvarrun/docker.sock): rpc error: code = Unavailable desc = connection closed',
    ],
    counterSamples: ['Using container runtime socket /run/containerd/containerd.sock'],
  }),
  sig({
    id: 'runtime.image-fs-stats-missing',
    cause: 'runtime.unavailable',
    // The kubelet's image GC reads the runtime's ImageFsInfo; an answer without usage for the image filesystem (a
    // CRI shim such as cri-dockerd older than the kubelet's expectations) leaves GC without numbers: it is the
    // runtime's CRI answer that fails, not the disk that is full: it outranks the ImageGCFailed reason it comes with.
    re: /missing image stats: /,
    anchors: ['missing image stats'],
    confidence: 0.6,
    specificity: 95,
    alternatives: ['image.disk-full'],
    check: 'crictl imagefsinfo on the node: an answer without usedBytes for the image filesystem means the runtime (or cri-dockerd) is older than the kubelet expects; upgrade it to a release made for this kubelet',
    source: 'kubelet image GC (pkg/kubelet/images: "missing image stats: %+v")',
    samples: ['ImageGCFailed  missing image stats: &ImageFsInfoResponse{ImageFilesystems:[]*FilesystemUsage{},ContainerFilesystems:[]*FilesystemUsage{},}', 'E1018 10:00:00.000000 812 kubelet.go:1480] "Image garbage collection failed multiple times in a row" err="missing image stats: &ImageFsInfoResponse{ImageFilesystems:[]*FilesystemUsage{},}"'],
    counterSamples: ['ImageGCFailed  failed to garbage collect required amount of images. Attempted to free 4289175552 bytes, but only found 0 bytes eligible to free.'],
  }),
  sig({
    id: 'runtime.binary-unusable',
    cause: 'runtime.unavailable',
    // The OCI runtime or shim binary itself cannot be executed (built for another architecture, not executable, a
    // mount with noexec): no container starts on the node, whatever its image. Not the image's entrypoint.
    re: /fork\/exec \S*\/(runc|crun|youki|runsc|kata-runtime|containerd-shim[\w.-]*)(\.\w+)?: (exec format error|permission denied)/,
    anchors: ['fork/exec'],
    confidence: 0.8,
    specificity: 96,
    check: 'file $(which runc) and ls -l on the node: the binary must be executable and of the node\'s architecture (uname -m); reinstall the runtime package, and check that its directory is not mounted noexec',
    source: 'containerd runtime v2 shim and runc invocation (fork/exec of the runtime binary)',
    samples: ['OCI runtime create failed: unable to retrieve OCI runtime error (open /run/containerd/io.containerd.runtime.v2.task/k8s.io/7c6b/log.json: no such file or directory): fork/exec /usr/local/sbin/runc: permission denied: unknown', 'failed to create shim task: OCI runtime create failed: unable to retrieve OCI runtime error (open /run/containerd/io.containerd.runtime.v2.task/k8s.io/3e2d/log.json: no such file or directory): fork/exec /usr/local/sbin/runc: exec format error: unknown'],
    counterSamples: ['exec /usr/local/bin/docker-entrypoint.sh: exec format error'],
  }),
  sig({
    id: 'runtime.service-restarting',
    cause: 'runtime.unavailable',
    // systemctl status of the runtime's unit: not active (restarting after a crash, failed, stopped), so its socket
    // answers nobody.
    re: /(containerd|crio|docker|cri-docker)\.service\b[\s\S]{0,400}?active: (activating \(auto-restart\)|failed|inactive \(dead\))|failed to start (containerd|crio|docker|cri-docker)\.service\b|(cri-docker|docker|containerd|crio)\.(service|socket): failed with result 'service-start-limit-hit'|failed to start daemon, ensure docker is not running or delete \S*docker\.pid/,
    anchors: ['.service', '.socket: failed with result', 'docker.pid'],
    confidence: 0.85,
    specificity: 88,
    alternatives: ['node.not-ready'],
    check: 'journalctl -u containerd (or crio, docker) -n 50 on the node: the last lines before it exits say why (its config, its disk, a plugin it cannot load)',
    source: 'systemd systemctl status output (Active: activating (auto-restart) / failed)',
    samples: ['Dec 05 09:14:02 node-1 systemd[1]: Failed to start cri-docker.service - CRI Interface for Docker Application Container Engine.', 'failed to start daemon, ensure docker is not running or delete /var/run/docker.pid: process with PID 1123 is still running', '● containerd.service - containerd container runtime\n     Loaded: loaded (/lib/systemd/system/containerd.service; enabled; vendor preset: enabled)\n     Active: activating (auto-restart) (Result: exit-code) since Sat 2026-12-05 10:14:02 UTC; 3s ago', '● crio.service - Container Runtime Interface for OCI (CRI-O)\n   Active: failed (Result: exit-code) since Mon 2026-12-07 08:00:00 UTC; 1min ago'],
    counterSamples: ['● containerd.service - containerd container runtime\n     Active: active (running) since Sat 2026-12-05 10:14:02 UTC; 3 days ago'],
  }),
  sig({
    id: 'runtime.binary-library-mismatch',
    cause: 'runtime.unavailable',
    // runc (or crun) linked against a newer libseccomp, libc or other library than the host has: the dynamic loader
    // stops it before it does anything, so no container starts on the node whatever its image.
    re: /\b(runc|crun|containerd-shim[\w.-]*|conmon): (symbol lookup error|error while loading shared libraries)|\b(runc|crun): undefined symbol: \w+/,
    anchors: ['symbol lookup error', 'error while loading shared libraries', 'undefined symbol'],
    confidence: 0.85,
    specificity: 95,
    check: 'ldd $(which runc) on the node: a library not found or older than the binary needs; install the runtime package built for this distribution (or its static build) rather than a binary from another one, and update libseccomp if the package requires it',
    source: 'the dynamic loader (ld.so: "symbol lookup error", "error while loading shared libraries") running the OCI runtime',
    samples: ['runc: symbol lookup error: runc: undefined symbol: seccomp_notify_respond', 'runc: error while loading shared libraries: libseccomp.so.2: cannot open shared object file: No such file or directory'],
    counterSamples: ['python3: symbol lookup error: /usr/lib/libfoo.so: undefined symbol: bar'],
  }),
  sig({
    id: 'runtime.nerdctl-without-containerd',
    cause: 'runtime.unavailable',
    // nerdctl talks to containerd only: on a host whose runtime is Docker or another, there is no containerd for it.
    re: /nerdctl only supports containerd runtime/,
    anchors: ['nerdctl only supports containerd'],
    confidence: 0.7,
    specificity: 90,
    check: 'which runtime the host runs (colima: --runtime containerd; a Docker host: use docker, or point nerdctl at containerd\'s socket with --address)',
    source: 'nerdctl ("nerdctl only supports containerd runtime")',
    samples: ['FATA[0000] nerdctl only supports containerd runtime', 'nerdctl only supports containerd runtime'],
    counterSamples: ['nerdctl version 2.0.0'],
  }),
  sig({
    id: 'runtime.handler-not-configured',
    cause: 'runtime.unavailable',
    // A RuntimeClass names a handler (kata, gvisor, nvidia) the node's runtime config does not define, or a
    // shim the runtime cannot speak to: the sandbox cannot be created on that node. Docker's daemon words the same
    // gap (--runtime=nvidia with no runtimes entry in daemon.json) as an unknown runtime name (older releases: "Unknown
    // runtime specified"). A shim binary the runtime cannot find on its PATH, or one that answers the shim API of another
    // version (a ttrpc service "is not supported"), leaves the handler unusable the same way. So does a runtime binary
    // the daemon's config names but the node lacks (fork/exec /usr/bin/nvidia-container-runtime). Nomad's docker driver
    // words Docker's gap as a requested runtime not found; containerd's CRI plugin whose default_runtime_name has no
    // runtimes entry does not load at all ("no corresponding runtime configured in containerd.runtimes").
    re: /unknown or invalid runtime name: \S+|unknown runtime specified \S+|requested docker runtime\s+\\?"[^"\\\n]+\\?"\s+was not found|no corresponding runtime configured in `?containerd\.runtimes|binary not installed \\?"containerd-shim-[\w.-]+\\?"|start failed: containerd-shim-[\w.-]+: [^\n]{0,200}\/[\w.]+\/\w+ is not supported|no runtime for \\*"[^"\n\\]+\\*" is configured|failed to find runtime handler \S+( from runtime list|$|\s)|runtime handler \\?"[^"\\\n]+\\?" is being ignored due to: |runtimehandler \\*"[^"\n\\]+\\*" not supported|unsupported shim version \(\d+\)|fork\/exec \S*\/(runc|crun|youki|runsc|kata-runtime|sysbox-runc|nvidia-container-runtime|containerd-shim[\w.-]*)(\.\w+)?: no such file or directory|failed to start shim: exec: \\?"containerd-shim[\w.-]*\\?": executable file not found/,
    anchors: ['is configured', 'requested docker runtime', 'no corresponding runtime configured', 'failed to find runtime handler', 'is being ignored due to', 'not supported', 'unsupported shim version', 'invalid runtime name', 'unknown runtime specified', 'binary not installed', 'fork/exec', 'executable file not found'],
    confidence: 0.85,
    specificity: 93,
    check: 'kubectl get runtimeclass <name> -o jsonpath={.handler}: that handler must be a runtime in the node\'s config (containerd: [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.<handler>]; CRI-O: [crio.runtime.runtimes.<handler>]) with its shim installed and of a version this containerd speaks; restart the runtime after adding it; Docker: a "runtimes" entry in /etc/docker/daemon.json (nvidia-ctk runtime configure --runtime=docker writes it) and a daemon restart',
    source: 'containerd CRI and CRI-O runtime handler lookup; containerd shim protocol versions; dockerd\'s runtime lookup (unknown or invalid runtime name)',
    samples: ['Driver Failure: Failed to create container configuration for image "nvidia/cuda:12.4.1-base-ubuntu22.04": requested docker runtime "nvidia" was not found', 'level=warning msg="failed to load plugin io.containerd.grpc.v1.cri" error="invalid plugin config: no corresponding runtime configured in `containerd.runtimes` for `containerd` `default_runtime_name = \\"nvidia\\"`"', 'failed to get sandbox runtime: no runtime for "kata-qemu" is configured', 'Failed create pod sandbox: rpc error: code = Unknown desc = RuntimeHandler "kata-runtime" not supported', 'failed to start shim: start failed: unsupported shim version (3): not implemented', 'docker: Error response from daemon: unknown or invalid runtime name: nvidia.', 'docker: Error response from daemon: Unknown runtime specified io.containerd.example.v1.', 'failed to start shim: failed to resolve runtime path: runtime "io.containerd.example.v1" binary not installed "containerd-shim-example-v1": file does not exist: unknown', 'Error response from daemon: OCI runtime create failed: fork/exec /usr/local/bin/crun: no such file or directory: unknown', 'failed to start sandbox container: failed to create containerd task: failed to start shim: exec: "containerd-shim": executable file not found in $PATH: unknown', 'ctr: failed to start shim: start failed: : fork/exec /usr/bin/containerd-shim-kata-v2: no such file or directory: unknown'],
    counterSamples: ['RuntimeHandler "runc" is ready'],
    subject: {
      title: 'The runtime handler a pod asks for is not configured on its node',
      explanation: 'The runtime answers, but not with the handler the pod needs: its RuntimeClass (or docker --runtime) names a handler the node\'s runtime config does not define, or whose shim binary is missing or speaks another shim API version. Pods that use that handler cannot start on that node; other pods are not affected.',
      fix: [
        'Find the handler the pod needs: kubectl get runtimeclass <name> -o jsonpath={.handler} (Docker: the --runtime name).',
        'Define it in the node\'s runtime config (containerd: [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.<handler>] with its runtime_type; CRI-O: [crio.runtime.runtimes.<handler>]; Docker: a "runtimes" entry in /etc/docker/daemon.json) and restart the runtime.',
        'Install the handler\'s shim on that node\'s PATH (containerd-shim-<name>-v<n>), of a release that matches the runtime\'s; or keep such pods off nodes without it (the RuntimeClass\'s scheduling.nodeSelector).',
      ],
      verify: ['crictl info | grep -A3 <handler>'],
    },
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
  sig({
    id: 'runtime.docker-sdk-no-daemon',
    cause: 'runtime.unavailable',
    // Docker's Python SDK (Airflow's DockerOperator, Prefect, MLflow, Molecule) asks the daemon for its API version
    // first: refused, or no socket file (no named pipe on Windows), is no Docker daemon answering where it looked.
    re: /error while fetching server api version: [^\n]{0,200}(connectionrefusederror|filenotfounderror|connection refused|no such file or directory|waitnamedpipe|cannot find the file specified)/,
    anchors: ['error while fetching server api version'],
    confidence: 0.75,
    specificity: 94,
    alternatives: ['node.not-ready'],
    check: 'where the Python process runs (a pod, a worker container, the host): is a Docker daemon there and is its socket mounted (ls -l /var/run/docker.sock; DOCKER_HOST)? A pod on a containerd node has no Docker daemon unless one is run beside it (docker-in-docker) or the host socket is mounted',
    source: 'docker-py (docker.errors.DockerException: "Error while fetching server API version: %s")',
    samples: [
      "docker.errors.DockerException: Error while fetching server API version: ('Connection aborted.', ConnectionRefusedError(111, 'Connection refused'))",
      "ERROR - Error while fetching server API version: ('Connection aborted.', FileNotFoundError(2, 'No such file or directory'))",
      "DockerException: Error while fetching server API version: (2, 'WaitNamedPipe', 'The system cannot find the file specified.')",
    ],
    counterSamples: ["docker.errors.DockerException: Error while fetching server API version: HTTPConnectionPool(host='docker', port=2375): Read timed out."],
  }),
  sig({
    id: 'runtime.docker-environment-not-found',
    cause: 'runtime.unavailable',
    // Testcontainers (Java, Node, Go, .NET) tries each way to reach a Docker engine and reports when none answers;
    // Spring Boot's buildpacks client names the socket it could not open. No engine answers where the tool looked.
    // A socket that refuses this user (permission denied) has an engine behind it: that is the user's access, not the
    // engine; Spring Boot's errno names the socket missing (2) or refusing (111, 61 on macOS).
    re: /^(?![\s\S]*permission denied)[\s\S]*?(could not find a valid docker environment|container runtime strategy \\?"[^"\\\n]+\\?" does not work|no docker client strategy found|connection to the docker daemon at '[^'\n]+' failed with error \\?"\[(2|111|61)\])/,
    anchors: ['valid docker environment', 'container runtime strategy', 'docker client strategy', 'connection to the docker daemon at'],
    confidence: 0.75,
    specificity: 93,
    alternatives: ['node.not-ready'],
    check: 'where the tests or the build run: docker info as that user (DOCKER_HOST, the socket /var/run/docker.sock or the named pipe //./pipe/docker_engine, TESTCONTAINERS_HOST_OVERRIDE and ~/.testcontainers.properties); in a CI pod, a Docker engine beside it (docker-in-docker) or a mounted socket',
    source: 'Testcontainers DockerClientProviderStrategy ("Could not find a valid Docker environment"), testcontainers-node ("Container runtime strategy \\"%s\\" does not work"), Spring Boot buildpack Docker API ("Connection to the Docker daemon at \'%s\' failed with error")',
    samples: [
      'ERROR [org.tes.doc.DockerClientProviderStrategy] (build-11) Could not find a valid Docker environment. Please check configuration. Attempted configurations were:',
      'testcontainers [DEBUG] Container runtime strategy "TestcontainersHostStrategy" does not work: "Error: connect ECONNREFUSED 127.0.0.1:64155" +15ms',
      'Connection to the Docker daemon at \'/var/run/docker.sock\' failed with error "[2] No such file or directory"; ensure the Docker daemon is running and accessible',
    ],
    counterSamples: ['Found Docker environment with local Unix socket (unix:///var/run/docker.sock)', 'Could not find a valid Docker environment. UnixSocketClientProviderStrategy: failed with exception InvalidConfigurationException (ping failed). Root cause ConnectException (connect(..) failed: Permission denied)', 'Connection to the Docker daemon at \'/var/run/docker.sock\' failed with error "/var/run/docker.sock: Name or service not known"'],
  }),
  sig({
    id: 'runtime.minikube-provider-not-running',
    cause: 'runtime.unavailable',
    // minikube's reason codes for its driver's engine: installed but not answering (NOT_RUNNING, and the generic
    // PROVIDER_DOCKER_ERROR it prints when `docker version` fails), or the engine's client missing (NOT_FOUND).
    re: /\bprovider_(docker|podman)_(not_running|not_found|error)\b/,
    anchors: ['provider_docker_', 'provider_podman_'],
    confidence: 0.8,
    specificity: 94,
    alternatives: ['node.not-ready'],
    check: 'docker version (or podman version) as the user that runs minikube: start the engine (Docker Desktop, systemctl start docker), add the user to the docker group, or choose another --driver',
    source: 'minikube reason codes (PROVIDER_DOCKER_NOT_RUNNING, PROVIDER_DOCKER_NOT_FOUND, PROVIDER_DOCKER_ERROR and their Podman twins)',
    samples: ['X Exiting due to PROVIDER_DOCKER_NOT_RUNNING: deadline exceeded running "docker version --format -": signal: killed', 'X Exiting due to PROVIDER_PODMAN_NOT_RUNNING: "sudo -k -n podman version --format " exit status 1'],
    counterSamples: ['* Using the docker driver based on user configuration'],
  }),
  sig({
    id: 'runtime.crio-pull-cgroup-needs-systemd',
    cause: 'runtime.unavailable',
    // CRI-O's separate_pull_cgroup puts each pull in a systemd scope: with the cgroupfs manager it refuses every pull
    // of the node before a registry is asked, whatever the image.
    re: /--separate-pull-cgroup is supported only with systemd/,
    anchors: ['separate-pull-cgroup'],
    confidence: 0.9,
    specificity: 95,
    check: 'crio config | grep -E "separate_pull_cgroup|cgroup_manager" on the node: clear separate_pull_cgroup, or use cgroup_manager = "systemd" (and the kubelet\'s cgroupDriver to match), then restart crio',
    source: 'CRI-O server/image_pull.go (separate pull cgroup with the cgroupfs manager)',
    samples: [
      'Failed to pull image "docker.io/library/nginx:1.27": --separate-pull-cgroup is supported only with systemd',
      'E1206 10:01:02.000000    1402 log.go:32] "PullImage from image service failed" err="rpc error: code = Unknown desc = --separate-pull-cgroup is supported only with systemd" image="nginx:1.27"',
    ],
    counterSamples: ['separate_pull_cgroup = ""'],
  }),
  sig({
    id: 'runtime.image-call-cut-off',
    cause: 'runtime.unavailable',
    // gRPC's Unavailable on an image call: the runtime stopped serving while it pulled or looked the image up. Less
    // sure than a refused socket: a request can crash the runtime itself (an image reference it cannot parse, a bug
    // in its pull path), and then the runtime is a victim of what the pod asked.
    re: /(image service failed\W{0,4}(err\W{0,3})?|failed to get image status, image: [^\n]{0,300}?error: |pulling image: )rpc error: code = unavailable/,
    anchors: ['code = unavailable'],
    confidence: 0.7,
    specificity: 94,
    alternatives: ['image.invalid-reference'],
    check: 'journalctl -u containerd (or crio) around that time on the node: a panic or restart there, and the image reference the call carried (the kubelet\'s image="…"; an empty or malformed one has crashed some runtime versions)',
    source: 'kubelet / cri-client remote_image.go ("PullImage from image service failed"), kubeadm util/runtime ("Failed to get image status"), crictl; gRPC code Unavailable',
    samples: [
      'W1206 00:57:40.771052   18231 runtime.go:253] Failed to get image status, image: "registry.k8s.io/kube-apiserver:v1.36.3", error: rpc error: code = Unavailable desc = error reading from server: EOF',
      'E0505 10:00:00.000000    2832 remote_image.go:242] "PullImage from image service failed" err="rpc error: code = Unavailable desc = error reading from server: EOF" image="nginx:1.27"',
    ],
    counterSamples: ['"PullImage from image service failed" err="rpc error: code = Unknown desc = failed to pull and unpack image"'],
  }),
  sig({
    id: 'runtime.containerd-cannot-serve',
    cause: 'runtime.unavailable',
    // containerd cannot come up or cannot use its storage: its socket is held by another containerd (a second one
    // started by Docker or a snap on the same path), or the snapshotter an image or RuntimeClass needs was not loaded
    // (its plugin skipped on this kernel or filesystem). No pod that needs it starts on the node.
    re: /failed to (get listener for main endpoint|create unix socket on \S*containerd\S*\.sock)[^\n]{0,200}address already in use|snapshotter not loaded: \w+/,
    anchors: ['address already in use', 'snapshotter not loaded'],
    confidence: 0.8,
    specificity: 94,
    alternatives: ['node.not-ready'],
    check: 'on the node: ss -xlp | grep containerd.sock (which process holds the socket: stop the second containerd, or give it its own path); ctr plugins ls | grep snapshotter (a snapshotter in state skip or error names why, e.g. zfs or devmapper not set up)',
    source: 'containerd plugins/server/grpc ("failed to get listener for main endpoint"), pkg/sys socket_unix.go, services/snapshots ("snapshotter not loaded: %s")',
    samples: [
      'containerd: failed to get listener for main endpoint: failed to create unix socket on /run/containerd/containerd.sock: listen unix /run/containerd/containerd.sock: bind: address already in use',
      'Error: failed to create containerd container: failed to prepare extraction snapshot "extract-110276541-gT2c sha256:6b9f": snapshotter not loaded: zfs: invalid argument',
    ],
    counterSamples: ['listen tcp 0.0.0.0:10250: bind: address already in use'],
  }),
  sig({
    id: 'runtime.overlay-mount-refused',
    cause: 'runtime.unavailable',
    // containerd mounts image layers with overlayfs to unpack them and to prepare each container: a kernel without the
    // overlay module (ENODEV) or a backing filesystem overlay cannot stack on (EINVAL: overlay on overlay, some
    // network filesystems) fails every pull or start on the node. Not a full disk (ENOSPC is image.disk-full).
    re: /failed to mount \S*(tmpmounts|snapshots)\S*: mount source: \\?"overlay\\?"[^\n]{0,2000}?err: (no such device|invalid argument)/,
    anchors: ['mount source: '],
    confidence: 0.8,
    specificity: 95,
    check: 'on the node: lsmod | grep overlay (the overlay kernel module must be loaded) and stat -fc %T /var/lib/containerd (overlayfs needs ext4 or xfs with d_type, not overlay or a network filesystem); containerd config snapshotter = "native" or "fuse-overlayfs" where overlay cannot work',
    source: 'containerd core/mount mount_linux.go ("failed to mount %s: mount source: %q, target: %q, fstype: %s, flags: %d, data: %q, err: %w")',
    samples: [
      'Error: failed to create containerd container: failed to mount /var/lib/containerd/tmpmounts/containerd-mount3310941: mount source: "overlay", target: "/var/lib/containerd/tmpmounts/containerd-mount3310941", fstype: overlay, flags: 0, data: "index=off,lowerdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/38/fs", err: no such device',
      'failed to extract layer to overlayfs as "extract-470133205-p0Qa sha256:a090": failed to mount /var/lib/containerd/tmpmounts/containerd-mount99: mount source: "overlay", target: "/var/lib/containerd/tmpmounts/containerd-mount99", fstype: overlay, flags: 0, data: "workdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/7/work", err: invalid argument',
    ],
    counterSamples: ['failed to mount /var/lib/containerd/tmpmounts/containerd-mount1: mount source: "overlay", target: "/var/lib/containerd/tmpmounts/containerd-mount1", fstype: overlay, flags: 0, data: "index=off", err: no space left on device'],
  }),
];
