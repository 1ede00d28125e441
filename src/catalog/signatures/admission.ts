import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * Admission and the workload controllers refusing or holding back the pods of flannel's DaemonSet and CoreDNS's
 * Deployment, as `kubectl describe ds/deploy/rs` Events and `kubectl get events` show them:
 * k8s.io/pod-security-admission (admission.go "violates PodSecurity %q: %s"; its warnings "would violate PodSecurity"
 * refuse nothing), kube-controller-manager's DaemonSet and ReplicaSet controllers (controller_utils.go FailedCreate
 * "Error creating: %v"; daemon_controller.go FailedDaemonPod "Found failed daemon pod %s/%s on node %s, will try to
 * kill it", FailedPlacement "failed to place pod on %q: ..."), the apiserver's ResourceQuota, LimitRange, Priority
 * and webhook admission. The refusal names the pod by its generateName prefix; whose pod it is decides the cause:
 * flannel's (flannel.daemon-down; flannel/config.ts holds `pods "kube-flannel…" is forbidden`), CoreDNS's
 * (dns.coredns-down), anyone else's (no cause of the pod network: unknown, record only).
 */
export const ADMISSION_SIGNATURES: Signature[] = [
  sig({
    id: 'admission.coredns-pod-refused',
    cause: 'dns.coredns-down',
    // The ReplicaSet controller's FailedCreate for CoreDNS's pods (generateName coredns-<hash>-): a PodSecurity
    // enforce level on kube-system, a ResourceQuota or LimitRange there, the system-cluster-critical priority class
    // outside kube-system, a missing ServiceAccount. No CoreDNS pod is created, so cluster DNS has no endpoints.
    re: /pods \\?"(coredns|kube-dns)-[\w.-]*\\?" is forbidden: /,
    anchors: ['coredns-', 'kube-dns-'],
    confidence: 0.85,
    specificity: 92,
    alternatives: ['dns.service-unreachable'],
    check: 'kubectl -n kube-system describe rs -l k8s-app=kube-dns: the FailedCreate event names what admission refused — kubectl get ns kube-system --show-labels (pod-security.kubernetes.io/enforce must not be restricted), kubectl -n kube-system get resourcequota,limitrange, kubectl -n kube-system get sa coredns',
    source: 'k8s.io/kubernetes pkg/controller/controller_utils.go (FailedCreate "Error creating: %v"); pod-security-admission admission.go ("violates PodSecurity %q: %s"); apiserver resourcequota controller.go ("exceeded quota: %s, requested: %s, used: %s, limited: %s")',
    samples: [
      'Warning  FailedCreate  2m (x12 over 20m)  replicaset-controller  Error creating: pods "coredns-5d78c9869d-" is forbidden: exceeded quota: kube-system-quota, requested: pods=1, used: pods=30, limited: pods=30',
      'Error creating: pods "coredns-7db6d8ff4d-x2kq9" is forbidden: violates PodSecurity "restricted:latest": runAsNonRoot != true (pod or container "coredns" must set securityContext.runAsNonRoot=true)',
      'kube-system   52s   Warning   FailedCreate   replicaset/coredns-787d4945fb   Error creating: pods "coredns-787d4945fb-" is forbidden: error looking up service account kube-system/coredns: serviceaccount "coredns" not found',
    ],
    counterSamples: [
      'Error creating: pods "web-7d9f8b6c5-" is forbidden: exceeded quota: compute-resources',
      'Normal  SuccessfulCreate  12s  replicaset-controller  Created pod: coredns-5d78c9869d-x2kq9',
    ],
  }),
  sig({
    id: 'admission.coredns-rs-not-created',
    cause: 'dns.coredns-down',
    // `kubectl describe deploy coredns` and its status: the Deployment's new ReplicaSet created none of its pods
    // (ReplicaFailure FailedCreate), or it timed out progressing — no CoreDNS pod runs or is Ready.
    re: /newreplicaset:\s+(coredns|kube-dns)-[\w-]+ \(0\/\d+ replicas created\)|replicaset \\?"(coredns|kube-dns)-[\w-]+\\?" has timed out progressing/,
    anchors: ['replicas created', 'has timed out progressing'],
    confidence: 0.8,
    specificity: 85,
    alternatives: ['dns.service-unreachable'],
    check: 'kubectl -n kube-system describe rs -l k8s-app=kube-dns: a FailedCreate event names what admission refused; pods created but not Ready: kubectl -n kube-system logs -l k8s-app=kube-dns',
    source: 'k8s.io/kubernetes pkg/controller/deployment/util/deployment_util.go ("ReplicaSet %q has timed out progressing."), kubectl describe deployment (NewReplicaSet "%s (%d/%d replicas created)")',
    samples: [
      'Progressing    False   ProgressDeadlineExceeded\nNewReplicaSet:   coredns-7db6d8ff4d (0/2 replicas created)',
      'message: ReplicaSet "coredns-5d78c9869d" has timed out progressing.\n    reason: ProgressDeadlineExceeded',
    ],
    counterSamples: [
      'NewReplicaSet:   coredns-7db6d8ff4d (2/2 replicas created)',
      'message: ReplicaSet "web-6f9c8d7b5" has timed out progressing.',
    ],
  }),
  sig({
    id: 'admission.flannel-podsecurity-fingerprint',
    cause: 'flannel.daemon-down',
    // A PodSecurity refusal whose list of violations is flannel's own manifest: its hostPath volumes "run",
    // "cni-plugin", "cni" (kube-flannel.yml) or its container kube-flannel adding NET_ADMIN/NET_RAW. The namespace
    // enforces baseline or restricted, so the DaemonSet creates no flannel pod. "would violate" is a warning only.
    re: /violates podsecurity \\?"[\w:.]+\\?": [^\n]{0,300}(volumes \\?"run\\?", \\?"cni-plugin\\?"|container \\?"kube-flannel\\?" must)/,
    anchors: ['violates podsecurity'],
    confidence: 0.85,
    specificity: 91,
    check: 'kubectl get ns kube-flannel --show-labels: flannel needs pod-security.kubernetes.io/enforce=privileged on its namespace (kube-flannel.yml sets it; a namespace created beforehand or kube-system with a baseline/restricted default keeps refusing)',
    source: 'k8s.io/pod-security-admission admission/admission.go ("violates PodSecurity %q: %s"), policy check_hostNamespaces.go, check_hostPathVolumes.go, check_capabilities_baseline.go',
    samples: [
      'Error creating: pods is forbidden: violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true), hostPath volumes (volumes "run", "cni-plugin", "cni", "xtables-lock"), non-default capabilities (container "kube-flannel" must not include "NET_ADMIN", "NET_RAW" in securityContext.capabilities.add)',
      'violates PodSecurity "restricted:latest": host namespaces (hostNetwork=true), hostPath volumes (volumes "run", "cni-plugin", "cni", "xtables-lock")',
    ],
    counterSamples: [
      'Warning: would violate PodSecurity "restricted:latest": host namespaces (hostNetwork=true), hostPath volumes (volumes "run", "cni-plugin", "cni", "xtables-lock")',
      'Error creating: pods "app-x" is forbidden: violates PodSecurity "baseline:latest": hostPath volumes (volume "data")',
    ],
  }),
  sig({
    id: 'admission.flannel-daemon-pod-failed',
    cause: 'flannel.daemon-down',
    // The DaemonSet controller found a flannel pod in phase Failed on a node (evicted, rejected by the kubelet for
    // node affinity or resources, node shutdown) and deletes it to create another; until that one runs, the node
    // has no flanneld. The old controller's FailedPlacement says the node could not take flannel's pod at all.
    re: /found failed daemon pod [\w.-]+\/kube-flannel[\w.-]* on node|found failed daemon pod on node, will try to kill it\\?" pod=\\?"[\w.-]+\/kube-flannel|kube-flannel[\w.-]*\s+failed to place pod on /,
    anchors: ['found failed daemon pod', 'failed to place pod on'],
    confidence: 0.8,
    specificity: 88,
    alternatives: ['node.not-ready'],
    check: 'kubectl -n kube-flannel get pods -o wide and kubectl -n kube-flannel describe pod <failed pod>: its Status Reason (Evicted, NodeAffinity, OutOfcpu, OutOfpods, Terminated) says why the node turned it away',
    source: 'k8s.io/kubernetes pkg/controller/daemon/daemon_controller.go (FailedDaemonPod "Found failed daemon pod %s/%s on node %s, will try to kill it"; FailedPlacement)',
    samples: [
      'Warning  FailedDaemonPod  9s  daemonset-controller  Found failed daemon pod kube-flannel/kube-flannel-ds-9rwl5 on node node2, will try to kill it',
      'I1206 10:00:00.000000       1 daemon_controller.go:887] "Found failed daemon pod on node, will try to kill it" pod="kube-flannel/kube-flannel-ds-5vz24" node="worker-2"',
      'kube-flannel   Warning   FailedPlacement   daemonset/kube-flannel-ds   failed to place pod on "k8s-worker1": Node didn\'t have enough resource: pods, requested: 1, used: 110, capacity: 110',
    ],
    counterSamples: [
      'Warning  FailedDaemonPod  9s  daemonset-controller  Found failed daemon pod monitoring/node-exporter-9rwl5 on node node2, will try to kill it',
      'Normal  SucceededDaemonPod  9s  daemonset-controller  Found succeeded daemon pod kube-flannel/kube-flannel-ds-9rwl5 on node node3, will try to delete it',
    ],
  }),
  sig({
    id: 'admission.webhook-denied-flannel-pod',
    cause: 'flannel.daemon-down',
    // A policy webhook (Gatekeeper, Kyverno) denying flannel's own pod: flannel needs hostNetwork, hostPath and
    // NET_ADMIN, which host-namespace and privilege policies refuse, so the DaemonSet creates no pod.
    re: /admission webhook \\?"[^"\n]+\\?" denied the request[\s\S]{0,400}?(pod: kube-flannel|pod\/kube-flannel\/kube-flannel|pods? \\?"kube-flannel)/,
    anchors: ['denied the request'],
    confidence: 0.85,
    specificity: 93,
    check: 'kubectl -n kube-flannel describe ds kube-flannel-ds: the policy named in the FailedCreate event must exempt the kube-flannel namespace (Gatekeeper excludedNamespaces / match.excludedNamespaces, a Kyverno PolicyException)',
    source: 'k8s.io/apiserver pkg/admission/plugin/webhook/errors/statuserror.go ("admission webhook %q denied the request")',
    samples: [
      'Warning  FailedCreate  2m  daemonset-controller  Error creating: admission webhook "validation.gatekeeper.sh" denied the request: [psp-host-network-ports] The specified hostNetwork and hostPort are not allowed, pod: kube-flannel-ds-8xk2p. Allowed values: {"hostNetwork": false}',
      'Error creating: admission webhook "validate.kyverno.svc-fail" denied the request: \n\nresource Pod/kube-flannel/kube-flannel-ds-x7q2m was blocked due to the following policies',
    ],
    counterSamples: ['Error from server: admission webhook "validation.gatekeeper.sh" denied the request: [k8srequiredlabels] you must provide labels: {"owner"}'],
  }),
  sig({
    id: 'admission.pod-refused-other',
    cause: 'unknown',
    // Admission refusing a pod that the text does not name as flannel's or CoreDNS's: a PodSecurity level, a quota,
    // a LimitRange, a priority class kept to kube-system. It decides nothing about the pod network by itself; whose
    // pod it is decides (the workload in the event's Object column or `kubectl describe`).
    re: /is forbidden: (violates podsecurity \\?"|exceeded quota: |failed quota: |insufficient quota to match these scopes|(minimum|maximum) \w+ usage per (container|pod) |\[(minimum|maximum) \w+ usage per |pods with system-(node|cluster)-critical priorityclass is not permitted|no priorityclass with name )/,
    anchors: ['violates podsecurity', 'exceeded quota', 'failed quota', 'insufficient quota to match', 'usage per', 'priorityclass'],
    confidence: 0.3,
    specificity: 60,
    recordOnly: true,
    alternatives: ['flannel.daemon-down', 'dns.coredns-down'],
    check: 'kubectl get events -A --field-selector reason=FailedCreate names the workload refused: flannel\'s DaemonSet (kube-flannel-ds) or CoreDNS\'s ReplicaSet (coredns-…) leave nodes without pod network or the cluster without DNS; the namespace\'s labels (kubectl get ns <ns> --show-labels) and kubectl -n <ns> get resourcequota,limitrange show the rule that refused',
    source: 'k8s.io/pod-security-admission admission.go; k8s.io/apiserver pkg/admission/plugin/resourcequota/controller.go; k8s.io/kubernetes plugin/pkg/admission/limitranger, priority',
    samples: [
      'Error creating: pods "web-7d9f8b6c5-abcde" is forbidden: maximum cpu usage per Container is 2, but limit is 4',
      'Error from server (Forbidden): error when creating "pod.yaml": pods "busybox" is forbidden: violates PodSecurity "baseline:latest": privileged (container "busybox" must not set securityContext.privileged=true)',
      'Error creating: pods "my-agent-" is forbidden: pods with system-node-critical priorityClass is not permitted in monitoring namespace',
    ],
    counterSamples: ['Warning: would violate PodSecurity "restricted:latest": runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true)'],
  }),
];
