/**
 * Where a real pod's network namespace is, seen from the host: the sandbox (pause) process of the pod,
 * found in the pod's cgroup that the node's kubelet created, gives `/proc/<pid>/ns/net`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LabNode, LabState } from '../types.js';
import { cgroupRoot } from './node.js';

const QOS_DIRS = ['', 'besteffort', 'burstable'];

/** `/proc/<pause pid>/ns/net` of the pod with this UID on this node, or undefined when it has no sandbox. */
export function podNetnsPath(state: LabState, node: LabNode, podUid: string): string | undefined {
  const base = path.join('/sys/fs/cgroup/pids', cgroupRoot(state, node), 'kubepods');
  for (const q of QOS_DIRS) {
    const dir = path.join(base, q, `pod${podUid}`);
    let entries: string[];
    try {
      entries = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const c of entries) {
      let procs: string[];
      try {
        procs = fs.readFileSync(path.join(dir, c, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean);
      } catch {
        continue;
      }
      for (const pid of procs) {
        const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0];
        if (cmd === '/pause') return `/proc/${pid}/ns/net`;
      }
    }
  }
  return undefined;
}
