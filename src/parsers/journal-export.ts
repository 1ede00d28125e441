import type { ParseProblem } from '../evidence/node.js';

/** One entry of `journalctl -o export`: the fields that matter for classification. */
export interface JournalEntry {
  message: string;
  /** SYSLOG_IDENTIFIER, else _COMM, else _SYSTEMD_UNIT */
  ident?: string;
  unit?: string;
  /** __REALTIME_TIMESTAMP in microseconds */
  realtime?: number;
  /** 1-based line in the export where the entry starts */
  line: number;
}

/**
 * Parses the journal export format: entries of `FIELD=value` lines separated by a blank line;
 * a field whose value holds newlines is written as `FIELD\n` + 64-bit little-endian length + bytes + `\n`.
 * Works on bytes so binary fields are read exactly; a truncated entry is reported, never thrown.
 */
export function parseJournalExport(data: Buffer, file: string): { entries: JournalEntry[]; problems: ParseProblem[] } {
  const entries: JournalEntry[] = [];
  const problems: ParseProblem[] = [];
  let fields: Record<string, string> = {};
  let line = 1;
  let entryLine = 1;
  let pos = 0;
  const flush = () => {
    if (Object.keys(fields).length) {
      if (fields.MESSAGE !== undefined) {
        const e: JournalEntry = { message: fields.MESSAGE, line: entryLine };
        const ident = fields.SYSLOG_IDENTIFIER ?? fields._COMM ?? fields._SYSTEMD_UNIT;
        if (ident) e.ident = ident;
        if (fields._SYSTEMD_UNIT) e.unit = fields._SYSTEMD_UNIT;
        const rt = Number(fields.__REALTIME_TIMESTAMP);
        if (Number.isFinite(rt) && fields.__REALTIME_TIMESTAMP) e.realtime = rt;
        entries.push(e);
      }
      fields = {};
    }
  };
  while (pos < data.length) {
    let nl = data.indexOf(10, pos);
    if (nl === -1) nl = data.length;
    if (nl === pos) {
      flush();
      line++;
      pos = nl + 1;
      entryLine = line;
      continue;
    }
    const eq = data.indexOf(61, pos); // '='
    if (eq !== -1 && eq < nl) {
      fields[data.toString('latin1', pos, eq)] = data.toString('utf8', eq + 1, nl);
      line++;
      pos = nl + 1;
      continue;
    }
    // Binary field: name, newline, u64 LE size, data, newline.
    const name = data.toString('latin1', pos, nl);
    if (nl + 9 > data.length) {
      problems.push({ file, line, field: name, message: `binary field ${name} is truncated` });
      break;
    }
    const size = Number(data.readBigUInt64LE(nl + 1));
    const start = nl + 9;
    if (size > data.length - start) {
      problems.push({ file, line, field: name, message: `binary field ${name} claims ${size} bytes but the file ends first` });
      break;
    }
    const value = data.subarray(start, start + size);
    fields[name] = value.toString('utf8');
    // Count every newline consumed (the size bytes and the value may hold some, and the byte after the
    // value should be one) so later problems point at the right line of the file.
    const end = Math.min(start + size + 1, data.length);
    for (let i = nl; i < end; i++) if (data[i] === 10) line++;
    pos = end;
  }
  flush();
  return { entries, problems };
}
