import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Node configuration files whose changes the agent records ("what changed before it broke"). */
export const WATCHED_FILES = [
  'etc/cni/net.d/10-flannel.conflist',
  'run/flannel/subnet.env',
  'etc/containerd/config.toml',
  'etc/resolv.conf',
  'etc/docker/daemon.json',
] as const;

export interface FileSnapshot {
  file: string;
  /** sha256 prefix, or 'absent' */
  fingerprint: string;
  /** Kept to diff against the next version; never holds secrets (these files carry none). */
  text?: string;
}

export interface ConfigChange {
  at: string;
  file: string;
  from: string;
  to: string;
  diff: string[];
}

const MAX_TEXT = 64 * 1024;

export function snapshot(hostRoot: string, files: readonly string[] = WATCHED_FILES): FileSnapshot[] {
  return files.map((f) => {
    try {
      const text = readFileSync(join(hostRoot, f), 'utf8').slice(0, MAX_TEXT);
      return { file: '/' + f, fingerprint: createHash('sha256').update(text).digest('hex').slice(0, 12), text };
    } catch {
      return { file: '/' + f, fingerprint: 'absent' };
    }
  });
}

/** Changes between two snapshots, each with a small line diff. */
export function changesBetween(prev: FileSnapshot[], next: FileSnapshot[], at: string): ConfigChange[] {
  const out: ConfigChange[] = [];
  for (const n of next) {
    const p = prev.find((x) => x.file === n.file);
    if (!p || p.fingerprint === n.fingerprint) continue;
    out.push({ at, file: n.file, from: p.fingerprint, to: n.fingerprint, diff: lineDiff(p.text ?? '', n.text ?? '') });
  }
  return out;
}

/** A minimal line diff: lines removed (-) and added (+), in order, capped. */
export function lineDiff(a: string, b: string, max = 40): string[] {
  const al = a ? a.split('\n') : [];
  const bl = b ? b.split('\n') : [];
  const inB = new Set(bl);
  const inA = new Set(al);
  const out = [...al.filter((l) => !inB.has(l)).map((l) => `- ${l}`), ...bl.filter((l) => !inA.has(l)).map((l) => `+ ${l}`)];
  return out.length > max ? [...out.slice(0, max), `… ${out.length - max} more lines`] : out;
}
