import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * kubectl and client-go talking to the API server (k8s.io/kubectl pkg/cmd/util/helpers.go StandardErrorMessage,
 * client-go tools/clientcmd, plugin/pkg/client/auth/exec, apimachinery status errors). Users paste these at the top
 * of a thread, before the pod, pull or DNS error they ask about: they name the client's own access to the API, not a
 * cause of the cluster's network or of a pull, so they answer an honest unknown with the check that decides, and speak
 * for their own lines only where another line of the paste names a cause.
 */
export const KUBECTL_CLIENT_SIGNATURES: Signature[] = [
  sig({
    id: 'kubectl.apiserver-refused',
    cause: 'unknown',
    // kubectl rewrites a url.Error whose inner error holds "connection refused" into this sentence: the address in its
    // kubeconfig answered with a reset, so no API server listens there (kube-apiserver's static pod down, often because
    // the kubelet, the runtime or etcd on the control plane is), or the kubeconfig names the wrong host or port.
    // localhost:8080 (no kubeconfig at all) is ambiguous.kubectl-no-kubeconfig.
    re: /the connection to the server \S+ was refused - did you specify the right host or port/,
    anchors: ['was refused - did you specify the right host'],
    confidence: 0.4,
    specificity: 90,
    alternatives: ['node.not-ready', 'runtime.unavailable'],
    check: 'kubectl config view --minify -o jsonpath={.clusters[0].cluster.server} names the address; on that control-plane node: ss -ltnp | grep 6443 and crictl ps -a --name kube-apiserver (its last log: crictl logs <id>) — an API server restarting points at etcd, its certificates or the kubelet (journalctl -u kubelet)',
    source: 'k8s.io/kubectl pkg/cmd/util/helpers.go StandardErrorMessage ("The connection to the server %s was refused - did you specify the right host or port?")',
    recordOnly: true,
    samples: [
      'The connection to the server 192.168.1.100:6443 was refused - did you specify the right host or port?',
      'F1206 10:17:00.000000   90001 helpers.go:118] The connection to the server k8s-master:6443 was refused - did you specify the right host or port?',
    ],
    counterSamples: ['Unable to connect to the server: dial tcp 10.0.0.10:6443: i/o timeout'],
  }),
  sig({
    id: 'kubectl.exec-credential-plugin',
    cause: 'unknown',
    // client-go's exec credential plugin (users[].user.exec in the kubeconfig: aws, aws-iam-authenticator,
    // gke-gcloud-auth-plugin, kubelogin, doctl…) not installed, exiting non-zero or answering in another
    // client.authentication.k8s.io version. It is kubectl's own login to the API server: no image pull and no docker
    // credential helper is involved, though both say "getting credentials".
    re: /getting credentials: (exec: (executable \S+ (not found|failed with exit code)|fork\/exec |plugin \\?"[^"\n]+\\?" not allowed)|decoding stdout: |exec plugin (is configured to use api version|didn't return|returned only))|exec plugin: invalid apiversion|exec plugin is configured to use api version \S+, plugin returned version|it looks like you are trying to use a client-go credential plugin that is not installed|the gcp auth plugin has been removed|no auth provider found for name/,
    anchors: ['getting credentials: ', 'exec plugin', 'client-go credential plugin', 'gcp auth plugin has been removed', 'no auth provider found for name'],
    confidence: 0.5,
    specificity: 98,
    alternatives: ['registry.proxy', 'dns.node-resolver'],
    check: 'kubectl config view --minify -o jsonpath={.users[0].user.exec} names the plugin and its apiVersion: run that command with those args by hand — not found is a plugin to install and put on PATH (gke-gcloud-auth-plugin, aws CLI v2, kubelogin); its own error (expired login, network to the cloud\'s token endpoint) is what to fix; an apiVersion mismatch goes away by taking the kubeconfig again (aws eks update-kubeconfig, gcloud container clusters get-credentials, az aks get-credentials)',
    source: 'k8s.io/client-go plugin/pkg/client/auth/exec/exec.go ("getting credentials: %v", "exec: executable %s not found", "exec: executable %s failed with exit code %d", "exec plugin is configured to use API version %s, plugin returned version %s", installHintVerboseHelp)',
    samples: [
      'Unable to connect to the server: getting credentials: exec: executable aws-iam-authenticator not found',
      'Unable to connect to the server: getting credentials: exec: executable aws failed with exit code 255',
      'error: exec plugin: invalid apiVersion "client.authentication.k8s.io/v1alpha1"',
      'Unable to connect to the server: getting credentials: exec plugin is configured to use API version client.authentication.k8s.io/v1beta1, plugin returned version client.authentication.k8s.io/v1alpha1',
    ],
    counterSamples: [
      'error getting credentials - err: exec: "docker-credential-desktop.exe": executable file not found in $PATH, out: ``',
      'error getting credentials - err: exit status 1, out: `no credentials server URL`',
    ],
  }),
  sig({
    id: 'kubectl.kubeconfig-unusable',
    cause: 'unknown',
    // clientcmd loading and validating the kubeconfig: a file that does not parse or cannot be read, a context,
    // cluster or user it does not hold, no server or client key. kubectl's own configuration; it never reaches the API.
    // Its "error loading config file" quotes the path — Docker's warning about ~/.docker/config.json puts a colon there
    // (image.pullsecret-malformed) — and the kubelet's own kubeconfig ("invalid kubeconfig: …") stops the node.
    re: /(?<!invalid kubeconfig: )error loading config file \\?"|context was not found for specified context|no context exists with the name: |\berror: (context|cluster) \\?"[^"\n]+\\?" does not exist|invalid configuration: no configuration has been provided|error in configuration: [^\n]{0,200}(unable to read (client-cert|client-key|certificate-authority) |has no server defined|client-key-data or client-key must be specified)|current-context must exist in order to minify/,
    anchors: ['error loading config file', 'context was not found for specified context', 'no context exists with the name', 'error: context ', 'error: cluster ', 'no configuration has been provided', 'error in configuration', 'current-context must exist'],
    confidence: 0.5,
    specificity: 90,
    alternatives: ['node.not-ready'],
    check: 'kubectl config view (add --kubeconfig <file> or mind $KUBECONFIG): the file must parse as YAML, be readable by this user (k3s: /etc/rancher/k3s/k3s.yaml is root-only; copy it to ~/.kube/config), and hold the context, cluster and user named; kubectl config get-contexts lists what it has',
    recordOnly: true,
    source: 'k8s.io/client-go tools/clientcmd loader.go ("error loading config file %q: %v") and validation.go ("context was not found for specified context: %v", "cluster has no server defined"); kubectl config use-context ("no context exists with the name: %q")',
    samples: [
      'error: error loading config file "/root/.kube/config": yaml: line 6: mapping values are not allowed in this context',
      'error: error loading config file "C:\\Users\\dev\\.kube\\config": couldn\'t get version/kind; json parse error: invalid character \'a\' looking for beginning of value',
      'Error in configuration: context was not found for specified context: admin@kubernetes',
      'error: no context exists with the name: "kind-kind"',
    ],
    counterSamples: [
      'WARNING: Error loading config file: /root/.docker/config.json: EOF',
      '"command failed" err="failed to run Kubelet: invalid kubeconfig: error loading config file \\"/var/lib/kubelet/kubeconfig\\": read /var/lib/kubelet/kubeconfig: is a directory"',
    ],
  }),
  sig({
    id: 'kube-api.too-many-requests',
    cause: 'unknown',
    // The API server's own 429 (API Priority and Fairness, or its max-inflight limits): apimachinery's
    // StatusReasonTooManyRequests text. A registry's throttling never words it so.
    re: /the server has received too many requests and has asked us to try again later|error from server \(toomanyrequests\)/,
    anchors: ['has asked us to try again later', '(toomanyrequests)'],
    confidence: 0.4,
    specificity: 95,
    alternatives: ['image.rate-limited'],
    check: 'the API server is shedding load: kubectl get --raw /metrics | grep apiserver_flowcontrol_rejected_requests_total names the priority level, and kubectl get flowschemas the client it belongs to — a controller or script in a tight loop, or etcd too slow (etcd_request_duration_seconds); no registry answered this',
    source: 'k8s.io/apimachinery pkg/api/errors NewTooManyRequests / kube-apiserver APF ("the server has received too many requests and has asked us to try again later")',
    samples: [
      'Error from server (TooManyRequests): the server has received too many requests and has asked us to try again later',
      'E1206 10:00:00.000000       1 reflector.go:147] Failed to watch *v1.Pod: the server has received too many requests and has asked us to try again later (get pods)',
    ],
    counterSamples: ['failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/nginx/manifests/1.27: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit.'],
  }),
  sig({
    id: 'kube-api.user-forbidden-pod-subresource',
    cause: 'unknown',
    // The API server's RBAC refusing a user (not a component's service account) kubectl logs, exec, attach or
    // port-forward on a pod: the caller's Role lacks pods/log or pods/exec. Whose pod it is (flannel's) does not matter.
    re: /is forbidden: user \\?"[^"\n]+\\?" cannot \w+ resource \\?"pods\/(log|exec|attach|portforward)\\?"/,
    anchors: ['pods/log', 'pods/exec', 'pods/attach', 'pods/portforward'],
    confidence: 0.5,
    specificity: 94,
    alternatives: ['flannel.rbac'],
    check: 'kubectl auth can-i get pods/log -n <namespace> (or create pods/exec) as that user: it needs a Role with the subresource — an operator\'s own access, not the pod\'s health',
    source: 'kube-apiserver RBAC authorizer ("User %q cannot %s resource %q in API group %q in the namespace %q") on pod subresources',
    samples: [
      'Error from server (Forbidden): pods "kube-flannel-ds-abcde" is forbidden: User "jane" cannot get resource "pods/log" in API group "" in the namespace "kube-flannel"',
      'Error from server (Forbidden): pods "web-0" is forbidden: User "system:serviceaccount:ci:deployer" cannot create resource "pods/exec" in API group "" in the namespace "shop"',
    ],
    counterSamples: ['nodes "worker-1" is forbidden: User "system:serviceaccount:kube-flannel:flannel" cannot get resource "nodes" in API group "" at the cluster scope'],
  }),
  sig({
    id: 'kube-api.kubelet-tls-timeout',
    cause: 'unknown',
    // The API server proxying kubectl logs, exec or metrics to a kubelet (port 10250): TCP connected, the kubelet's
    // certificate never came back. The path from the control plane to that node, not a registry.
    re: /https?:\/\/[^/\s"\\]+:10250\/[^\n]{0,300}tls\s+handshake\s+timeout/,
    anchors: [':10250/'],
    confidence: 0.5,
    specificity: 82,
    alternatives: ['flannel.mtu', 'node.firewall'],
    check: 'from the control-plane node: curl -kv https://<node IP>:10250/healthz — a connect that hangs in the handshake is a path dropping full-size packets (MTU on the underlay or a VPN) or a middlebox; a kubelet under heavy load answers slowly too (its node\'s load and journalctl -u kubelet)',
    source: 'kube-apiserver → kubelet (pods/log, exec, /metrics/resource): Go net/http "TLS handshake timeout"',
    samples: [
      'Error from server: Get "https://10.0.0.21:10250/containerLogs/kube-system/kube-flannel-ds-7xk2p/kube-flannel": net/http: TLS handshake timeout',
      'E1206 10:00:00.000000       1 scraper.go:149] "Failed to scrape node" err="Get \\"https://10.0.0.22:10250/metrics/resource\\": net/http: TLS handshake timeout" node="worker-2"',
    ],
    counterSamples: ['Get "https://registry-1.docker.io/v2/": net/http: TLS handshake timeout'],
  }),
];
