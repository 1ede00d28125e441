/** Inputs of the mesh probe: a plain list of nodes (from the lab, the agent or a file). */

export interface MeshTarget {
  /** node name */
  name: string;
  /** network namespace to run the node's probes in; undefined = where this process runs */
  netns?: string;
  /** the node's underlay address (flannel's public-ip) */
  underlayIp: string;
  /** address on the node's flannel.1 (the network address of its pod subnet, e.g. 10.244.1.0) */
  flannelIp?: string;
  /** flannel.1 MTU (FLANNEL_MTU); default 1450 */
  flannelMtu?: number;
  /** the node's VTEP MAC, when known from the node annotation (else read from flannel.1) */
  vtepMac?: string;
  /** one pod on the node, to probe pod→pod */
  pod?: { ip: string; netns?: string; mtu?: number; name?: string };
}

export interface MeshExecResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs argv inside a network namespace (or here when netns is undefined). LabHandle satisfies it. */
export interface MeshRunner {
  exec(netns: string | undefined, argv: string[], opts?: { allowFail?: boolean; input?: string }): Promise<MeshExecResult>;
}
