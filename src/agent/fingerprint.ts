import { createHash } from 'node:crypto';
import { redactSecrets } from '../parsers/redact.js';
import { HostFiles } from '../sources/host/files.js';

/** Node configuration files whose changes the agent records ("what changed before it broke"). */
export const WATCHED_FILES = [
  '/etc/cni/net.d/10-flannel.conflist',
  '/run/flannel/subnet.env',
  '/etc/containerd/config.toml',
  '/etc/resolv.conf',
  '/etc/docker/daemon.json',
] as const;

export interface FileSnapshot {
  file: string;
  /** sha256 prefix, 'absent', or 'unreadable' (a FIFO, a link loop, too big: see `problem`) */
  fingerprint: string;
  /**
   * Kept to diff against the next version, redacted: containerd's config.toml may hold registry
   * credentials, and what is kept here is served in /api/v1/history.
   */
  text?: string;
  problem?: string;
}

export interface ConfigChange {
  at: string;
  file: string;
  from: string;
  to: string;
  diff: string[];
}

const MAX_TEXT = 64 * 1024;

/**
 * The watched files, read through the confined reader: a link planted at a watched path is followed
 * inside the host root only (never to the agent's own service-account token), and a FIFO or huge
 * file there is refused without blocking.
 */
export async function snapshot(files: HostFiles, watched: readonly string[] = WATCHED_FILES): Promise<FileSnapshot[]> {
  return Promise.all(watched.map(async (f): Promise<FileSnapshot> => {
    const r = await files.read(f, MAX_TEXT);
    if (r.error) return { file: f, fingerprint: 'unreadable', problem: r.error };
    if (r.text === undefined) return { file: f, fingerprint: 'absent' };
    return { file: f, fingerprint: createHash('sha256').update(r.text).digest('hex').slice(0, 12), text: redactSecrets(r.text) };
  }));
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
