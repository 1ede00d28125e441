import { describe, expect, it } from 'vitest';
import { forwardTargets, isLoopbackUpstream, parseCorefile } from './corefile.js';

const KUBEADM = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30
    loop
    reload
    loadbalance
}
`;

const K3S = `.:53 {
    errors
    health
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
      pods insecure
      fallthrough in-addr.arpa ip6.arpa
    }
    hosts /etc/coredns/NodeHosts {
      ttl 60
      reload 15s
      fallthrough
    }
    prometheus :9153
    forward . /etc/resolv.conf
    cache 30
    loop
    reload
    loadbalance
    import /etc/coredns/custom/*.override
}
import /etc/coredns/custom/*.server
`;

describe('parseCorefile', () => {
  it('reads the kubeadm Corefile', () => {
    const c = parseCorefile(KUBEADM);
    expect(c.problems).toEqual([]);
    expect(c.servers).toHaveLength(1);
    const s = c.servers[0];
    expect(s.keys).toEqual(['.:53']);
    expect(s.zones).toEqual(['.']);
    expect(s.plugins.map((p) => p.name)).toEqual(['errors', 'health', 'ready', 'kubernetes', 'prometheus', 'forward', 'cache', 'loop', 'reload', 'loadbalance']);
    const fwd = s.plugins.find((p) => p.name === 'forward')!;
    expect(fwd.args).toEqual(['.', '/etc/resolv.conf']);
    expect(fwd.line).toBe(13);
    expect(fwd.options).toEqual([{ name: 'max_concurrent', args: ['1000'], line: 14 }]);
    expect(forwardTargets(s)).toEqual([{ from: '.', to: ['/etc/resolv.conf'], line: 13 }]);
  });

  it('reads the k3s Corefile with a top-level import', () => {
    const c = parseCorefile(K3S);
    expect(c.servers[0].plugins.map((p) => p.name)).toContain('hosts');
    expect(forwardTargets(c.servers[0])[0].to).toEqual(['/etc/resolv.conf']);
    // the trailing import is a server "key" line without a block; it must not crash or nest
    expect(c.problems).toEqual([]);
  });

  it('several server blocks, comments, one-line blocks, several keys', () => {
    const c = parseCorefile('# stub zones\nexample.com:53 corp.local { forward . 10.0.0.53 } # comment\n.:53 {\n  forward . 127.0.0.53 8.8.8.8\n  loop\n}\n');
    expect(c.servers.map((s) => s.zones)).toEqual([['example.com.', 'corp.local.'], ['.']]);
    expect(forwardTargets(c.servers[0])[0].to).toEqual(['10.0.0.53']);
    expect(forwardTargets(c.servers[1])[0]).toEqual({ from: '.', to: ['127.0.0.53', '8.8.8.8'], line: 4 });
  });

  it('reports an unclosed block with a line', () => {
    const c = parseCorefile('.:53 {\n  forward . 1.1.1.1\n');
    expect(c.problems[0].message).toMatch(/unclosed/);
    expect(c.problems[0].line).toBeGreaterThan(0);
  });
});

describe('isLoopbackUpstream', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.0.0.53', true],
    ['127.0.0.53:53', true],
    ['dns://127.0.0.1:53', true],
    ['::1', true],
    ['[::1]:53', true],
    ['/etc/resolv.conf', false],
    ['10.0.0.2', false],
    ['tls://1.1.1.1', false],
    ['1127.0.0.1', false],
  ])('%s → %s', (t, want) => expect(isLoopbackUpstream(t)).toBe(want));
});
