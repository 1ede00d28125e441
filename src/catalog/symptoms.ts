/**
 * Symptoms: the states of pods, containers and nodes that this tool exists for. Every diagnosis lists
 * each one it sees (the symptom inventory, src/engine/inventory/) and folds it under a root cause, or
 * reports it as an unexplained finding with cause `unknown`. Knowledge as data: which states count,
 * which causes can explain them, what to suspect and which commands decide when nothing explains them.
 *
 * A cause "explains" a symptom when a finding of it names the symptom's pod, or its node with a cause
 * that acts on every pod of the node (`nodeCauses`), or the whole cluster (`clusterCauses`). Causes are
 * given as ids or as prefixes ending in a dot (`registry.` = every registry cause).
 */
import type { Tier } from './types.js';

export type SymptomKind = 'image-pull' | 'pod-start' | 'crash-loop' | 'node-not-ready' | 'dns-log';

export interface SymptomSpec {
  kind: SymptomKind;
  title: string;
  /** Where an unexplained symptom of this kind is filed (its real tier is unknown). */
  tier: Tier;
  /** Causes that explain it when a finding of theirs names the symptom's pod. Empty: any cause. */
  podCauses: readonly string[];
  /** Causes that explain it when a finding of theirs names the symptom's node. */
  nodeCauses: readonly string[];
  /** Causes that explain it from a cluster-wide finding (no node, no pod). */
  clusterCauses: readonly string[];
  /** What the remaining evidence allows when nothing explains it, most common first. */
  candidates: readonly string[];
  /**
   * Commands that decide between the candidates, with {placeholders}: {namespace} {pod} {container}
   * {image} {registry} {node}. Node-side commands say where they run.
   */
  decide: readonly string[];
}

/** The unexplained-symptom pseudo-cause (causes.md: `unknown` is an answer, never a guess). */
export const UNKNOWN_CAUSE_ID = 'unknown';

/** Container waiting reasons that mean "the image is not there" (kubelet images/types.go). */
export const PULL_WAITING_REASONS: ReadonlySet<string> = new Set(['ErrImagePull', 'ImagePullBackOff', 'ErrImageNeverPull', 'InvalidImageName', 'ImageInspectError', 'RegistryUnavailable']);

/**
 * Is a container waiting on its image step? Besides the named reasons, the kubelet hands an error of
 * the image step that is not one of its sentinels (a pull secret its keyring cannot parse: "unable to
 * parse auth field, …") straight through as the waiting reason; its own reasons are single CamelCase
 * words, so a reason with spaces is such a raw error.
 */
export function waitingOnImageStep(reason: string | undefined): boolean {
  return !!reason && (PULL_WAITING_REASONS.has(reason) || /\s/.test(reason.trim()));
}

/** Kubelet event texts of a pull failing that outlive the detailed event (facts §4.5). */
export const PULL_EVENT_TEXT = /^(Back-off pulling image "[^"]*"|Error: (ErrImagePull|ImagePullBackOff|ErrImageNeverPull|InvalidImageName)|Failed to pull image "[^"]*".*)\s*$/s;

/** Waiting reasons of a container whose pod is still being set up (sandbox, network, volumes). */
export const START_WAITING_REASONS: ReadonlySet<string> = new Set(['ContainerCreating', 'PodInitializing']);

/** Pod event reasons from sandbox and network set-up (kubelet, facts §4.3). */
export const SANDBOX_EVENT_REASONS: ReadonlySet<string> = new Set(['FailedCreatePodSandBox', 'FailedKillPodSandbox', 'NetworkNotReady', 'FailedSandboxNetwork']);

/** Event texts of the runtime's network (CNI) failing, whatever the reason field says. */
export const CNI_EVENT_TEXT = /\bCNI\b|network plugin|NetworkPluginNotReady|network is not ready|failed to (set ?up|setup) network|plugin type="[^"]+"|\/run\/flannel\/subnet\.env|cni0|failed to allocate for range/i;

/**
 * A pod scheduled this long ago (by its creation time, against the newest time in the evidence) and
 * still in ContainerCreating/Pending is stuck even without an event: events expire after an hour,
 * and a healthy sandbox and pull take seconds to a couple of minutes.
 */
export const STUCK_AFTER_MS = 10 * 60 * 1000;

/** The pods whose crash loop is a network symptom: flannel's daemon and CoreDNS. */
export const WATCHED_COMPONENTS: readonly { component: 'flannel' | 'coredns'; namespaces?: readonly string[]; labels: readonly [string, string][]; namePrefix: RegExp }[] = [
  { component: 'flannel', namespaces: ['kube-flannel', 'kube-system'], labels: [['app', 'flannel'], ['k8s-app', 'flannel']], namePrefix: /^kube-flannel-ds/ },
  { component: 'coredns', labels: [['k8s-app', 'kube-dns']], namePrefix: /^coredns-/ },
];

/** Waiting reasons of a container that keeps failing to start or run. */
export const CRASH_WAITING_REASONS: ReadonlySet<string> = new Set(['CrashLoopBackOff', 'RunContainerError', 'CreateContainerError']);

/** A node NotReady because of its network or runtime (kubelet's Ready condition message, facts §4.4). */
export const NODE_NETWORK_OR_RUNTIME = /network|CNI|runtime|PLEG|containerd|docker|cri-o|crio|Kubelet stopped posting node status|NodeStatusUnknown/i;

/**
 * DNS failures in a pod's log. A line counts when the catalog classifies it as a DNS cause and it is
 * not a plain NXDOMAIN (`no such host` alone is an answer from a working resolver: the name does not
 * exist). Only the last DNS_LOG_RECENT_LINES lines of a log count, so an error at start-up days ago
 * that the pod recovered from does not raise an alarm.
 */
export const DNS_LOG_CAUSES: readonly string[] = ['dns.', 'registry.dns'];
export const DNS_LOG_PREFILTER = /lookup|resolv|dns|:53\b|name resolution|getaddrinfo|no servers|servfail|loop|nameserver/i;
export const DNS_LOG_NXDOMAIN_ONLY = /: no such host\s*$|NXDOMAIN/i;
export const DNS_LOG_RECENT_LINES = 50;

const PULL_DECIDE = [
  'kubectl get events -n {namespace} --field-selector involvedObject.kind=Pod,involvedObject.name={pod} (a pull retried within the hour leaves the detailed `Failed to pull image` event)',
  'on node {node}: flannel-doctor probe registry {image} (DNS, TCP, TLS, auth and manifest, timed per phase, with the node\'s containerd config)',
  'on node {node}: crictl pull {image} (the runtime\'s own error, as kubelet saw it)',
];

export const SYMPTOMS: Readonly<Record<SymptomKind, SymptomSpec>> = {
  'image-pull': {
    kind: 'image-pull',
    title: 'a container cannot get its image',
    tier: 'application',
    podCauses: ['image.', 'registry.', 'runtime.unavailable', 'dns.node-resolver', 'node.'],
    nodeCauses: ['runtime.unavailable', 'dns.node-resolver', 'image.disk-full'],
    clusterCauses: [],
    candidates: [
      'image.not-found',
      'image.auth-missing',
      'image.auth-rejected',
      'image.rate-limited',
      'registry.dns',
      'registry.connect-timeout',
      'registry.connection-refused',
      'registry.tls-untrusted',
      'registry.proxy',
      'registry.mirror-misconfigured',
      'registry.server-error',
      'dns.node-resolver',
    ],
    decide: PULL_DECIDE,
  },
  'pod-start': {
    kind: 'pod-start',
    title: 'a pod cannot get its sandbox or network',
    tier: 'network',
    podCauses: ['cni.', 'flannel.', 'runtime.unavailable', 'node.', 'image.'],
    nodeCauses: ['cni.', 'flannel.no-pod-cidr', 'flannel.daemon-down', 'flannel.config-invalid', 'runtime.unavailable', 'node.not-ready'],
    clusterCauses: ['flannel.config-invalid', 'flannel.network-mismatch', 'flannel.rbac'],
    candidates: ['cni.config-missing', 'cni.plugin-missing', 'cni.config-invalid', 'cni.subnet-env-missing', 'cni.ipam-exhausted', 'cni.bridge-ip-conflict', 'flannel.daemon-down', 'runtime.unavailable'],
    decide: [
      'kubectl get events -n {namespace} --field-selector involvedObject.kind=Pod,involvedObject.name={pod}',
      'on node {node}: flannel-doctor node (CNI config and binaries, subnet.env, cni0, IPAM state)',
      'on node {node}: journalctl -u kubelet --since -1h | grep -i -e sandbox -e cni',
    ],
  },
  'crash-loop': {
    kind: 'crash-loop',
    title: 'flannel or CoreDNS keeps crashing',
    tier: 'network',
    podCauses: [],
    nodeCauses: ['flannel.', 'node.', 'cni.', 'runtime.unavailable'],
    clusterCauses: ['flannel.', 'dns.'],
    candidates: ['flannel.config-invalid', 'flannel.rbac', 'flannel.no-pod-cidr', 'flannel.wrong-iface', 'dns.loop', 'dns.coredns-down'],
    decide: [
      'kubectl logs -n {namespace} {pod} -c {container} --previous',
      'kubectl describe pod -n {namespace} {pod}',
    ],
  },
  'node-not-ready': {
    kind: 'node-not-ready',
    title: 'a node is NotReady for its network or runtime',
    tier: 'infrastructure',
    podCauses: [],
    nodeCauses: ['node.not-ready', 'cni.', 'runtime.unavailable', 'flannel.daemon-down', 'flannel.no-pod-cidr'],
    clusterCauses: [],
    candidates: ['cni.config-missing', 'runtime.unavailable', 'node.not-ready'],
    decide: ['kubectl describe node {node}', 'on node {node}: flannel-doctor node', 'on node {node}: systemctl status kubelet containerd'],
  },
  'dns-log': {
    kind: 'dns-log',
    title: 'a pod logs DNS failures',
    tier: 'network',
    podCauses: ['dns.', 'flannel.', 'node.', 'cni.'],
    nodeCauses: ['dns.', 'flannel.', 'node.'],
    clusterCauses: ['dns.', 'flannel.'],
    candidates: ['dns.service-unreachable', 'dns.coredns-down', 'dns.upstream', 'dns.loop', 'flannel.vxlan-blocked', 'node.br-netfilter'],
    decide: [
      'on node {node}: flannel-doctor probe dns (pod → Service IP → CoreDNS pods → upstream, each timed)',
      'kubectl logs -n kube-system -l k8s-app=kube-dns --tail=100',
    ],
  },
};

/** Whether `cause` is one of `list` (ids, or prefixes ending in a dot). */
export function causeIn(cause: string, list: readonly string[]): boolean {
  return list.some((c) => (c.endsWith('.') ? cause.startsWith(c) : cause === c));
}
