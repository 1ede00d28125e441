/**
 * CoreDNS Corefile, read leniently: server blocks (`.:53 { … }`), their plugins with arguments and
 * nested option lines, each with its line number. Enough for rules that look for `forward`, `loop`,
 * `kubernetes`; not a full Caddyfile implementation (no snippets expansion, no env substitution).
 */

export interface CorefileDirective {
  name: string;
  args: string[];
  line: number;
  /** Lines inside the directive's own block (`max_concurrent 1000`). */
  options: { name: string; args: string[]; line: number }[];
}

export interface CorefileServer {
  /** Keys as written: `.:53`, `example.com`, `dns://.:53`. */
  keys: string[];
  /** Zones of the keys without scheme and port: `.`, `example.com.`. */
  zones: string[];
  line: number;
  plugins: CorefileDirective[];
}

export interface Corefile {
  servers: CorefileServer[];
  problems: { line: number; message: string }[];
}

/** Words of a line, honouring double quotes; `{` and `}` become their own tokens. */
function tokens(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|([{}])|([^\s{}"]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

function zoneOf(key: string): string {
  let k = key.replace(/^[a-z]+:\/\//, '');
  k = k.replace(/:\d+$/, '');
  if (k === '' || k === '.') return '.';
  return k.endsWith('.') ? k.toLowerCase() : k.toLowerCase() + '.';
}

export function parseCorefile(text: string): Corefile {
  const out: Corefile = { servers: [], problems: [] };
  let depth = 0;
  let server: CorefileServer | undefined;
  let directive: CorefileDirective | undefined;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.replace(/(^|\s)#.*$/, '');
    let toks = tokens(line);
    while (toks.length) {
      if (depth === 0) {
        const open = toks.indexOf('{');
        const keys = (open < 0 ? toks : toks.slice(0, open)).flatMap((t) => t.split(',')).filter(Boolean);
        if (keys.length) {
          if (server && !server.plugins.length && server.line === lineNo) server.keys.push(...keys);
          else {
            server = { keys, zones: keys.map(zoneOf), line: lineNo, plugins: [] };
            out.servers.push(server);
          }
        }
        if (open < 0) {
          toks = [];
          break;
        }
        depth = 1;
        toks = toks.slice(open + 1);
        continue;
      }
      if (toks[0] === '}') {
        depth--;
        if (depth === 1) directive = undefined;
        if (depth === 0) server = undefined;
        toks = toks.slice(1);
        continue;
      }
      const open = toks.indexOf('{');
      const close = toks.indexOf('}');
      const endAt = [open, close].filter((x) => x >= 0).sort((a, b) => a - b)[0] ?? toks.length;
      const words = toks.slice(0, endAt);
      if (words.length) {
        if (depth === 1 && server) {
          directive = { name: words[0], args: words.slice(1), line: lineNo, options: [] };
          server.plugins.push(directive);
        } else if (depth >= 2 && directive) directive.options.push({ name: words[0], args: words.slice(1), line: lineNo });
        else if (!server) out.problems.push({ line: lineNo, message: `"${words.join(' ')}" is outside any server block` });
      }
      if (endAt === open) depth++;
      toks = toks.slice(endAt === toks.length ? toks.length : endAt === open ? open + 1 : endAt);
    }
  });
  if (depth > 0) out.problems.push({ line: lines.length, message: `${depth} unclosed "{" at end of Corefile` });
  return out;
}

/** Forward targets of a server block's `forward <from> <to…>` plugins. */
export function forwardTargets(server: CorefileServer): { from: string; to: string[]; line: number }[] {
  return server.plugins.filter((p) => p.name === 'forward' || p.name === 'proxy').map((p) => ({ from: p.args[0] ?? '.', to: p.args.slice(1), line: p.line }));
}

/** True for 127.0.0.0/8 and ::1 upstreams, with optional scheme and port (`dns://127.0.0.53:53`). */
export function isLoopbackUpstream(target: string): boolean {
  const t = target.replace(/^[a-z]+:\/\//, '');
  if (/^\[?::1\]?(:\d+)?$/.test(t)) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}(:\d+)?$/.test(t);
}
