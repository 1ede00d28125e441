/** Module names from /proc/modules ("name size refcount deps state address" per line). */
export function parseProcModules(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const name = line.trim().split(/\s+/)[0];
    if (name && /^[\w-]+$/.test(name)) out.push(name);
  }
  return out;
}
