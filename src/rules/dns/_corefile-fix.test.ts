import { describe, expect, it } from 'vitest';
import { forwardingTo, realUpstreams } from './_corefile-fix.js';

describe('forwardingTo: the Corefile sent to explicit servers', () => {
  it('rewrites every forward (or old proxy) from the node file, keeps its options block and everything else', () => {
    const core = '.:53 {\n    errors\n    forward . /etc/resolv.conf {\n       max_concurrent 1000\n    }\n}\nexample.org:53 {\n    proxy . /etc/resolv.conf\n}\n';
    expect(forwardingTo(core, ['192.0.2.53'])).toBe('.:53 {\n    errors\n    forward . 192.0.2.53 {\n       max_concurrent 1000\n    }\n}\nexample.org:53 {\n    forward . 192.0.2.53\n}\n');
  });
  it('leaves a Corefile with explicit upstreams or another file alone', () => {
    expect(forwardingTo('.:53 {\n    forward . 8.8.8.8\n}\n', ['192.0.2.53'])).toBeUndefined();
    expect(forwardingTo('.:53 {\n    forward . /etc/resolv.conf.upstream\n}\n', ['192.0.2.53'])).toBeUndefined();
  });
});

describe('realUpstreams', () => {
  it('keeps IP literals that are not loopback', () => {
    expect(realUpstreams(['127.0.0.53', '::1', '10.0.0.2', 'dns.example', '2001:db8::1', '$(reboot)'])).toEqual(['10.0.0.2', '2001:db8::1']);
  });
});
