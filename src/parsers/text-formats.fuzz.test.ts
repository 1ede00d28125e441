import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContainerdConfig } from './containerd-config.js';
import { parseEthtoolFeatures } from './ethtool-features.js';
import { assertLocated, FUZZ_RUNS, mutated, noise } from './fuzz-inputs.js';
import { parseHostsToml } from './hosts-toml.js';
import { parseIptablesSave } from './iptables-save.js';
import { parseJournalExport } from './journal-export.js';
import { aggregationKey, unwrapLogLine } from './log-line.js';
import { parseProcModules } from './proc-modules.js';
import { parseProcNetSnmp } from './proc-net-snmp.js';
import { parseResolvConf } from './resolv-conf.js';
import { parseSubnetEnv } from './subnet-env.js';

const fx = (n: string) => readFileSync(new URL(`./fixtures/${n}`, import.meta.url), 'utf8');

/** Runs a parser over mutated real samples and noise; it must not throw and must locate its problems. */
function fuzz(
  name: string,
  samples: string[],
  parse: (text: string, file: string) => { problems: { file: string; line?: number; field?: string; message: string }[] },
  asRead: (text: string) => string = (t) => t,
) {
  it(name, () => {
    fc.assert(
      fc.property(fc.oneof(mutated(samples), noise()), (generated) => {
        // Lines are counted in what the parser reads, not in the generated string.
        const text = asRead(generated);
        assertLocated(parse(text, '/f').problems, '/f', text);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
}

describe('fuzz: text node formats never throw and locate every problem', () => {
  fuzz('subnet.env', ['FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=10.244.1.1/24\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true\n'], parseSubnetEnv);
  fuzz('resolv.conf', ['nameserver 127.0.0.53\nsearch a.local b.local\noptions edns0 ndots:5\n'], parseResolvConf);
  fuzz('iptables-save', [fx('iptables-nft-save.txt')], parseIptablesSave);
  fuzz('/proc/net/snmp', [fx('proc-net-snmp.txt')], parseProcNetSnmp);
  fuzz('ethtool -k', [fx('ethtool-k-flannel.1.txt')], parseEthtoolFeatures);
  fuzz('containerd config.toml', [fx('containerd-1.6-default.toml'), 'version = 3\n[plugins."io.containerd.cri.v1.images".registry]\nconfig_path = "/etc/containerd/certs.d"\n'], parseContainerdConfig);
  fuzz('hosts.toml', ['server = "https://registry-1.docker.io"\n[host."https://m.local"]\n  capabilities = ["pull", "resolve"]\n  ca = ["/a.crt"]\n  skip_verify = false\n'], (t, f) => parseHostsToml(t, f, 'docker.io'));
  fuzz('journal export', ['SYSLOG_IDENTIFIER=kubelet\nMESSAGE=hello\n\nMESSAGE\n\u0003\u0000\u0000\u0000\u0000\u0000\u0000\u0000a\nb\n\n'], (t, f) => parseJournalExport(Buffer.from(t, 'latin1'), f),
    // A journal export is bytes: a code unit above 0xff reaches the parser as its low byte (0x0a for one surrogate half).
    (t) => Buffer.from(t, 'latin1').toString('latin1'),
  );

  it('journal export: a surrogate pair read as bytes is two newlines, and its problem lines stay inside', () => {
    const text = Buffer.from('\u{D2A0A}\u0000', 'latin1').toString('latin1');
    expect(text).toBe('\n\n\u0000');
    const { problems } = parseJournalExport(Buffer.from(text, 'latin1'), '/f');
    expect(problems.length).toBeGreaterThan(0);
    assertLocated(problems, '/f', text);
  });

  it('log lines and /proc/modules', () => {
    fc.assert(
      fc.property(fc.oneof(mutated(['2026-11-27T16:31:41.1Z stderr F E1127 main.go:1] x', '{"log":"a\\n","stream":"stderr"}', 'Nov 27 16:31:41 n1 kubelet[1]: msg']), noise()), (text) => {
        const u = unwrapLogLine(text);
        expect(typeof u.message).toBe('string');
        expect(typeof aggregationKey(u.message)).toBe('string');
        expect(parseProcModules(text).every((m) => /^[\w-]+$/.test(m))).toBe(true);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
