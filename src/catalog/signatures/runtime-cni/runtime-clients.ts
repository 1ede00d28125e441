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
    anchors: ['/v1.'],
    also: ['dial tcp '],
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
    also: ['x509: ', 'tls: ', 'server gave http'],
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
  sig({
    id: 'runtime.docker-pipe-open-failed',
    cause: 'runtime.unavailable',
    // The same named-pipe open as runtime.docker-pipe-missing, with the OS error in another language (Windows words
    // ERROR_FILE_NOT_FOUND in the user's locale) or the pipe written with backslashes. Access refusals are excluded:
    // an engine that runs but refuses this user is not a missing runtime.
    re: /open (?:\/\/\.\/|\\\\\.\\)pipe[\/\\]docker[\w-]*: (?!access is denied|all pipe instances)\S/,
    anchors: ['/pipe/docker', '\\pipe\\docker'],
    confidence: 0.75,
    specificity: 94,
    alternatives: ['node.not-ready'],
    check: 'is Docker Desktop (or the Docker service) running on that machine, in the mode the client expects? docker context ls shows which pipe the client uses; an "access denied" in the OS language instead means the user is not in docker-users',
    source: 'Docker client on Windows: the engine endpoint is npipe:////./pipe/<name>; the OS error text is localized',
    samples: [
      'error during connect: This error may indicate that the docker daemon is not running.: Post http://%2F%2F.%2Fpipe%2Fdocker_engine/v1.24/networks/create: open //./pipe/docker_engine: O sistema não pode encontrar o arquivo especificado.',
      'Error response from daemon: open \\\\.\\pipe\\docker_engine_linux: Das System kann die angegebene Datei nicht finden.',
    ],
    counterSamples: ['open //./pipe/docker_engine: Access is denied.', 'npipe:////./pipe/docker_engine'],
  }),
  sig({
    id: 'runtime.engine-api-dropped',
    cause: 'runtime.unavailable',
    // An Engine API route (/v1.NN/images/create is the daemon's own pull endpoint) ending in EOF or a deadline: the
    // client's connection to dockerd closed or never answered, which a registry failure cannot cause (the daemon
    // would answer "Error response from daemon" with it). A daemon that crashed or restarted, a desktop VM whose
    // proxy died, a remote builder that is down.
    // EOF counts on a local engine's pipe or socket only (a remote Engine-compatible service may close for its own
    // reasons); a deadline counts on the daemon's status routes only (a deadline on images/create is a slow pull).
    re: /https?:\/\/%2f[^\s\/"]*(?:pipe|\.sock)[^\s\/"]*\/v1\.\d+\/[^\s"]*"?: eof|(?:https?|tcp):\/\/[^\s\/"]+\/v1\.\d+\/(?:info|_ping|version)"?: context deadline exceeded/,
    anchors: ['%2f', 'context deadline exceeded'],
    confidence: 0.75,
    specificity: 96,
    alternatives: ['node.not-ready'],
    check: 'is the daemon the client talks to up and answering? docker info against the same host or context (DOCKER_HOST, docker context ls): a daemon that restarted, a desktop VM that stopped or a remote builder that is gone',
    source: 'Docker client on the Engine API ("error during connect: Post …/v1.NN/images/create…: EOF"); Go net/http EOF and deadline errors',
    samples: [
      'docker: error during connect: Post "http://%2F%2F.%2Fpipe%2Fdocker_engine/v1.41/images/create?fromImage=gcr.io%2Fk8s-minikube%2Fkicbase&tag=v0.0.30": EOF',
      'Error: failed to fetch an image or build from source: error fetching docker server info: Get "http://[fdaa:2:8bc:a7b::2]:2375/v1.41/info": context deadline exceeded',
    ],
    counterSamples: ['Error response from daemon: Get "https://registry-1.docker.io/v2/": EOF', 'Post "http://%2Fvar%2Frun%2Fdocker.sock/v1.41/images/create?fromImage=app": context deadline exceeded', 'FATA[0121] Post http://10.88.88.6:2375/v1.17/images/create?fromImage=busybox&tag=latest: EOF'],
  }),
  sig({
    id: 'runtime.wsl-distro-failed',
    cause: 'runtime.unavailable',
    // Docker Desktop and podman machine on Windows run their engine in a WSL distribution; when WSL cannot import,
    // convert or boot that distribution there is no engine at all (the OS part of these logs is often localized).
    re: /wsl bootstrap script failed|the wsl import of guest os failed|\[wsl2provisioning\s*\]\s*\[error\s*\]|failed to set version to docker-desktop/,
    anchors: ['wsl bootstrap script failed', 'wsl import of guest os', 'wsl2provisioning', 'failed to set version to docker-desktop'],
    confidence: 0.8,
    specificity: 90,
    check: 'wsl -l -v on that machine: the engine\'s distribution (docker-desktop, podman-machine-default) must exist and run under WSL 2; the WSL error code in the log (Wsl/Service/…) names what WSL refused',
    source: 'Docker Desktop WSL2 provisioning log; podman machine on WSL (pkg/machine/wsl: "the WSL import of guest OS failed", "WSL bootstrap script failed")',
    samples: [
      'Starting machine "podman-machine-default"\nError: WSL bootstrap script failed: exit status 0xffffffff',
      '[11:07:04.094][WSL2Provisioning  ][Error  ] Failed to set version to docker-desktop: exit code: -1',
      'Error code: Wsl/Service/0x800700b7\nError: the WSL import of guest OS failed: exit status 0xffffffff',
    ],
    counterSamples: ['[11:07:02.905][WSL2Provisioning  ][Info   ] Checking docker-desktop'],
  }),
  sig({
    id: 'runtime.cli-spawn-enoent',
    cause: 'runtime.unavailable',
    // An editor, test runner or desktop tool spawning the container CLI found no such program: there is no Docker (or
    // Podman) client where that process runs — not installed, not on its PATH, or on another host than the editor's.
    re: /spawn (?:[^\n]{0,120}[\/\\])?(?:docker|podman|nerdctl|docker-compose)(?:\.exe)?"? enoent/,
    anchors: ['spawn docker', 'spawn podman', 'spawn nerdctl', 'docker enoent', 'docker.exe enoent', 'podman enoent', 'podman.exe enoent', 'docker-compose enoent'],
    confidence: 0.8,
    specificity: 90,
    check: 'which docker (where docker on Windows) in the environment of the process that failed (the editor\'s remote server, the CI step): install the client or set the tool\'s docker path setting',
    source: 'Node.js child_process spawn of the container CLI (errno ENOENT: "spawn docker ENOENT")',
    samples: [
      'Docker returned an error code ENOENT, message: spawn docker ENOENT',
      'Unhandled rejection: Error: spawn C:\\Program Files\\Microsoft VS Code Insiders\\docker ENOENT',
      'Host server: Error: spawn docker ENOENT',
    ],
    counterSamples: ['Error: spawn git ENOENT', 'connect ENOENT /var/run/docker.sock'],
  }),
  sig({
    id: 'runtime.docker-context-missing',
    cause: 'runtime.unavailable',
    // The CLI's current (or named) context is not defined in this client's config: it has no engine endpoint to talk
    // to — Docker Desktop's context without Docker Desktop, or a context for the other engine.
    re: /unable to resolve docker endpoint: context "[^"\n]+"(?:: context not found| does not exist)/,
    anchors: ['unable to resolve docker endpoint'],
    confidence: 0.8,
    specificity: 92,
    check: 'docker context ls on that machine: the context named must exist (docker context use default, or unset DOCKER_CONTEXT) and its engine must run',
    source: 'Docker CLI context store (cli/command: "unable to resolve docker endpoint: context %q: context not found"; older CLIs: "context %q does not exist")',
    samples: [
      "execution 'docker --context desktop-linux pull app:1': exit status 1: unable to resolve docker endpoint: context \"desktop-linux\": context not found: open C:\\Users\\me\\.docker\\contexts\\meta\\fe9c6bd7\\meta.json: The system cannot find the path specified.",
      'unable to resolve docker endpoint: context "colima": context not found: open /home/me/.docker/contexts/meta/a1b2/meta.json: no such file or directory',
      'exit status 1: unable to resolve docker endpoint: context "desktop-linux" does not exist',
    ],
    counterSamples: ['unable to resolve docker endpoint: open /home/me/.docker/ca.pem: no such file or directory'],
  }),
  sig({
    id: 'runtime.dind-start-retrying',
    cause: 'runtime.unavailable',
    // The docker-in-docker dev container feature's start script: dockerd inside the container did not come up, so
    // every docker command in the workspace has no daemon.
    re: /\(\*\) failed to start docker, retrying/,
    anchors: ['failed to start docker'],
    confidence: 0.8,
    specificity: 90,
    check: 'the dockerd log inside the container (/tmp/dockerd.log): a dev container needs --privileged (or the feature\'s required mounts) for its inner daemon',
    source: 'devcontainers docker-in-docker feature start script ("(*) Failed to start docker, retrying in 5s...")',
    samples: ['(*) Failed to start docker, retrying in 5s...', '(*) Failed to start docker, retrying in 5s...\n(*) Failed to start docker, retrying in 5s...'],
    counterSamples: ['(*) Starting docker...'],
  }),
  sig({
    id: 'runtime.client-wrapper-no-daemon',
    cause: 'runtime.unavailable',
    // Tools that wrap the Docker API in their own words when the daemon does not answer: Compose v1 (docker-py's
    // "Couldn't connect to Docker daemon at … - is it running?") and menu scripts that check `docker version` first.
    re: /couldn't connect to docker daemon at \S+ - is it running|error when connecting to docker daemon/,
    anchors: ["couldn't connect to docker daemon", 'error when connecting to docker daemon'],
    confidence: 0.75,
    specificity: 92,
    alternatives: ['node.not-ready'],
    check: 'systemctl status docker on that host (or the DinD service in CI): is the daemon up, and does DOCKER_HOST point where it listens? a user outside the docker group reads the same',
    source: 'docker-compose v1 (compose/cli/errors.py: "Couldn\'t connect to Docker daemon at %s - is it running?"); wrapper scripts checking docker version',
    samples: [
      "ERROR: Couldn't connect to Docker daemon at http+docker://localhost - is it running?\n\nIf it's at a non-standard location, specify the URL with the DOCKER_HOST environment variable.",
      "Couldn't connect to Docker daemon at http://docker:2375 - is it running?",
      'Error getting docker version. Error when connecting to docker daemon.\n Check that docker is running.',
    ],
    counterSamples: ['Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?'],
  }),
];
