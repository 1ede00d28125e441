import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/** kube-proxy's winkernel proxier on a Windows node: it programs HNS load balancers on the network the CNI made. */
export const KUBE_PROXY_WINKERNEL_SIGNATURES: Signature[] = [
  sig({
    id: 'kube-proxy.winkernel-hns-network-missing',
    cause: 'unknown',
    // kube-proxy looks the HNS network up by --network-name or KUBE_NETWORK, configured apart from flannel: the network
    // is absent while flanneld has not (re)created it, or present under another name (cbr0 for host-gw, flannel.4096
    // for vxlan), and kube-proxy waits in both cases.
    re: /unable to find hns network spe\w*( by \S+|, please check)|the hns network is not present or has changed since the last sync/,
    anchors: ['unable to find hns network', 'the hns network is not present'],
    confidence: 0.5,
    specificity: 90,
    alternatives: ['flannel.daemon-down', 'flannel.config-invalid'],
    check: 'Get-HnsNetwork | Select Name, Type on the node against kube-proxy\'s KUBE_NETWORK (or --network-name): no network means flanneld has not created it yet (its pod on that node, its log); another name means KUBE_NETWORK must be set to it',
    source: 'kubernetes pkg/proxy/winkernel proxier.go ("Unable to find HNS Network specified, please check network name and CNI deployment", "The HNS network is not present or has changed since the last sync")',
    samples: [
      'E1205 09:12:41.007215    5012 proxier.go:231] "Unable to find HNS Network specified, please check network name and CNI deployment" err="Network name \\"flannel.4096\\" not found" hnsNetworkName="flannel.4096"',
      'E0628 16:57:08.673912    1180 proxier.go:564] Unable to find HNS Network specified by cbr0. Please check network name and CNI deployment',
      'I1205 09:12:44.017215    5012 proxier.go:1156] "The HNS network is not present or has changed since the last sync, please check the CNI deployment" hnsNetworkName="flannel.4096"',
    ],
    counterSamples: ['I1205 09:12:44.017215    5012 proxier.go:728] "Hns Network loaded" hnsNetworkInfo="&{id:8F2 name:flannel.4096 networkType:Overlay}"'],
  }),
];
