/**
 * Backing up what a fix step changes, before it runs: each file or directory that exists is copied
 * next to itself as <path>.flannel-doctor-<stamp>.bak (cp -a keeps owner, mode and times). The same
 * shell text runs wherever the step runs (this machine, or inside a lab node), so the backup lands
 * on the node that owns the file.
 */

const PATH = /^\/[A-Za-z0-9_.:/-]+$/;

/** The suffix of this run's backups, e.g. 20261202T210340Z (one per run: a second run never overwrites). */
export function backupStamp(now = new Date()): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

export function backupPath(file: string, stamp: string): string {
  return `${file.replace(/\/+$/, '')}.flannel-doctor-${stamp}.bak`;
}

/**
 * The shell command that makes the backups; undefined when there is nothing to back up. A path
 * that is not a plain absolute path is refused (the step is then not applied): it came from evidence.
 */
export function backupCommand(files: readonly string[] | undefined, stamp: string): { command?: string; refused?: string } {
  if (!files?.length) return {};
  const bad = files.find((f) => !PATH.test(f) || f.includes('/../'));
  if (bad) return { refused: `will not back up ${JSON.stringify(bad).slice(0, 80)}: not a plain absolute path` };
  return { command: files.map((f) => `if [ -e ${f} ]; then cp -a ${f} ${backupPath(f, stamp)}; fi`).join(' && ') };
}
