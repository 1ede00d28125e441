import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * Clients that reach a runtime's daemon by an address of their own — the Docker Engine API over TCP (docker-machine,
 * Toolbox, DOCKER_HOST), a Windows named pipe, a desktop app's VM — and the wrappers that say in their words that
 * the runtime is not there. The runtime is unreachable from where the client runs; no pull or registry is involved.
 */
export const RUNTIME_CLIENT_SIGNATURES: Signature[] = [
  sig({
    id: 'runtime.docker-engine-api-dial-failed',
    cause: 'runtime.unavailable',
    // The Engine API's own routes (/v1.NN/images/create is the daemon's pull endpoint, not a registry's) with the
    // dial to the daemon failing: the client never reached dockerd, so nothing was pulled or run.
    re: /(?:https?|tcp):\/\/[^\s/"]+\/v1\.\d+\/(?:images|containers|info|version|_ping|build|networks|volumes|exec|events|system|auth)\b[^\n]{0,300}?dial tcp [^\s]+: (?:connectex|connect: |i\/o timeout|getsockopt)/,
    anchors: ['dial tcp'],
    confidence: 0.85,
    specificity: 97,
    alternatives: ['node.not-ready'],
    check: 'is the daemon the client points at up? echo $DOCKER_HOST (or docker context ls), then docker-machine status / ls for a machine, systemctl status docker on a host; a machine that changed its IP needs docker-machine env again',
    source: 'Docker client ("error during connect" / "An error occurred trying to connect") on the Engine API, /v1.NN routes',
    samples: [
      'An error occurred trying to connect: Post https://192.168.99.100:2376/v1.21/images/create?fromImage=app%3Alatest: dial tcp 192.168.99.100:2376: ConnectEx tcp: A connection attempt failed because the connected party did not properly respond after a period of time.',
      'error during connect: Get http://192.168.99.100:2376/v1.37/info: dial tcp 192.168.99.100:2376: connectex: No connection could be made because the target machine actively refused it.',
      'Post http://localhost:2375/v1.24/containers/create: dial tcp 127.0.0.1:2375: connect: connection refused',
    ],
    counterSamples: ['Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp 54.1.2.3:443: i/o timeout'],
  }),
  sig({
    id: 'runtime.containerd-pipe-missing',
    cause: 'runtime.unavailable',
    // On Windows nodes containerd listens on a named pipe; "cannot find the file" on it means no containerd there.
    re: /open \/\/\.\/pipe\/containerd[\w-]*: the system cannot find the file specified/,
    anchors: ['/pipe/containerd'],
    confidence: 0.85,
    specificity: 95,
    alternatives: ['node.not-ready'],
    check: 'on the Windows node: Get-Service containerd (Start-Service containerd), and the kubelet\'s --container-runtime-endpoint=npipe:////./pipe/containerd-containerd',
    source: 'containerd on Windows (npipe:////./pipe/containerd-containerd); the OS error is ERROR_FILE_NOT_FOUND',
    samples: ['Liveness probe errored: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing open //./pipe/containerd-containerd: The system cannot find the file specified."', 'crictl.exe : time="2023-01-02T10:00:00Z" level=fatal msg="validate service connection: CRI v1 runtime API is not implemented for endpoint \\"npipe:////./pipe/containerd-containerd\\": rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing open //./pipe/containerd-containerd: The system cannot find the file specified.\\""'],
    counterSamples: ['npipe:////./pipe/containerd-containerd'],
  }),
  sig({
    id: 'runtime.docker-bad-engine-response',
    cause: 'runtime.unavailable',
    // The Docker CLI's text when the daemon's socket answers with something that is not the Engine API.
    re: /bad response from docker engine/,
    anchors: ['bad response from docker engine'],
    confidence: 0.75,
    specificity: 90,
    alternatives: ['node.not-ready'],
    check: 'docker version (the Server part) and systemctl status docker / the Docker Desktop app: the daemon is starting, stopping or wedged; restart it',
    source: 'Docker CLI ("Bad response from Docker engine")',
    samples: ['Warning: failed to get default registry endpoint from daemon (Error response from daemon: Bad response from Docker engine). Using system default: https://index.docker.io/v1/', 'Error response from daemon: Bad response from Docker engine'],
    counterSamples: ['Server: Docker Engine - Community'],
  }),
  sig({
    id: 'runtime.desktop-vm-not-running',
    cause: 'runtime.unavailable',
    // Docker Desktop's and Podman Desktop's own diagnostics: the VM that holds the engine is not running, so every
    // client call fails whatever it says next (a refused socket, a missing provider).
    re: /com\.docker\.(?:driver\.amd64-linux|vpnkit|backend|hyperkit|virtualization)[\w.-]* is not running|no running provider for the matching container/,
    anchors: ['is not running', 'no running provider'],
    confidence: 0.8,
    specificity: 95,
    alternatives: ['node.not-ready'],
    check: 'start the desktop app\'s VM (Docker Desktop: restart it, or its Troubleshoot > Reset; Podman Desktop: podman machine start) and see that docker info / podman info answers',
    source: 'Docker Desktop diagnostics ("com.docker.<component> is not running"); Podman Desktop ("no running provider for the matching container")',
    samples: ['[ERROR]  driver.amd64-linux\n         com.docker.driver.amd64-linux is not running', 'Error while pulling image from Podman Machine: no running provider for the matching container'],
    counterSamples: ['com.docker.backend is running'],
  }),
  sig({
    id: 'runtime.k3s-docker-flag-removed',
    cause: 'runtime.unavailable',
    // k3s dropped its built-in dockershim: an agent still started with --docker gets no runtime at all.
    re: /--docker is no longer supported/,
    anchors: ['--docker is no longer supported'],
    confidence: 0.85,
    specificity: 95,
    check: 'the k3s agent\'s flags (/etc/systemd/system/k3s*.service, /etc/rancher/k3s/config.yaml): drop --docker and use the embedded containerd, or install cri-dockerd and set --container-runtime-endpoint to its socket',
    source: 'k3s agent (1.24+): "--docker is no longer supported; to continue using docker, install cri-dockerd and set --container-runtime-endpoint"',
    samples: ['Waiting to retrieve agent configuration; server is not ready: --docker is no longer supported; to continue using docker, install cri-dockerd and set --container-runtime-endpoint', 'level=fatal msg="--docker is no longer supported; to continue using docker, install cri-dockerd and set --container-runtime-endpoint"'],
    counterSamples: ['--container-runtime-endpoint unix:///run/cri-dockerd.sock'],
  }),
  sig({
    id: 'runtime.docker-1x-containerd-state',
    cause: 'runtime.unavailable',
    // Docker 1.11 to 1.13 ran its own docker-containerd; these are its replies when that daemon restarted, lost
    // its state or is too slow to start a container — dockerd's runtime half is not working.
    re: /containerd: container did not start before the specified timeout|rpc error: code = 2 desc = "?containerd: container not found/,
    anchors: ['containerd: container did not start', 'containerd: container not found'],
    confidence: 0.7,
    specificity: 90,
    alternatives: ['node.not-ready'],
    check: 'systemctl status docker and ps for docker-containerd: restart the Docker service (containers that lost their shim need restarting), and upgrade from the Docker 1.1x line',
    source: 'Docker 1.11–1.13 libcontainerd over docker-containerd (gRPC code 2 with containerd\'s own text)',
    samples: ['rpc error: code = 2 desc = "containerd: container did not start before the specified timeout"', 'rpc error: code = 2 desc = containerd: container not found'],
    counterSamples: ['failed to create containerd container: container "x" in namespace "k8s.io": not found'],
  }),
  sig({
    id: 'runtime.dockerd-iptables-init-failed',
    cause: 'runtime.unavailable',
    // dockerd builds its NAT and isolation chains before it serves anything: an iptables that cannot (the nat table
    // missing from the kernel, an nf_tables iptables inside docker-in-docker on a host without those modules, a
    // legacy/nft mix) stops the daemon from starting at all.
    // Above iptables' own "can't initialize iptables table" (an ambiguous kernel text): here it stopped dockerd.
    re: /(failed to start daemon|error starting daemon): error initializing network controller:[\s\S]{0,400}?(iptables failed|iptables not found|failed to create (nat|filter) chain)/,
    anchors: ['error initializing network controller'],
    confidence: 0.8,
    specificity: 98,
    alternatives: ['node.firewall'],
    check: 'iptables -t nat -L on the host (or in the dind container): the nat table must exist — load iptable_nat / nf_tables modules on the host, use the iptables backend the host uses (update-alternatives --set iptables iptables-legacy or iptables-nft), or run docker-in-docker privileged',
    source: 'moby libnetwork bridge driver setup ("failed to create NAT chain DOCKER: iptables failed: …") under cmd/dockerd ("failed to start daemon: %v")',
    samples: [
      'failed to start daemon: Error initializing network controller: error obtaining controller instance: failed to register "bridge" driver: failed to create NAT chain DOCKER: iptables failed: iptables --wait -t nat -N DOCKER: iptables v1.8.10 (nf_tables): TABLE_ADD failed (Not supported): table nat\n(exit status 4)',
      'failed to start daemon: Error initializing network controller: error obtaining controller instance: unable to add return rule in DOCKER-ISOLATION-STAGE-1 chain:  (iptables failed: iptables --wait -A DOCKER-ISOLATION-STAGE-1 -j RETURN: iptables v1.8.10 (nf_tables):  RULE_APPEND failed (No such file or directory): rule in chain DOCKER-ISOLATION-STAGE-1\n (exit status 4))',
    ],
    counterSamples: ['failed to start daemon: Error initializing network controller: error creating default "bridge" network: networks have overlapping IPv4'],
  }),
  sig({
    id: 'runtime.dockerd-containerd-missing',
    cause: 'runtime.unavailable',
    // dockerd starts its own containerd when no system one answers: without the binary (a package upgrade that
    // removed it, a split install) the daemon cannot run containers; dialing a socket nobody serves times out.
    re: /failed (to start|restarting) containerd[^\n]{0,80}exec: \\?"containerd\\?": executable file not found|dial \/run\/containerd\/containerd\.sock: timeout/,
    anchors: ['failed to start containerd', 'failed restarting containerd', 'containerd.sock: timeout'],
    confidence: 0.8,
    specificity: 95,
    alternatives: ['node.not-ready'],
    check: 'which containerd and systemctl status containerd on that host: reinstall containerd.io (or the distribution\'s containerd) so dockerd finds it, or point --containerd at a running one',
    source: 'moby libcontainerd supervisor ("failed to start containerd", "failed restarting containerd"); containerd dialer timeout',
    samples: ['dockerd[812]: failed to start containerd: exec: "containerd": executable file not found in $PATH', 'docker: Error response from daemon: connection error: desc = "transport: Error while dialing: dial /run/containerd/containerd.sock: timeout"'],
    counterSamples: ['level=info msg="containerd successfully booted in 0.052s"'],
  }),
  sig({
    id: 'ambiguous.docker-engine-api-tls',
    cause: 'unknown',
    // The Docker client's TLS to the daemon's API (DOCKER_HOST=tcp://…:2376, DOCKER_CERT_PATH): the daemon's
    // certificate, not a registry's. The runtime is out of the client's reach until its CA or name matches.
    re: /(?:https?|tcp):\/\/[^\s/"]+\/v1\.\d+\/(?:images|containers|info|version|_ping|build|networks|volumes|exec|events|system|auth)\b[^\n]{0,300}?(?:x509: |tls: |server gave http response to https client)/,
    anchors: ['/v1.'],
    confidence: 0.4,
    specificity: 98,
    alternatives: ['runtime.unavailable'],
    check: 'the client\'s DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem) against the daemon\'s --tlscacert and its certificate\'s names (docker-machine regenerate-certs after an IP change)',
    source: 'Docker client over TLS to the Engine API (/v1.NN routes)',
    samples: ['error during connect: Get "https://docker-host.example.com:2376/v1.51/containers/json": tls: failed to verify certificate: x509: certificate signed by unknown authority', 'error during connect: Get https://192.168.99.100:2376/v1.24/version: x509: certificate is valid for 192.168.99.101, not 192.168.99.100'],
    counterSamples: ['Error response from daemon: Get "https://registry.example.com/v2/": x509: certificate signed by unknown authority'],
  }),
  sig({
    id: 'runtime.kind-provider-info-failed',
    cause: 'runtime.unavailable',
    // kind asks its node provider (docker, podman, nerdctl) for `info` before anything else: the CLI missing, its
    // daemon or containerd socket not running, or a rootless daemon not started. A denied socket reads the same.
    re: /failed to get (docker|podman|nerdctl) info: command \\?"(docker|podman|nerdctl) info/,
    anchors: ['failed to get docker info', 'failed to get podman info', 'failed to get nerdctl info'],
    confidence: 0.75,
    specificity: 90,
    check: 'run the same `<provider> info` on that machine: "executable file not found" means the CLI is not installed (or KIND_EXPERIMENTAL_PROVIDER names another); "Cannot connect"/"cannot access containerd socket" means its daemon is not running; "permission denied" on the socket means the user is not in its group (or run rootless)',
    source: 'kind pkg/cluster/internal/providers/{docker,podman,nerdctl}/provider.go (Info: "failed to get %s info")',
    samples: [
      'ERROR: failed to create cluster: failed to get docker info: command "docker info --format \'{{json .}}\'" failed with error: exec: "docker": executable file not found in $PATH',
      'ERROR: failed to create cluster: failed to get nerdctl info: command "nerdctl info --format \'{{json .}}\'" failed with error: exit status 1 Command Output: level=fatal msg="rootless containerd not running? (hint: use `containerd-rootless-setuptool.sh install` to start rootless containerd)"',
    ],
    counterSamples: ['docker info --format \'{{json .}}\''],
  }),
  sig({
    id: 'runtime.docker-socket-missing-sdk',
    cause: 'runtime.unavailable',
    // Docker SDKs of other languages connect to the daemon's socket or pipe themselves: ENOENT there is the daemon not
    // running (or not where DOCKER_HOST says), in Node's, Ruby's and the editors' words.
    re: /connect enoent (\/var\/run\/docker\.sock|\/\/\.\/pipe\/docker_engine|\S*\/docker\.sock)|no such file or directory - connect\(2\) for \S*docker\.sock/,
    anchors: ['connect enoent', 'connect(2) for'],
    confidence: 0.8,
    specificity: 90,
    check: 'is Docker running where the client runs? docker info from the same shell; the socket the client uses (DOCKER_HOST, /var/run/docker.sock, Docker Desktop\'s ~/.docker/run/docker.sock, //./pipe/docker_engine on Windows)',
    source: 'libuv ENOENT on connect (Node: "connect ENOENT <path>"), Ruby Errno::ENOENT ("No such file or directory - connect(2) for <path>")',
    samples: [
      'Error: connect ENOENT /var/run/docker.sock\n    at PipeConnectWrap.afterConnect [as oncomplete] (net.js:1159:16)',
      'No such file or directory - connect(2) for /var/run/docker.sock (Errno::ENOENT)',
      'Error Message: connect ENOENT //./pipe/docker_engine',
    ],
    counterSamples: ['Error: connect EACCES /var/run/docker.sock'],
  }),
];
