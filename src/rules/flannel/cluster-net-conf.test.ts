import type { ConfigMapInfo } from '../../evidence/cluster.js';
import { testRule } from '../rule-tester.js';
import rule from './cluster-net-conf.js';

const CNI = '{"name":"cbr0","cniVersion":"0.3.1","plugins":[{"type":"flannel","delegate":{"hairpinMode":true,"isDefaultGateway":true}},{"type":"portmap","capabilities":{"portMappings":true}}]}';
const cm = (netConf: string | undefined, namespace = 'kube-flannel'): ConfigMapInfo => ({
  namespace,
  name: 'kube-flannel-cfg',
  data: netConf === undefined ? { 'cni-conf.json': CNI } : { 'cni-conf.json': CNI, 'net-conf.json': netConf },
});
const GOOD = '{\n  "Network": "10.244.0.0/16",\n  "EnableNFTables": false,\n  "Backend": {\n    "Type": "vxlan"\n  }\n}\n';

testRule(rule, {
  healthy: [
    { name: 'the manifest default', evidence: { cluster: { configMaps: [cm(GOOD)] } } },
    { name: 'old kube-system namespace, host-gw', evidence: { cluster: { configMaps: [cm('{"Network": "10.244.0.0/16", "Backend": {"Type": "host-gw"}}', 'kube-system')] } } },
    { name: 'no flannel ConfigMap (k3s)', evidence: { cluster: { configMaps: [{ namespace: 'kube-system', name: 'coredns', data: { Corefile: '.:53 {}' } }] } } },
  ],
  faulty: [
    { name: 'trailing comma', evidence: { cluster: { configMaps: [cm(GOOD.replace('}\n}', '},\n}'))] } }, expect: [{ cause: 'flannel.config-invalid', severity: 'error', messageIncludes: 'invalid JSON' }] },
    { name: 'typo in the backend', evidence: { cluster: { configMaps: [cm(GOOD.replace('vxlan', 'vxaln'))] } }, expect: [{ cause: 'flannel.config-invalid', messageIncludes: 'vxaln' }] },
    { name: 'no Backend means udp', evidence: { cluster: { configMaps: [cm('{"Network": "10.244.0.0/16"}')] } }, expect: [{ cause: 'flannel.config-invalid', severity: 'warning', messageIncludes: 'udp' }] },
    { name: 'net-conf.json key missing', evidence: { cluster: { configMaps: [cm(undefined)] } }, expect: [{ cause: 'flannel.config-invalid', messageIncludes: 'no net-conf.json key' }] },
  ],
});
