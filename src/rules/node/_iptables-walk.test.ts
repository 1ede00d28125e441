import { describe, expect, it } from 'vitest';
import type { IptablesRule, IptablesState } from '../../evidence/node.js';
import { parseRule, tokenize, walk, walkHooks, INPUT_HOOKS, type Packet } from './_iptables-walk.js';

const r = (table: string, chain: string, rule: string): IptablesRule => ({ table, chain, rule, target: /-[jg] (\S+)/.exec(rule)?.[1] });
const state = (rules: IptablesRule[], policies: IptablesState['policies'] = {}): IptablesState => ({ policies, rules, problems: [] });
const vxlanIn: Packet = { proto: 'udp', src: '172.31.250.12', dst: '172.31.250.11', sport: 41000, dport: 8472, in: 'eth0', state: 'NEW', dstLocal: true };

describe('iptables walk', () => {
  it('keeps quoted comments whole', () => {
    expect(tokenize('-m comment --comment "flanneld masq" -j RETURN')).toEqual(['-m', 'comment', '--comment', 'flanneld masq', '-j', 'RETURN']);
  });
  it('matches negated addresses, ports and conntrack states', () => {
    expect(parseRule('! -s 127.0.0.0/8 -d 127.0.0.0/8 -j DROP').matches(vxlanIn)).toBe('no');
    expect(parseRule('-p udp -m udp --dport 8472 -j DROP').matches(vxlanIn)).toBe('yes');
    expect(parseRule('-p udp -m multiport --dports 4789,8000:9000 -j DROP').matches(vxlanIn)).toBe('yes');
    expect(parseRule('-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT').matches(vxlanIn)).toBe('no');
    expect(parseRule('-m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP').matches(vxlanIn)).toBe('yes');
    expect(parseRule('-m set --match-set blocked src -j DROP').matches(vxlanIn)).toBe('unknown');
    expect(parseRule('-i eth+ -j ACCEPT').matches(vxlanIn)).toBe('yes');
    expect(parseRule('-m mark --mark 0x8000/0x8000 -j DROP').matches(vxlanIn)).toBe('no');
  });
  it('follows jumps, RETURN and policies', () => {
    const s = state(
      [
        r('filter', 'INPUT', '-j ufw-before-input'),
        r('filter', 'INPUT', '-j ufw-user-input'),
        r('filter', 'ufw-before-input', '-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT'),
        r('filter', 'ufw-before-input', '-p udp -m udp --dport 68 -j ACCEPT'),
        r('filter', 'ufw-user-input', '-p tcp -m tcp --dport 22 -j ACCEPT'),
        r('filter', 'ufw-user-input', '-j RETURN'),
        r('filter', 'ufw-user-input', '-p udp -j ACCEPT'),
      ],
      { filter: { INPUT: 'DROP' } },
    );
    const res = walk(s, 'filter', 'INPUT', vxlanIn);
    expect(res?.verdict).toBe('DROP');
    expect(res?.rule).toBeUndefined();
    expect(res?.path).toEqual(['INPUT', 'ufw-before-input', 'ufw-user-input']);
    const ok = walk(s, 'filter', 'INPUT', { ...vxlanIn, proto: 'tcp', dport: 22 });
    expect(ok?.verdict).toBe('ACCEPT');
  });
  it('stops at the first hook that drops and remembers uncertain accepts', () => {
    const s = state([r('raw', 'PREROUTING', '-p udp --dport 8472 -j DROP'), r('filter', 'INPUT', '-m set --match-set nodes src -j ACCEPT')], { filter: { INPUT: 'DROP' } });
    const res = walkHooks(s, INPUT_HOOKS, vxlanIn);
    expect(res?.table).toBe('raw');
    expect(res?.verdict).toBe('DROP');
    const only = walk(state([r('filter', 'INPUT', '-m set --match-set nodes src -j ACCEPT')], { filter: { INPUT: 'DROP' } }), 'filter', 'INPUT', vxlanIn);
    expect(only?.uncertain.length).toBe(1);
  });
  it('treats goto as not returning to the caller', () => {
    const s = state([r('filter', 'INPUT', '-g G'), r('filter', 'INPUT', '-j DROP'), r('filter', 'G', '-p tcp -j ACCEPT')], { filter: { INPUT: 'ACCEPT' } });
    expect(walk(s, 'filter', 'INPUT', vxlanIn)?.verdict).toBe('ACCEPT');
  });
});
