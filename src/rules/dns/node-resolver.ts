import { defineRule } from '../define-rule.js';
import { reportWithLogs } from '../_log-evidence.js';
import { parseIPv4 } from '../_cidr.js';

const isIp = (s: string) => parseIPv4(s) !== undefined || /^[0-9a-f:]+(%\w+)?$/i.test(s);

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
    const { node } = ctx;
    const report = reportWithLogs(ctx, 'dns.node-resolver');
    const rc = node.resolvConf;
    const fixUpstream = [
      `On ${node.name}: give the node a reachable resolver, e.g. echo 'nameserver <your DNS server>' > /etc/resolv.conf (or fix systemd-resolved / NetworkManager that writes it)`,
      'Verify: getent hosts <registry host> on the node, then re-pull',
    ];
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
