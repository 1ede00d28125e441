/**
 * Node evidence files for `diagnose --node-evidence DIR`: what `flannel-doctor node -o json` printed on
 * each node, either `{ "evidence": NodeEvidence, … }` or a plain NodeEvidence.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { readBounded } from './bounded-read.js';
import type { NodeEvidence } from '../evidence/node.js';
import { yamlLib } from '../yaml-lib.js';

/** Line of a JSON syntax error: from V8's "position N" when given, else from the YAML parser (JSON is YAML). */
export function jsonErrorLine(text: string, e: unknown): number | undefined {
  const m = /position (\d+)/.exec(e instanceof Error ? e.message : '');
  if (m) return text.slice(0, Number(m[1])).split('\n').length;
  // yaml is required only here, on a syntax error, so reading good files never loads it.
  const { parseDocument } = yamlLib();
  const err = parseDocument(text, { prettyErrors: true }).errors[0];
  return err?.linePos?.[0].line;
}

export async function readNodeEvidence(path: string): Promise<NodeEvidence[]> {
  let st;
  try {
    st = await stat(path);
  } catch {
    throw new InputError(path, 'no such file or directory');
  }
  const files = st.isDirectory() ? (await readdir(path)).filter((f) => f.endsWith('.json')).sort().map((f) => join(path, f)) : [path];
  if (!files.length) throw new InputError(path, 'no .json files here (write them with flannel-doctor node -o json > <node>.json)');
  const out: NodeEvidence[] = [];
  for (const f of files) {
    // a FIFO or device is refused, never waited on; node evidence is a few MB at most
    const text = await readBounded(f, { maxBytes: 256 * 1024 * 1024, timeoutMs: 60_000, followSymlink: true }).catch((e: Error) => {
      throw new InputError(f, `cannot read: ${e.message}`);
    });
    out.push(parseNodeEvidence(text.toString('utf8'), f));
  }
  return out;
}

export function parseNodeEvidence(text: string, file: string): NodeEvidence {
  let v: any;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new InputError(file, 'not valid JSON', { line: jsonErrorLine(text, e) });
  }
  const ev = v && typeof v === 'object' && v.evidence && typeof v.evidence === 'object' ? v.evidence : v;
  if (!ev || typeof ev !== 'object' || typeof ev.name !== 'string' || !ev.name) {
    throw new InputError(file, 'not node evidence: expected {"evidence": {...}} or a NodeEvidence object with a "name"', { field: 'name' });
  }
  if (!Array.isArray(ev.gathered)) throw new InputError(file, 'node evidence has no "gathered" list', { field: 'gathered' });
  // Lists the rules iterate default to empty so a partial file never crashes a rule.
  for (const k of ['cniConfigs', 'cniBinaries', 'ipam', 'registryHosts', 'links', 'routes', 'neighbours', 'fdb', 'modules', 'logs', 'problems']) {
    if (!Array.isArray(ev[k])) ev[k] = [];
  }
  if (typeof ev.sysctls !== 'object' || ev.sysctls === null) ev.sysctls = {};
  return ev as NodeEvidence;
}
