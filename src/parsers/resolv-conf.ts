import { isIP } from 'node:net';
import type { ResolvConf } from '../evidence/node.js';

/**
 * Parses resolv.conf the way the glibc/Go resolvers read it: `nameserver`, `search`/`domain` (the last
 * one wins), `options`; `#` and `;` start comments; unknown keywords are ignored, as resolvers do.
 */
export function parseResolvConf(text: string, file: string): ResolvConf {
  const out: ResolvConf = { file, nameservers: [], search: [], options: [], problems: [] };
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/[#;].*$/, '').trim();
    if (!line) return;
    const [kw, ...args] = line.split(/\s+/);
    const n = i + 1;
    switch (kw) {
      case 'nameserver': {
        const addr = args[0];
        if (!addr) out.problems.push({ file, line: n, field: 'nameserver', message: 'nameserver without an address' });
        else if (!isIP(addr.replace(/%.*$/, ''))) out.problems.push({ file, line: n, field: 'nameserver', message: `nameserver "${addr.slice(0, 80)}" is not an IP address` });
        else out.nameservers.push(addr);
        break;
      }
      case 'search':
      case 'domain':
        if (!args.length) out.problems.push({ file, line: n, field: kw, message: `${kw} without a value` });
        out.search = kw === 'domain' ? args.slice(0, 1) : args;
        break;
      case 'options':
        out.options.push(...args);
        break;
      default:
        break;
    }
  });
  return out;
}
