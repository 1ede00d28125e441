import type { FixStepSource } from '../../catalog/fix-types.js';
import type { Evidence } from '../../evidence/types.js';
import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';
import { parseIPv4 } from '../_cidr.js';

const isIp = (s: string) => parseIPv4(s) !== undefined || /^[0-9a-f:]+(%\w+)?$/i.test(s);

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const FILE = /^\/[A-Za-z0-9_./-]+$/;

/**
 * The nameservers this node should have: those every other node in the evidence uses (the same
 * network, the same DHCP or resolver), written into the file the node reads. Also what makes it
 * last: the file is written by NetworkManager, netplan or systemd-resolved, which would rewrite it.
 * No other node to learn from: the operator names the server.
 */
function resolverFix(evidence: Readonly<Evidence>, node: string, file: string | undefined): FixStepSource[] {
  const persist = `Make it last: set the DNS servers where ${file ?? '/etc/resolv.conf'} is generated (NetworkManager: nmcli connection modify <connection> ipv4.dns <servers>; netplan: nameservers.addresses; DHCP: the server's option 6)`;
  const others = Object.values(evidence.nodes).filter((n) => n.name !== node && n.resolvConf?.nameservers.length);
  const sets = [...new Set(others.map((n) => n.resolvConf!.nameservers.filter((x) => IPV4.test(x)).slice(0, 3).join(' ')))].filter(Boolean);
  const target = file && FILE.test(file) ? file : '/etc/resolv.conf';
  if (sets.length !== 1) {
    return [`On ${node}: give the node a reachable resolver, e.g. echo 'nameserver <your DNS server>' >> ${target} (the other nodes ${sets.length ? 'disagree' : 'do not show one'})`, persist];
  }
  const servers = sets[0].split(' ');
  return [
    {
      step: 'resolver.nameservers',
      data: { file: target, servers: servers.join(' ') },
      text: `Give {node} the nameserver${servers.length > 1 ? 's' : ''} every other node uses (${servers.join(', ')}) in {file}, the rest of the file kept`,
    },
    persist,
  ];
}

export default defineRule({
  id: 'dns/node-resolver',
  layer: 'dns',
  description:
    "The node's own resolv.conf must name a usable nameserver: containerd resolves registry hosts with it (not with CoreDNS), and dnsPolicy Default pods, CoreDNS among them, inherit it.",
  causes: ['dns.node-resolver'],
  scope: 'node',
  needs: ['node.resolvConf'],
  severity: 'error',
  messages: {
    missing: 'node {node}: /etc/resolv.conf does not exist; the node cannot resolve registry names',
    none: 'node {node}: {file} has no nameserver line',
    invalid: 'node {node}: {file} names no valid nameserver ({values})',
    tooMany: 'node {node}: {file} lists {count} nameservers; only the first 3 are used ({ignored} ignored)',
  },
  docs: 'Image pulls do not use CoreDNS: containerd runs in the host network namespace and resolves with the node\'s /etc/resolv.conf, so "lookup <registry> on <server>:53: no such host" points here (facts §9). glibc and kubelet use at most 3 nameservers; kubelet warns with DNSConfigForming "Nameserver limits were exceeded".',
  check(ctx) {
    const { evidence, node } = ctx;
    const report = reportWithLogs(ctx, 'dns.node-resolver');
    const rc = node.resolvConf;
    const fixUpstream = resolverFix(evidence, node.name, rc?.file);
    if (!rc) {
      report({ messageId: 'missing', data: { node: node.name }, evidence: [{ where: `node ${node.name}: /etc/resolv.conf`, what: 'file not found (a dangling systemd-resolved symlink?)' }], fix: fixUpstream });
      return;
    }
    const where = `node ${node.name}: ${rc.file}`;
    if (!rc.nameservers.length) {
      report({ messageId: 'none', data: { node: node.name, file: rc.file }, evidence: [{ where, what: 'no nameserver line (glibc then asks 127.0.0.1, where nothing may listen)' }, ...rc.problems.map((p) => ({ where: `${where}${p.line ? `:${p.line}` : ''}`, what: p.message }))], fix: fixUpstream });
      return;
    }
    const valid = rc.nameservers.filter(isIp);
    if (!valid.length) {
      report({ messageId: 'invalid', data: { node: node.name, file: rc.file, values: rc.nameservers.join(', ') }, evidence: [{ where, what: rc.nameservers.map((n) => `nameserver ${n}`).join('; ') }], fix: fixUpstream });
      return;
    }
    if (valid.length > 3) {
      report({
        messageId: 'tooMany',
        severity: 'warning',
        data: { node: node.name, file: rc.file, count: valid.length, ignored: valid.slice(3).join(', ') },
        evidence: [{ where, what: valid.map((n) => `nameserver ${n}`).join('; ') }],
        fix: [`Keep at most 3 nameserver lines in ${rc.file} (or point kubelet's resolvConf at a file with at most 3)`],
      });
    }
  },
});
