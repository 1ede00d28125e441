import type { Signature } from '../../types.js';
import { sig } from '../define.js';

/**
 * The kubelet's pod DNS configurer (pkg/kubelet/network/dns): it reads the node file its resolvConf names for every
 * pod sandbox. A file it cannot open or parse fails every sandbox on the node, whatever path the kubelet was given.
 */
export const KUBELET_POD_DNS_SIGNATURES: Signature[] = [
  sig({
    id: 'dns.kubelet-resolv-conf-path-unreadable',
    cause: 'dns.node-resolver',
    // GetPodDNS returns the open error as is, and kuberuntime wraps it: "Failed to create pod sandbox: open <path>:
    // …" (event) or "Failed to generate sandbox config for pod" (log). Any resolvConf path, not only the usual three;
    // and the parse error of a file that is there but unreadable as resolv.conf.
    re: /failed to (?:create pod sandbox|generate sandbox config for pod)[^\n]{0,300}?open \/[\w./-]*resolv\.conf[\w.-]*: (?:no such file or directory|permission denied|is a directory)|encountered error while parsing resolv conf file/,
    anchors: ['resolv.conf', 'resolv conf file'],
    confidence: 0.9,
    specificity: 90,
    check: 'grep -i resolv /var/lib/kubelet/config.yaml (or the kubelet\'s --resolv-conf flag) and ls -l that path on the node: it must be a readable resolv.conf with at least one nameserver line',
    source: 'kubelet pkg/kubelet/network/dns (getDNSConfig: os.Open error, "Encountered error while parsing resolv conf file. Error: %w"); kuberuntime_sandbox.go ("Failed to generate sandbox config for pod"), event FailedCreatePodSandBox',
    samples: [
      'Warning  FailedCreatePodSandBox  kubelet  Failed to create pod sandbox: open /etc/kubernetes/resolv.conf: no such file or directory',
      'E1206 10:31:00.000000    1500 dns.go:293] "Could not parse resolv conf file." err="Encountered error while parsing resolv conf file. Error: nameserver list is empty "',
      'E1206 10:30:00.111111    1500 kuberuntime_sandbox.go:43] "Failed to generate sandbox config for pod" err="open /etc/k8s/resolv.conf: permission denied" pod="kube-system/coredns-7db6d8ff4d-9zq8w"',
    ],
    counterSamples: ['Failed to create pod sandbox: open /run/flannel/subnet.env: no such file or directory'],
  }),
];
