import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The Whereabouts IPAM plugin (github.com/k8snetworkplumbingwg/whereabouts v0.9.2, cmd/whereabouts.go) read from its
 * CNI errors and its log file, as a macvlan delegate's IPAM under Multus v4.2.3 (thin plugin, run by cnitool) against
 * a real kube-apiserver 1.36.3 holding its IPPool and OverlappingRangeIPReservation CRDs. Whereabouts loads a flat
 * file (whereabouts.d/whereabouts.conf, written by its daemonset) before anything else, builds a client from its own
 * kubeconfig, then takes a Lease ("whereabouts") by leader election before it touches a pool: every API failure
 * during that election — a refused identity, an unreachable or untrusted API server — reaches the pod only as the
 * election's time limit; client-go's leaderelection log lines (klog on the plugin's stderr) say which.
 */
export const WHEREABOUTS_IPAM_SIGNATURES: Signature[] = [
  sig({
    id: 'whereabouts.flat-file-missing',
    cause: 'cni.config-missing',
    // Whereabouts v0.9 refuses to run without its flat configuration file: configuration_path, then
    // /etc/kubernetes/cni/net.d, /etc/cni/net.d and /host/etc/cni/net.d whereabouts.d/whereabouts.conf. Its
    // daemonset writes it on each node; none found reads only "config file not found" inside the delegate's error.
    re: /(?:error adding container to network \\?"[^"\\\n]+\\?"|error in getting result from (?:add|del|check)network(?:list)?|ipam configuration load failed): config file not found/,
    anchors: ['config file not found'],
    confidence: 0.7,
    specificity: 92,
    alternatives: ['cni.config-invalid'],
    check: 'on that node: ls /etc/cni/net.d/whereabouts.d/ (or /etc/kubernetes/cni/net.d/whereabouts.d/) — whereabouts.conf and whereabouts.kubeconfig are written by the whereabouts daemonset\'s pod (kubectl -n kube-system get pods -l app=whereabouts -o wide); a "configuration_path" in the network\'s ipam block must point at an existing file',
    source: 'whereabouts v0.9.2 pkg/config/config.go (GetFlatIPAM → ConfigFileNotFoundError: "config file not found"), through multus-cni v4.2.3 DelegateAdd/DelegateDel',
    samples: [
      'plugin type="multus" name="multus-cni-network" failed (add): [default/wb-1/:wb-small]: error adding container to network "wb-small": config file not found',
      '2026-12-07T20:33:43Z [error] DelegateDel: error invoking DelegateDel - "macvlan": error in getting result from DelNetwork: config file not found',
    ],
    counterSamples: ['Error: config file not found: /home/user/.config/app.yaml'],
  }),
  sig({
    id: 'whereabouts.kubeconfig-absent',
    cause: 'unknown',
    // Whereabouts builds its client from the "kubeconfig" of its ipam block (or the flat file): the file not there
    // is the daemonset not having written it on that node yet, or a path that names the wrong place.
    re: /(?:failed to create kubernetes ipam manager|ipam client initialization error): open \S+: no such file or directory/,
    anchors: ['failed to create kubernetes ipam manager', 'ipam client initialization error'],
    confidence: 0.4,
    specificity: 93,
    alternatives: ['cni.config-missing', 'cni.config-invalid'],
    check: 'ls -l the path in the error on that node: under /etc/cni/net.d/whereabouts.d/ the whereabouts daemonset writes whereabouts.kubeconfig (its pod not running there: cni.config-missing); another path comes from the network\'s ipam "kubernetes": {"kubeconfig": …} and is wrong (cni.config-invalid)',
    source: 'whereabouts v0.9.2 cmd/whereabouts.go ("failed to create Kubernetes IPAM manager: %v" on ADD, "IPAM client initialization error: %v" on DEL), pkg/storage/kubernetes/ipam.go (clientcmd reading the kubeconfig)',
    samples: [
      'plugin type="multus" name="multus-cni-network" failed (add): [default/p-wb-nokc/:wb-nokc]: error adding container to network "wb-nokc": failed to create Kubernetes IPAM manager: open /tmp/fd/scratch-rmultus/node/whereabouts.d/whereabouts.kubeconfig: no such file or directory',
      'plugin type="multus" name="multus-cni-network" failed (delete): DelegateDel: error invoking DelegateDel - "macvlan": error in getting result from DelNetwork: IPAM client initialization error: open /tmp/fd/scratch-rmultus/node/whereabouts.d/whereabouts.kubeconfig: no such file or directory',
    ],
    counterSamples: ['IPAM client initialization error: no pod name'],
  }),
  sig({
    id: 'whereabouts.leader-election-timeout',
    cause: 'unknown',
    // The pod sees only the election's two-minute limit; whether the Lease was refused (RBAC), the API server
    // unreachable or its certificate untrusted, or another node holding the Lease for long, is in the plugin's
    // stderr (client-go leaderelection: "error retrieving resource lock kube-system/whereabouts: …").
    re: /time limit exceeded while waiting to become leader/,
    anchors: ['time limit exceeded while waiting to become leader'],
    confidence: 0.4,
    specificity: 93,
    alternatives: ['flannel.rbac', 'registry.tls-untrusted'],
    check: 'the runtime\'s log (journalctl -u containerd or crio) or /var/log/whereabouts.log on that node around the failure: "error retrieving resource lock kube-system/whereabouts: … is forbidden" is the whereabouts service account without RBAC on leases (flannel.rbac); "connection refused"/"i/o timeout" is the API server unreachable from the node through whereabouts.kubeconfig; "x509: certificate signed by unknown authority" a stale CA in that kubeconfig',
    source: 'whereabouts v0.9.2 pkg/storage/kubernetes/ipam.go (IPManagement: "time limit exceeded while waiting to become leader" after AddTimeLimit, 2 minutes)',
    samples: [
      'plugin type="multus" name="multus-cni-network" failed (add): [default/p-wb-forbidden/:wb-forbidden]: error adding container to network "wb-forbidden": error at storage engine: time limit exceeded while waiting to become leader',
      '2026-12-07T20:42:32Z [error] Error at storage engine: time limit exceeded while waiting to become leader',
    ],
    counterSamples: ['error retrieving resource lock kube-system/whereabouts: leases.coordination.k8s.io "whereabouts" is forbidden: User "nobody" cannot get resource "leases" in API group "coordination.k8s.io" in the namespace "kube-system"'],
  }),
  sig({
    id: 'whereabouts.lease-forbidden',
    cause: 'flannel.rbac',
    // Whereabouts' leader election on its Lease refused: the identity of its kubeconfig has no rights on
    // coordination.k8s.io leases (whereabouts' ClusterRole grants them), so no allocation ever starts.
    re: /error retrieving resource lock \S*\/?whereabouts: leases\.coordination\.k8s\.io \\?"[^"\\\n]+\\?" is forbidden: user/,
    anchors: ['error retrieving resource lock'],
    confidence: 0.8,
    specificity: 95,
    check: 'kubectl auth can-i get leases.coordination.k8s.io -n kube-system --as=<user in the error>; the kubeconfig in whereabouts.d must carry the whereabouts service account\'s token and its ClusterRole (whereabouts-cni) the leases rule',
    source: 'client-go tools/leaderelection (leaderelection.go: "error retrieving resource lock %v: %v") in whereabouts v0.9.2; Kubernetes RBAC 403',
    samples: [
      'E1207 20:36:16.651882    2337 leaderelection.go:436] error retrieving resource lock kube-system/whereabouts: leases.coordination.k8s.io "whereabouts" is forbidden: User "nobody" cannot get resource "leases" in API group "coordination.k8s.io" in the namespace "kube-system"',
      'E1207 20:48:49.438932   23763 leaderelection.go:436] error retrieving resource lock kube-system/whereabouts: leases.coordination.k8s.io "whereabouts" is forbidden: User "system:serviceaccount:kube-system:multus" cannot get resource "leases" in API group "coordination.k8s.io" in the namespace "kube-system"',
    ],
    counterSamples: ['error retrieving resource lock kube-system/whereabouts: Get "https://127.0.0.1:16999/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/whereabouts": dial tcp 127.0.0.1:16999: connect: connection refused'],
  }),
  sig({
    id: 'whereabouts.pool-initialized-notice',
    cause: 'unknown',
    // Logged at [error] the first time a range is used: whereabouts creates the IPPool and retries at once. Not a
    // fault; the error that stopped the pod, if any, is another line.
    re: /ipam error reading pool allocations \(attempt: \d+\): k8s pool initialized/,
    anchors: ['k8s pool initialized'],
    confidence: 0.4,
    specificity: 94,
    alternatives: ['cni.ipam-exhausted'],
    check: 'the other [error] lines of the same ADD in the whereabouts log: this one only says the IPPool for the range was just created; kubectl get ippools.whereabouts.cni.cncf.io -A shows it',
    source: 'whereabouts v0.9.2 pkg/storage/kubernetes/ipam.go ("IPAM error reading pool allocations (attempt: %d): %v" with the temporaryError "k8s pool initialized")',
    samples: [
      '2026-12-07T20:34:07Z [error] IPAM error reading pool allocations (attempt: 0): k8s pool initialized',
      '2026-12-07T20:33:52Z [error] IPAM error reading pool allocations (attempt: 0): k8s pool initialized',
    ],
    counterSamples: ['IPAM error reading pool allocations (attempt: 1): k8s get error: the server could not find the requested resource (get ippools.whereabouts.cni.cncf.io 10.0.0.0-24)'],
  }),
];
