/**
 * Fix steps as data. A step's texts may hold {placeholders} (a name in braces, letters and digits,
 * see ./fix-variables.ts); they are filled from the finding: its scope, its data and what the
 * evidence says about the cluster. A plain string is advice for a person (never applied by a tool);
 * an object says where the step runs, the exact command, and how to check that it took effect.
 */

/**
 * Where a step runs:
 * - node: on each node of the finding, as root (the agent or `flannel-doctor node` can run it there);
 * - cluster: anywhere with the kubeconfig (kubectl against the API server);
 * - registry: on the registry's host (outside the cluster: never applied by flannel-doctor);
 * - person: a decision or a change outside the cluster (a proxy, a password rotation).
 */
export type FixPlace = 'node' | 'cluster' | 'registry' | 'person';

export interface FixStepSpec {
  /** What to do and why, one sentence for a person. */
  text: string;
  on: FixPlace;
  /** The exact shell command (POSIX sh, one line) that makes the change. */
  run?: string;
  /** A shell command, run at the same place, that exits 0 once the change holds. */
  verify?: string;
  /** Why a tool must not apply this step on its own (a secret only the operator has, a choice between options). */
  manual?: string;
  /** Files the command changes (absolute paths on the node): `fix --yes` backs each one up first. */
  changes?: string[];
}

/**
 * A named step of the catalog (./fix-steps.ts) with its data, the way an ESLint suggestion names a
 * message and fills it: the command is written once, in the catalog, and rules refer to it.
 */
export interface FixStepRef {
  step: FixStepName;
  /** Fills the entry's {placeholders} (./fix-variables.ts); the finding's scope and data fill the rest. */
  data?: Record<string, string | number>;
  /** Why this step, in the rule's words; the entry's own text by default. */
  text?: string;
  /** Why a tool must not apply it here (it completes a change made by hand, say); the entry's own by default. */
  manual?: string;
}

export type FixStepName =
  | 'flannel.restart'
  | 'flannel.rollout-restart'
  | 'flannel.daemonset-patch'
  | 'flannel.net-conf'
  | 'coredns.corefile'
  | 'coredns.rollout-restart'
  | 'iptables.accept'
  | 'iptables.delete'
  | 'sysctl.set'
  | 'sysctl.persist'
  | 'module.load'
  | 'module.persist'
  | 'cni.bridge-address-del'
  | 'cni.bridge-delete'
  | 'cni.ipam-release'
  | 'pods.on-node'
  | 'deployment.scale'
  | 'resolver.nameservers'
  | 'route.replace-onlink'
  | 'route.replace'
  | 'flannel.add-arg'
  | 'node.pod-cidr'
  | 'iptables.accept-each'
  | 'secret.docker-registry'
  | 'containerd.hosts-http'
  | 'containerd.hosts-http-new'
  | 'link.mtu'
  | 'link.mtu-at-most'
  | 'pods.delete'
  | 'pod.replace'
  | 'link.delete'
  | 'link.up'
  | 'containerd.restart'
  | 'iptables.append'
  | 'pod.delete'
  | 'secret.docker-registry-replace'
  | 'serviceaccount.pull-secrets'
  | 'containerd.hosts-drop-host'
  | 'containerd.hosts-add-host';

export type FixStepSource = string | FixStepSpec | FixStepRef;
