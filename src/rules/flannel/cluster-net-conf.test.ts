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
    { name: 'trailing comma', evidence: { cluster: { configMaps: [cm(GOOD.replace('}\n}', '},\n}'))] } }, expect: [
      {
        cause: 'flannel.config-invalid',
        messageId: 'invalid',
        data: { cm: 'kube-flannel/kube-flannel-cfg', problem: 'invalid JSON: Expected double-quoted property name' },
        fix: [
          "Remove what breaks the JSON (a trailing comma or a comment), every setting kept, in net-conf.json of ConfigMap kube-flannel/kube-flannel-cfg: kubectl -n kube-flannel patch configmap kube-flannel-cfg --type merge -p '{\"data\":{\"net-conf.json\":\"{\\n  \\\"Network\\\": \\\"10.244.0.0/16\\\",\\n  \\\"EnableNFTables\\\": false,\\n  \\\"Backend\\\": {\\n    \\\"Type\\\": \\\"vxlan\\\"\\n  }\\n}\\n\"}}'",
          'Restart flannel on every node so that it reads the new net-conf.json: kubectl -n kube-flannel rollout restart daemonset kube-flannel-ds',
        ],
      },
    ] },
    { name: 'typo in the backend', evidence: { cluster: { configMaps: [cm(GOOD.replace('vxlan', 'vxaln'))] } }, expect: [
      {
        cause: 'flannel.config-invalid',
        messageId: 'invalid',
        data: { cm: 'kube-flannel/kube-flannel-cfg', problem: 'unknown backend type "vxaln" (flanneld: "unknown backend type: vxaln"); known: vxlan, host-gw, udp, wireguard, ipip, ipsec, alloc, tencent-vpc, extension' },
        fix: [
          "Write the documented form with the cluster's network (assumed 10.244.0.0/16) in net-conf.json of ConfigMap kube-flannel/kube-flannel-cfg: kubectl -n kube-flannel patch configmap kube-flannel-cfg --type merge -p '{\"data\":{\"net-conf.json\":\"{\\n  \\\"Network\\\": \\\"10.244.0.0/16\\\",\\n  \\\"EnableNFTables\\\": false,\\n  \\\"Backend\\\": {\\n    \\\"Type\\\": \\\"vxlan\\\"\\n  }\\n}\\n\"}}'",
          'Restart flannel on every node so that it reads the new net-conf.json: kubectl -n kube-flannel rollout restart daemonset kube-flannel-ds',
        ],
      },
    ] },
    { name: 'no Backend means udp', evidence: { cluster: { configMaps: [cm('{"Network": "10.244.0.0/16"}')] } }, expect: [
      {
        cause: 'flannel.config-invalid',
        messageId: 'udp',
        data: { cm: 'kube-flannel/kube-flannel-cfg', problem: 'Backend is missing or empty, so flanneld uses the udp backend (slow, debugging only), not vxlan; set "Backend": {"Type": "vxlan"}' },
        severity: 'warning',
        fix: [
          "Write the documented form with the cluster's network (assumed 10.244.0.0/16) in net-conf.json of ConfigMap kube-flannel/kube-flannel-cfg: kubectl -n kube-flannel patch configmap kube-flannel-cfg --type merge -p '{\"data\":{\"net-conf.json\":\"{\\n  \\\"Network\\\": \\\"10.244.0.0/16\\\",\\n  \\\"EnableNFTables\\\": false,\\n  \\\"Backend\\\": {\\n    \\\"Type\\\": \\\"vxlan\\\"\\n  }\\n}\\n\"}}'",
          'Restart flannel on every node so that it reads the new net-conf.json: kubectl -n kube-flannel rollout restart daemonset kube-flannel-ds',
        ],
      },
    ] },
    { name: 'net-conf.json key missing', evidence: { cluster: { configMaps: [cm(undefined)] } }, expect: [
      {
        cause: 'flannel.config-invalid',
        messageId: 'missingKey',
        data: { cm: 'kube-flannel/kube-flannel-cfg' },
        fix: [
          "Show it: kubectl get cm -n kube-flannel kube-flannel-cfg -o jsonpath=\"{.data.net-conf\\.json}\" | jq .",
          'Fix it to the documented form: {"Network": "10.244.0.0/16", "EnableNFTables": false, "Backend": {"Type": "vxlan"}}',
          'Restart flannel: kubectl rollout restart ds -n kube-flannel kube-flannel-ds',
        ],
      },
    ] },
  ],
});
