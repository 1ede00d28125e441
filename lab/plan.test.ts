/** Pure parts of the lab: the address plan and the texts it programs (no root needed). */
import { describe, expect, it } from 'vitest';
import { kubeProxyDnsRules, podResolvConf } from './dns.js';
import { planState } from './lab.js';
import { flannelIptables } from './network.js';
import { FLANNEL_CONFLIST, subnetEnv } from './node-files.js';
import { validateLabName, vtepMac } from './plan.js';

describe('lab plan', () => {
  it('derives nodes, subnets and stable VTEP MACs from the name', () => {
    const s = planState('fdx', 3);
    expect(s.nodes.map((n) => [n.name, n.netns, n.ip, n.podCIDR])).toEqual([
      ['n1', 'fdx-n1', '172.31.250.11', '10.244.1.0/24'],
      ['n2', 'fdx-n2', '172.31.250.12', '10.244.2.0/24'],
      ['n3', 'fdx-n3', '172.31.250.13', '10.244.3.0/24'],
    ]);
    expect(vtepMac('fdx', 2)).toBe(planState('fdx', 3).nodes[1].vtepMac);
    expect(vtepMac('fdx', 2)).not.toBe(vtepMac('fdy', 2));
    expect(vtepMac('fdx', 2)).toMatch(/^0e:fd(:[0-9a-f]{2}){4}$/);
  });

  it('rejects names that cannot prefix namespaces', () => {
    expect(validateLabName('fdlab')).toBeUndefined();
    expect(validateLabName('Bad-Name')).toMatch(/lower-case/);
    expect(validateLabName('waytoolongname')).toMatch(/1-10/);
  });

  it('writes subnet.env as flanneld does (subnet .1, MTU underlay-50, ipmasq)', () => {
    expect(subnetEnv('10.244.0.0/16', '10.244.2.0/24')).toBe('FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=10.244.2.1/24\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true\n');
    expect(FLANNEL_CONFLIST.plugins.map((p) => p.type)).toEqual(['flannel', 'portmap']);
  });

  it("programs flanneld's masquerade and forward rules with their exact comments", () => {
    const r = flannelIptables('10.244.0.0/16', '10.244.2.0/24');
    expect(r).toContain('-A POSTROUTING -m comment --comment "flanneld masq" -j FLANNEL-POSTRTG');
    expect(r).toContain('-A FLANNEL-POSTRTG -s 10.244.2.0/24 -d 10.244.0.0/16 -m comment --comment "flanneld masq" -j RETURN');
    expect(r).toContain('-A FLANNEL-FWD -d 10.244.0.0/16 -m comment --comment "flanneld forward" -j ACCEPT');
  });

  it('DNATs the kube-dns Service IP to the CoreDNS pod, and writes the ClusterFirst resolv.conf', () => {
    const s = planState('fdx', 2);
    const rules = kubeProxyDnsRules(s, '10.244.1.2');
    expect(rules).toContain('-A KUBE-SERVICES -d 10.96.0.10/32 -p udp -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp --dport 53 -j KUBE-SVC-TCOU7JCQXEZGVUNU');
    expect(rules).toMatch(/-j DNAT --to-destination 10\.244\.1\.2:53/);
    expect(podResolvConf(s, 'shop')).toBe('search shop.svc.cluster.local svc.cluster.local cluster.local example.lab\nnameserver 10.96.0.10\noptions ndots:5\n');
  });
});
