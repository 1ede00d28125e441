import { describe, expect, it } from 'vitest';
import { emptyCluster } from '../evidence/cluster.js';
import { event, pod } from '../rules/image/_fixtures.js';
import { matches, parseSelector, selectPods } from './selector.js';

describe('-l/--selector', () => {
  const m = (sel: string, labels: Record<string, string>) => matches(parseSelector(sel), labels);
  it('reads equality, inequality, existence and set requirements as kubectl does', () => {
    expect(m('app=web', { app: 'web' })).toBe(true);
    expect(m('app==web,tier!=db', { app: 'web', tier: 'fe' })).toBe(true);
    expect(m('app=web,tier!=db', { app: 'web', tier: 'db' })).toBe(false);
    expect(m('app', { app: '' })).toBe(true);
    expect(m('!app', { app: 'x' })).toBe(false);
    expect(m('env in (prod, staging),app', { env: 'staging', app: 'a' })).toBe(true);
    expect(m('env notin (prod)', {})).toBe(true);
    expect(m('env notin (prod)', { env: 'prod' })).toBe(false);
    expect(m('example.com/team=a', { 'example.com/team': 'a' })).toBe(true);
  });
  it('refuses what is not a requirement, naming it', () => {
    expect(() => parseSelector('app in (x')).toThrow(/"app in \(x" is not a label requirement/);
    expect(() => parseSelector('-bad=x')).toThrow(/invalid label key/);
  });
  it('keeps the selected pods, the system pods and events about kept objects', () => {
    const web = { ...pod('shop/web-1', 'nginx:1'), labels: { app: 'web' } };
    const db = { ...pod('shop/db-1', 'postgres:16'), labels: { app: 'db' } };
    const flannel = { ...pod('kube-flannel/kube-flannel-ds-x', 'flannel:0.25'), labels: { app: 'flannel' } };
    const cluster = { ...emptyCluster(), pods: [web, db, flannel], events: [event('shop/web-1', 'Failed', 'a'), event('shop/db-1', 'Failed', 'b')] };
    const out = selectPods(cluster, 'app=web');
    expect(out.pods.map((p) => p.name)).toEqual(['web-1', 'kube-flannel-ds-x']);
    expect(out.events.map((e) => e.message)).toEqual(['a']);
  });
});
