import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * The kubelet mounting what a pod's volumes name (pkg/volume configmap, secret, projected, hostpath; the volume
 * manager): `MountVolume.SetUp failed for volume "<v>" [(UniqueName: …) pod "<pod>" (UID: …)] : <err>`, its
 * event (FailedMount), the configmap/secret/projected plugins' "Couldn't get …" lines, and the volume manager's
 * wrapper "Unable to attach or mount volumes: unmounted volumes=[…]". A pod whose volume cannot be set up stays in
 * ContainerCreating (or Init:0/N): which object is missing, and whose pod it is, decides what is down.
 */

/** The kubelet's own context before an API NotFound: a volume's SetUp error, or the plugin's "Couldn't get". */
const VOLUME_ERR = String.raw`(?:for volume \\?"[^"\\\n]+\\?"[^\n]{0,400}? : (?:\[[^\n]{0,300}?)?|couldn't get configmap [\w.-]+\/[\w.-]+: )`;

export const KUBELET_VOLUME_SIGNATURES: Signature[] = [
  sig({
    id: 'kubelet-volumes.flannel-configmap-missing',
    cause: 'flannel.config-invalid',
    // flannel's DaemonSet mounts the ConfigMap kube-flannel-cfg (keys cni-conf.json and net-conf.json) at
    // /etc/kube-flannel: absent from the DaemonSet's namespace (never applied, deleted, or left in kube-system when
    // the DaemonSet moved to kube-flannel), or without the key a volume item names, the pod never starts and no
    // node gets a network config — the same fault flanneld reports as "failed to read net conf" when it does start.
    re: new RegExp(String.raw`${VOLUME_ERR}configmaps? \\?"[\w.-]*flannel[\w.-]*-cfg\\?" not found|for volume \\?"flannel-cfg\\?"[^\n]{0,400}? : configmap references non-existent config key|configmap references non-existent config key: (?:net|cni)-conf\.json`),
    anchors: ['flannel-cfg', 'flannel-windows-cfg', '-conf.json'],
    confidence: 0.85,
    specificity: 95,
    alternatives: ['flannel.daemon-down'],
    check: 'kubectl -n kube-flannel get configmap kube-flannel-cfg -o yaml (the namespace of the DaemonSet: kubectl get ds -A | grep flannel): it must exist there with keys cni-conf.json and net-conf.json — re-apply the ConfigMap from the release manifest',
    source: 'kubelet configmap volume (pkg/volume/configmap: "Couldn\'t get configMap %v/%v: %v"; MakePayload "configmap references non-existent config key: %s"); operation_generator "MountVolume.SetUp failed for volume %q"; facts §1.1 (volume flannel-cfg → ConfigMap kube-flannel-cfg)',
    samples: [
      '  Warning  FailedMount  2m1s (x9 over 4m15s)  kubelet  MountVolume.SetUp failed for volume "flannel-cfg" : configmap "kube-flannel-cfg" not found',
      'E1206 10:14:03.552107    1187 configmap.go:193] Couldn\'t get configMap kube-flannel/kube-flannel-cfg: configmap "kube-flannel-cfg" not found',
      'Error: MountVolume.SetUp failed for volume "flannel-cfg" (UniqueName: "kubernetes.io/configmap/a3d9e1b2-77c1-4f0e-9b1c-2e3d4f5a6b7c-flannel-cfg") pod "kube-flannel-ds-hq8tn" (UID: "a3d9e1b2-77c1-4f0e-9b1c-2e3d4f5a6b7c") : configmaps "kube-flannel-cfg" not found',
      'Warning  FailedMount  30s (x8 over 94s)  kubelet  MountVolume.SetUp failed for volume "flannel-cfg" : configmap references non-existent config key: net-conf.json',
    ],
    counterSamples: [
      'Error from server (NotFound): configmaps "kube-flannel-cfg" not found',
      'MountVolume.SetUp failed for volume "flannel-cfg" : object "kube-flannel"/"kube-flannel-cfg" not registered',
      'Couldn\'t get configMap kube-flannel/kube-flannel-cfg: failed to sync configmap cache: timed out waiting for the condition',
    ],
  }),
  sig({
    id: 'kubelet-volumes.coredns-configmap-missing',
    cause: 'dns.coredns-down',
    // The CoreDNS Deployment mounts its Corefile from the ConfigMap coredns (Helm and RKE2 name it <release>-coredns):
    // without it the pods stay in ContainerCreating and the cluster has no DNS server.
    re: new RegExp(String.raw`${VOLUME_ERR}configmaps? \\?"(?:[\w.-]+-)?coredns\\?" not found`),
    anchors: ['coredns" not found'],
    confidence: 0.9,
    specificity: 95,
    check: 'kubectl -n kube-system get configmap coredns -o yaml (the name the Deployment\'s config-volume names: kubectl -n kube-system get deploy coredns -o jsonpath=\'{.spec.template.spec.volumes}\'): restore it with its Corefile key (kubeadm init phase addon coredns writes it again)',
    source: 'kubelet configmap volume (pkg/volume/configmap); kubeadm CoreDNS manifests (ConfigMap coredns, volume config-volume) — facts §9',
    samples: [
      '  Warning  FailedMount  3m2s (x19 over 25m)  kubelet  MountVolume.SetUp failed for volume "config-volume" : configmap "coredns" not found',
      'E1206 10:31:12.441100    1022 configmap.go:193] Couldn\'t get configMap kube-system/coredns: configmaps "coredns" not found',
      'Warning  FailedMount  62s (x8 over 2m6s)  kubelet  MountVolume.SetUp failed for volume "config-volume" : configmap "rke2-coredns-rke2-coredns" not found',
    ],
    counterSamples: ['MountVolume.SetUp failed for volume "config-volume" : configmap "coredns-custom" not found', 'Error from server (NotFound): configmaps "coredns" not found'],
  }),
  sig({
    id: 'kubelet-volumes.flannel-serviceaccount-missing',
    cause: 'flannel.daemon-down',
    // Every pod's kube-api-access volume asks the API server for a token of the pod's ServiceAccount; flannel's is
    // "flannel" in the DaemonSet's namespace (older clusters: a token Secret flannel-token-xxxxx). Without it the
    // flannel pod never starts on any node.
    re: /fetch token: \S+ \\?"flannel\\?" not found|\\?"flannel-token-[a-z0-9]{5}\\?" not found/,
    anchors: ['flannel" not found', 'flannel-token-'],
    confidence: 0.85,
    specificity: 95,
    alternatives: ['flannel.rbac'],
    check: 'kubectl get sa -A | grep flannel: the ServiceAccount flannel must be in the DaemonSet\'s namespace (kube-flannel in current manifests, kube-system in old ones) — re-apply the whole release manifest (Namespace, ServiceAccount, ClusterRole, ClusterRoleBinding, ConfigMap, DaemonSet)',
    source: 'kubelet token manager (pkg/kubelet/token: "failed to fetch token: %v"), projected volume kube-api-access; facts §1.1 (ServiceAccount flannel)',
    samples: [
      '  Warning  FailedMount  8s (x7 over 40s)  kubelet  MountVolume.SetUp failed for volume "kube-api-access-vx4tb" : failed to fetch token: serviceaccounts "flannel" not found',
      'E1206 10:50:11.220001    2390 projected.go:194] Error preparing data for projected volume kube-api-access-vx4tb for pod kube-flannel/kube-flannel-ds-wv7rn: failed to fetch token: serviceaccounts "flannel" not found',
      'MountVolume.SetUp failed for volume "flannel-token-8d2xq" : secret "flannel-token-8d2xq" not found',
    ],
    counterSamples: ['failed to fetch token: serviceaccounts "default" not found', 'serviceaccount/flannel created'],
  }),
  sig({
    id: 'kubelet-volumes.coredns-serviceaccount-missing',
    cause: 'dns.coredns-down',
    // The CoreDNS pods' token comes from the ServiceAccount coredns in kube-system: without it they never start.
    re: /fetch token: \S+ \\?"coredns\\?" not found|\\?"coredns-token-[a-z0-9]{5}\\?" not found/,
    anchors: ['coredns" not found', 'coredns-token-'],
    confidence: 0.85,
    specificity: 95,
    check: 'kubectl -n kube-system get sa coredns and kubectl -n kube-system get deploy coredns -o jsonpath=\'{.spec.template.spec.serviceAccountName}\': the ServiceAccount the Deployment names must exist (kubeadm init phase addon coredns recreates it with its RBAC)',
    source: 'kubelet token manager (pkg/kubelet/token: "failed to fetch token: %v"); kubeadm CoreDNS manifests (ServiceAccount coredns)',
    samples: [
      '  Warning  FailedMount  20s (x6 over 36s)  kubelet  MountVolume.SetUp failed for volume "kube-api-access-b8cv6" : failed to fetch token: serviceaccounts "coredns" not found',
      'E1206 10:00:00.000000    1187 secret.go:189] Couldn\'t get secret kube-system/coredns-token-5v6bn: secret "coredns-token-5v6bn" not found',
    ],
    counterSamples: ['failed to fetch token: serviceaccounts "default" not found'],
  }),
  sig({
    id: 'kubelet-volumes.token-request-failed',
    cause: 'unknown',
    // The token of a kube-api-access volume could not be issued: the API server unreachable (the inner transport
    // error is read first when shown), the pod's ServiceAccount missing, the TokenRequest API off, or a standalone
    // kubelet. Which pod it is decides what stays down.
    re: /failed to fetch token: |expired and refresh failed: |does not have tokenrequest endpoints enabled|cannot use tokenmanager when kubelet is in standalone mode|cannot setup projected volume \S+ because kube client is not configured/,
    anchors: ['failed to fetch token', 'expired and refresh failed', 'tokenrequest endpoints', 'tokenmanager', 'kube client is not configured'],
    confidence: 0.4,
    specificity: 40,
    alternatives: ['flannel.daemon-down', 'dns.coredns-down'],
    check: 'the error after "failed to fetch token:" and the pod it is for: serviceaccounts "<name>" not found → kubectl -n <ns> get sa <name>; a dial or TLS error → the API server from that node (kubectl get --raw /readyz); the TokenRequest API off → the API server\'s --service-account-issuer and --service-account-key-file flags',
    source: 'kubelet token manager (pkg/kubelet/token: "failed to fetch token: %v", "token %s expired and refresh failed: %v", "the API server does not have TokenRequest endpoints enabled"); pkg/volume/projected',
    samples: [
      'MountVolume.SetUp failed for volume "kube-api-access-m2wqr" : failed to fetch token: the API server does not have TokenRequest endpoints enabled',
      'Warning  FailedMount  kubelet  MountVolume.SetUp failed for volume "kube-api-access-vc5jn" : failed to fetch token: serviceaccounts "default" not found',
    ],
    counterSamples: ['Couldn\'t update token" err="context canceled"'],
  }),
  sig({
    id: 'kubelet-volumes.hostpath-type-flannel',
    cause: 'flannel.daemon-down',
    // A hostPath volume with a type (Directory, File, FileOrCreate…) is checked before the pod starts: /run/flannel
    // that is a file, or /run/xtables.lock that a runtime created as a directory (a hostPath mounted once without a
    // type makes a missing path a directory), keeps flannel's pod on that node from ever starting.
    re: /hostpath type check failed: (?:\/var)?\/run\/flannel is not a directory|pod \\?"kube-flannel-ds[\w-]*\\?"[^\n]{0,200}? : hostpath type check failed: /,
    anchors: ['hostpath type check failed'],
    confidence: 0.8,
    specificity: 92,
    alternatives: ['cni.plugin-missing', 'cni.config-missing'],
    check: 'on that node: stat the path named (stat /run/flannel /run/xtables.lock /opt/cni/bin /etc/cni/net.d) — it must be the type the DaemonSet declares (a directory, or for xtables.lock a file); a file where a directory is declared, or the reverse, keeps the pod from starting until the entry is the declared type',
    source: 'kubelet hostpath volume (pkg/volume/hostpath checkTypeInternal: "hostPath type check failed: %s is not a directory" / "is not a file"); facts §1.1 (volumes run, cni-plugin, cni, xtables-lock)',
    samples: [
      '  Warning  FailedMount  11s (x7 over 43s)  kubelet  MountVolume.SetUp failed for volume "run" : hostPath type check failed: /run/flannel is not a directory',
      'MountVolume.SetUp failed for volume "xtables-lock" (UniqueName: "kubernetes.io/host-path/4d5e6f70-xtables-lock") pod "kube-flannel-ds-8rrtz" (UID: "4d5e6f70") : hostPath type check failed: /run/xtables.lock is not a file',
    ],
    counterSamples: ['MountVolume.SetUp failed for volume "xtables-lock" : hostPath type check failed: /run/xtables.lock is not a file'],
  }),
  sig({
    id: 'kubelet-volumes.hostpath-type-mismatch',
    cause: 'unknown',
    // The same check on a path that is not flannel's alone (the CNI directories, the iptables lock, /lib/modules,
    // log and device paths): the pod that mounts it does not start on that node, and which pod that is decides.
    re: /hostpath type check failed: \S+ is not a (?:directory|file|character device|block device)\b/,
    anchors: ['hostpath type check failed'],
    confidence: 0.4,
    specificity: 88,
    alternatives: ['flannel.daemon-down', 'cni.plugin-missing', 'cni.config-missing'],
    check: 'kubectl describe pod <pod> (its volumes list which hostPath has which type) and, on that node, stat <path>: a directory where a file is declared (or the reverse) is left by a runtime that created the missing path — the flannel pod needs /run/flannel, /opt/cni/bin and /etc/cni/net.d as directories and /run/xtables.lock as a file',
    source: 'kubelet hostpath volume (pkg/volume/hostpath checkTypeInternal)',
    samples: [
      '  Warning  FailedMount  2m (x9 over 4m)  kubelet  MountVolume.SetUp failed for volume "xtables-lock" : hostPath type check failed: /run/xtables.lock is not a file',
      'MountVolume.SetUp failed for volume "cni" : hostPath type check failed: /etc/cni/net.d is not a directory',
    ],
    counterSamples: ['MountVolume.SetUp failed for volume "docker-sock" : hostPath type check failed: /var/run/docker.sock is not a socket file'],
  }),
  sig({
    id: 'kubelet-volumes.configmap-volume-missing',
    cause: 'unknown',
    // A ConfigMap a volume names is not in the pod's namespace. Whose it is decides: kube-root-ca.crt (every
    // kube-api-access volume) is published into each namespace by kube-controller-manager.
    re: new RegExp(String.raw`${VOLUME_ERR}configmaps? \\?"[\w.-]+\\?" not found`),
    anchors: ['configmap "', 'configmaps "'],
    confidence: 0.4,
    specificity: 70,
    alternatives: ['flannel.config-invalid', 'dns.coredns-down'],
    check: 'kubectl -n <pod namespace> get configmap <name>: it must exist in the pod\'s own namespace; kube-root-ca.crt missing means kube-controller-manager (its root-ca-cert-publisher) is not running — kubectl -n kube-system get pods -l component=kube-controller-manager',
    source: 'kubelet configmap and projected volumes (pkg/volume/configmap, pkg/volume/projected: "Couldn\'t get configMap %v/%v: %v")',
    samples: [
      '  Warning  FailedMount  13s (x6 over 29s)  kubelet  MountVolume.SetUp failed for volume "kube-api-access-7v2lp" : configmap "kube-root-ca.crt" not found',
      'E1206 10:40:00.000100    1500 configmap.go:193] Couldn\'t get configMap kube-system/kube-proxy: configmap "kube-proxy" not found',
    ],
    counterSamples: ['Error from server (NotFound): configmaps "kube-proxy" not found'],
  }),
  sig({
    id: 'kubelet-volumes.secret-volume-missing',
    cause: 'unknown',
    // A Secret a volume names is not in the pod's namespace (a TLS or application secret, a legacy token secret).
    // Registry credentials mounted as a volume are left to the pull-secret reading.
    re: /for volume \\?"(?![^"\\\n]*(?:regist|docker|regcred|pull|ghcr|harbor|quay|creds))[^"\\\n]+\\?"[^\n]{0,400}? : (?:\[[^\n]{0,300}?)?(?:secrets?|<redacted>) \\?"(?![^"\\\n]*(?:regist|docker|regcred|pull|ghcr|harbor|quay|creds))[^"\\\n]+\\?" not found|couldn't get secret [\w.-]+\/(?![\w.-]*(?:regist|docker|regcred|pull|ghcr|harbor|quay|creds))[\w.-]+: secrets? \\?"[^"\\\n]+\\?" not found/,
    anchors: ['for volume', "couldn't get secret"],
    confidence: 0.4,
    specificity: 75,
    alternatives: ['image.pullsecret-missing'],
    check: 'kubectl -n <pod namespace> get secret <name>: secrets are namespaced, so it must exist in the pod\'s own namespace; a <serviceaccount>-token-xxxxx secret belongs to a ServiceAccount that was recreated since the pod was made (kubectl -n <ns> get sa <name> -o yaml lists its current secrets)',
    source: 'kubelet secret volume (pkg/volume/secret: "Couldn\'t get secret %v/%v: %v")',
    samples: [
      '  Warning  FailedMount  3m10s (x17 over 23m)  kubelet  MountVolume.SetUp failed for volume "tls" : secret "web-tls" not found',
      'E1206 10:45:00.000000    1345 secret.go:189] Couldn\'t get secret default/web-tls: secret "web-tls" not found',
    ],
    counterSamples: ['MountVolume.SetUp failed for volume "registry-creds" : secret "ghcr-login" not found', 'Unable to retrieve pull secret default/regcred for default/web-0 due to secret "regcred" not found.'],
  }),
  sig({
    id: 'kubelet-volumes.object-not-registered',
    cause: 'unknown',
    // The kubelet's watch-based ConfigMap/Secret cache has no entry for an object the pod refers to: a race while
    // the pod is being added or removed (right after a kubelet restart, or a pod deleted mid-mount). It clears itself;
    // it names no fault unless it repeats for a running pod.
    re: /object \\?"[\w.-]+\\?"\/\\?"[\w.-]+\\?" not registered/,
    anchors: ['not registered'],
    confidence: 0.3,
    specificity: 85,
    alternatives: ['flannel.daemon-down'],
    check: 'kubectl get pod <pod> -o wide: if it is Running the line was transient; if it stays ContainerCreating, kubectl -n <ns> get configmap,secret <name> and the kubelet\'s connection to the API server (journalctl -u kubelet | grep -i "failed to list")',
    source: 'kubelet object cache (pkg/kubelet/util/manager: "object %q/%q not registered")',
    samples: [
      'E1206 10:05:00.661198    1103 projected.go:288] Couldn\'t get configMap kube-flannel/kube-root-ca.crt: object "kube-flannel"/"kube-root-ca.crt" not registered',
      'MountVolume.SetUp failed for volume "flannel-cfg" : object "kube-flannel"/"kube-flannel-cfg" not registered',
    ],
    counterSamples: ['Application not registered with AAD.'],
  }),
  sig({
    id: 'kubelet-volumes.mount-wait-timeout',
    cause: 'unknown',
    // The volume manager's wrapper: some volume of the pod was not mounted in time. The volume's own
    // MountVolume.* event just before it says why.
    re: /unable to attach or mount volumes: unmounted volumes=|unable to mount volumes for pod [^\n]{0,200}timeout expired waiting for volumes to attach or mount|"unable to attach or mount volumes for pod; skipping pod"|err=\\?"unmounted volumes=\[/,
    anchors: ['unmounted volumes=', 'waiting for volumes to attach or mount', 'unable to attach or mount volumes'],
    confidence: 0.3,
    specificity: 40,
    alternatives: ['flannel.config-invalid', 'flannel.daemon-down', 'dns.coredns-down'],
    check: 'kubectl describe pod <pod>: the FailedMount event that names one of the unmounted volumes ("MountVolume.SetUp failed for volume …") gives the reason — a ConfigMap or Secret not found, a token that could not be issued, a hostPath of the wrong type',
    source: 'kubelet volume manager (WaitForAttachAndMount: "unmounted volumes=%v, unattached volumes=%v, failed to process volumes=%v: %w"; event "Unable to attach or mount volumes: %v")',
    samples: [
      '  Warning  FailedMount  99s (x3 over 6m)  kubelet  Unable to attach or mount volumes: unmounted volumes=[flannel-cfg], unattached volumes=[cni-plugin cni flannel-cfg xtables-lock]: timed out waiting for the condition',
      'E1206 10:20:44.100392    2231 kubelet.go:2205] "Unable to attach or mount volumes for pod; skipping pod" err="unmounted volumes=[flannel-cfg], unattached volumes=[], failed to process volumes=[]: context deadline exceeded" pod="kube-flannel/kube-flannel-ds-l4v7c"',
    ],
    counterSamples: ['I1206 10:14:06.000000    1187 volume_manager.go:470] "All volumes are attached and mounted for pod" pod="kube-flannel/kube-flannel-ds-7xk2p"'],
  }),
];
