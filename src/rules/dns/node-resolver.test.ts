import { testTempDir } from '../../test-temp-dir.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fillSteps } from '../../fix/steps.js';
import { testRule } from '../rule-tester.js';
import { breakNode, healthy } from '../_healthy-nodes.js';
import rule from './node-resolver.js';

testRule(rule, {
  healthy: [
    { name: 'one upstream', evidence: healthy() },
    { name: 'systemd-resolved stub is fine for the node itself', evidence: breakNode('n1', (n) => (n.resolvConf!.nameservers = ['127.0.0.53'])) },
  ],
  faulty: [
    { name: 'file missing', evidence: breakNode('n2', (n) => (n.resolvConf = undefined)), expect: [
      {
        cause: 'dns.node-resolver',
        messageId: 'missing',
        data: { node: 'n2' },
        nodes: ['n2'],
        fix: [
          "Give n2 the nameserver every other node uses (172.31.250.1) in /etc/resolv.conf, the rest of the file kept: t=$(grep -v '^[[:space:]]*nameserver[[:space:]]' /etc/resolv.conf); { printf '%s\\n' \"$t\"; printf 'nameserver %s\\n' 172.31.250.1; } > /etc/resolv.conf",
          `Make it last: set the DNS servers where /etc/resolv.conf is generated (NetworkManager: nmcli connection modify <connection> ipv4.dns <servers>; netplan: nameservers.addresses; DHCP: the server's option 6)`,
        ],
        steps: [
          {
            text: 'Give n2 the nameserver every other node uses (172.31.250.1) in /etc/resolv.conf, the rest of the file kept',
            on: 'node',
            run: "t=$(grep -v '^[[:space:]]*nameserver[[:space:]]' /etc/resolv.conf); { printf '%s\\n' \"$t\"; printf 'nameserver %s\\n' 172.31.250.1; } > /etc/resolv.conf",
            verify: "! printf 'nameserver %s\\n' 172.31.250.1 | grep -qvxF -f /etc/resolv.conf",
            changes: ['/etc/resolv.conf'],
          },
          {
            text: `Make it last: set the DNS servers where /etc/resolv.conf is generated (NetworkManager: nmcli connection modify <connection> ipv4.dns <servers>; netplan: nameservers.addresses; DHCP: the server's option 6)`,
            on: 'person',
            manual: 'advice for a person: no exact command',
          },
        ],
      },
    ] },
    { name: 'no nameserver', evidence: breakNode('n3', (n) => (n.resolvConf!.nameservers = [])), expect: [
      {
        cause: 'dns.node-resolver',
        messageId: 'none',
        data: { node: 'n3', file: '/etc/resolv.conf' },
        nodes: ['n3'],
        fix: [
          "Give n3 the nameserver every other node uses (172.31.250.1) in /etc/resolv.conf, the rest of the file kept: t=$(grep -v '^[[:space:]]*nameserver[[:space:]]' /etc/resolv.conf); { printf '%s\\n' \"$t\"; printf 'nameserver %s\\n' 172.31.250.1; } > /etc/resolv.conf",
          `Make it last: set the DNS servers where /etc/resolv.conf is generated (NetworkManager: nmcli connection modify <connection> ipv4.dns <servers>; netplan: nameservers.addresses; DHCP: the server's option 6)`,
        ],
      },
    ] },
    { name: 'hostname instead of IP', evidence: breakNode('n1', (n) => (n.resolvConf!.nameservers = ['dns.lab.internal'])), expect: [
      {
        cause: 'dns.node-resolver',
        messageId: 'invalid',
        data: { node: 'n1', file: '/etc/resolv.conf', values: 'dns.lab.internal' },
        nodes: ['n1'],
        fix: [
          "Give n1 the nameserver every other node uses (172.31.250.1) in /etc/resolv.conf, the rest of the file kept: t=$(grep -v '^[[:space:]]*nameserver[[:space:]]' /etc/resolv.conf); { printf '%s\\n' \"$t\"; printf 'nameserver %s\\n' 172.31.250.1; } > /etc/resolv.conf",
          `Make it last: set the DNS servers where /etc/resolv.conf is generated (NetworkManager: nmcli connection modify <connection> ipv4.dns <servers>; netplan: nameservers.addresses; DHCP: the server's option 6)`,
        ],
      },
    ] },
    {
      name: 'four nameservers',
      evidence: breakNode('n2', (n) => (n.resolvConf!.nameservers = ['172.31.250.1', '172.31.250.2', '9.9.9.9', '1.0.0.1'])),
      expect: [
        {
          cause: 'dns.node-resolver',
          messageId: 'tooMany',
          data: { node: 'n2', file: '/etc/resolv.conf', count: 4, ignored: '1.0.0.1' },
          nodes: ['n2'],
          severity: 'warning',
          fix: [
            `Keep at most 3 nameserver lines in /etc/resolv.conf (or point kubelet's resolvConf at a file with at most 3)`,
          ],
        },
      ],
    },
  ],
});

describe('the resolver.nameservers step', () => {
  it('replaces the nameserver lines, keeps the rest, and its verify tells before from after', () => {
    const file = join(testTempDir('fd-resolv-'), 'resolv.conf');
    writeFileSync(file, 'search lab.internal\nnameserver 10.0.0.99\noptions ndots:2\n');
    const [step] = fillSteps([{ step: 'resolver.nameservers', data: { file, servers: '172.31.250.1 172.31.250.2' } }], { node: 'n1' });
    const sh = (cmd: string) => spawnSync('sh', ['-c', cmd], { encoding: 'utf8' });
    expect(sh(step.verify!).status).not.toBe(0);
    expect(sh(step.run!).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('search lab.internal\noptions ndots:2\nnameserver 172.31.250.1\nnameserver 172.31.250.2\n');
    expect(sh(step.verify!).status).toBe(0);
    writeFileSync(file, 'nameserver 172.31.250.1\n');
    expect(sh(step.verify!).status, 'one of the two missing').not.toBe(0);
  });
});
