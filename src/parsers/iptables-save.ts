import type { IptablesState } from '../evidence/node.js';

/**
 * Parses `iptables-save` output (legacy or nf_tables variant): tables (`*filter`), chain policies
 * (`:FORWARD DROP [0:0]`), rules (`-A CHAIN … -j TARGET`) and `COMMIT`. The backend comes from the
 * header comment ("(nf_tables)" or "(legacy)"). Unknown lines become located problems.
 */
export function parseIptablesSave(text: string, file: string): IptablesState {
  const out: IptablesState = { file, policies: {}, rules: [], problems: [] };
  let table: string | undefined;
  let tableLine = 0;
  const chains = new Set<string>();
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '').trim();
    const n = i + 1;
    if (!line) return;
    if (line.startsWith('#')) {
      if (!out.backend) {
        if (line.includes('(nf_tables)')) out.backend = 'nft';
        else if (line.includes('(legacy)')) out.backend = 'legacy';
      }
      return;
    }
    if (line.startsWith('*')) {
      if (table) out.problems.push({ file, line: tableLine, message: `table ${table} has no COMMIT` });
      table = line.slice(1).trim();
      tableLine = n;
      chains.clear();
      if (!table) out.problems.push({ file, line: n, message: 'table line without a table name' });
      out.policies[table] ??= {};
      return;
    }
    if (line === 'COMMIT') {
      if (!table) out.problems.push({ file, line: n, message: 'COMMIT outside a table' });
      table = undefined;
      return;
    }
    if (!table) {
      out.problems.push({ file, line: n, message: `"${clip(line)}" outside a table (*filter, *nat, …)` });
      return;
    }
    if (line.startsWith(':')) {
      const m = /^:(\S+)\s+(\S+)/.exec(line);
      if (!m) {
        out.problems.push({ file, line: n, message: `malformed chain line "${clip(line)}"` });
        return;
      }
      chains.add(m[1]);
      // User chains show "-" as policy; only built-in chains have one.
      if (m[2] !== '-') out.policies[table][m[1]] = m[2];
      return;
    }
    if (line.startsWith('-A ') || line.startsWith('-I ')) {
      const m = /^-[AI]\s+(\S+)\s*(.*)$/.exec(line);
      if (!m) {
        out.problems.push({ file, line: n, message: `rule without a chain: "${clip(line)}"` });
        return;
      }
      const rule = m[2];
      const t = /(?:^|\s)-[jg]\s+(\S+)/.exec(rule) ?? /(?:^|\s)--(?:jump|goto)\s+(\S+)/.exec(rule);
      if (!chains.has(m[1])) out.problems.push({ file, line: n, message: `rule for chain ${m[1]}, which was not declared in table ${table}` });
      out.rules.push({ table, chain: m[1], rule, ...(t ? { target: t[1] } : {}) });
      return;
    }
    out.problems.push({ file, line: n, message: `unrecognised line "${clip(line)}"` });
  });
  if (table) out.problems.push({ file, line: tableLine, message: `table ${table} has no COMMIT` });
  out.backend ??= 'unknown';
  return out;
}

function clip(s: string): string {
  return s.length > 80 ? s.slice(0, 77) + '...' : s;
}
