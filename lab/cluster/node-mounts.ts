/**
 * A lab node's machine view: a mount namespace in which the node's file tree is bind-mounted over the
 * standard paths, held open by an anchor process. Every node daemon enters it (and the node's network
 * namespace) with `nsenter -t <anchor>`, so containerd, the kubelet, kube-proxy and the unmodified
 * hostPaths of the real manifests all see their own node. `/` is a slave: nothing propagates back to
 * the host, and the mounts vanish with the last process of the namespace.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LabNode, LabState } from '../types.js';

/** Standard paths a node owns; each is bind-mounted from `<node root><path>`. */
export const NODE_PATHS = [
  '/etc/cni',
  '/opt/cni',
  '/run/flannel',
  '/var/lib/cni',
  '/var/lib/kubelet',
  '/var/log/pods',
  '/var/log/containers',
  '/etc/kubernetes',
  '/etc/containerd',
  '/var/lib/containerd',
  // containerd's shim sockets and pod network namespaces live at fixed paths under /run
  '/run/containerd',
  '/run/netns',
] as const;

export function anchorKey(node: string): string {
  return `anchor:${node}`;
}

/** Mount points missing on the host are created empty (and recorded for removal on teardown). */
export function ensureMountPoints(state: LabState): void {
  for (const p of NODE_PATHS) {
    if (fs.existsSync(p)) continue;
    // Record the topmost directory we create, so teardown removes exactly what the lab made.
    let top: string = p;
    while (!fs.existsSync(path.dirname(top))) top = path.dirname(top);
    fs.mkdirSync(p, { recursive: true });
    (state.outsideDirs ??= []).push(top);
  }
}

/**
 * Removes the empty mount points the lab created on the host (never a directory holding anything),
 * unless another lab is up: since Linux 3.18, removing a directory that is a mount point in another
 * mount namespace detaches those mounts, so an rmdir here would pull /var/lib/containerd, the
 * kubelet's dir and the CNI dirs out from under every other lab's nodes (seen: containerd of a
 * running lab lost its snapshots mid-pull).
 */
export function removeMountPoints(state: LabState, otherLabsUp = otherLabs(state).length > 0): string[] {
  const removed: string[] = [];
  if (otherLabsUp) return removed;
  for (const top of [...(state.outsideDirs ?? [])].reverse()) {
    try {
      removeEmptyTree(top);
      removed.push(top);
    } catch {
      // not empty or already gone: leave it
    }
  }
  return removed;
}

/** Other labs whose state directory exists beside this one's (they may be up: their nodes use the mount points). */
export function otherLabs(state: Pick<LabState, 'dir'>): string[] {
  const base = path.dirname(state.dir);
  try {
    return fs.readdirSync(base).filter((n) => path.join(base, n) !== state.dir && fs.existsSync(path.join(base, n, 'state.json')));
  } catch {
    return [];
  }
}

function removeEmptyTree(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) throw new Error(`${dir} is not empty`);
    removeEmptyTree(path.join(dir, e.name));
  }
  fs.rmdirSync(dir);
}

/** The shell script the anchor runs inside its new mount namespace (and the node's netns). */
export function anchorScript(node: LabNode): string {
  const lines = ['set -e'];
  for (const p of NODE_PATHS) {
    const src = path.join(node.root, p);
    lines.push(`mkdir -p '${src}'`, `mount --bind '${src}' '${p}'`);
  }
  // The node's resolver, as /etc/resolv.conf: what containerd's pulls and the kubelet's pods inherit.
  lines.push(`mount --bind '${path.join(node.root, 'etc/resolv.conf')}' /etc/resolv.conf`);
  lines.push('exec sleep infinity');
  return lines.join('\n');
}

/** argv that starts the anchor: a new mount namespace (slave), entering the node's netns. */
export function anchorArgv(node: LabNode): string[] {
  return ['unshare', '--mount', '--propagation', 'slave', '--', 'nsenter', `--net=/run/netns/${node.netns}`, '--', 'sh', '-c', anchorScript(node)];
}

/** argv prefix that runs a program inside a node (its mount and network namespaces). */
export function inNode(anchorPid: number, argv: string[]): string[] {
  return ['nsenter', '-t', String(anchorPid), '-m', '-n', '--', ...argv];
}
