import type { Signature } from '../types.js';
import { sig } from './define.js';

/**
 * kubeadm's preflight FileContent check as users paste it wrapped or cut: the check's name in brackets, then the
 * path and "does not exist" (cmd/kubeadm/app/preflight FileContentCheck). A terminal or a CI log viewer breaks the
 * long line at a space; the break, not the words, is what the paste adds.
 */
export const KUBEADM_PREFLIGHT_PASTE_SIGNATURES: Signature[] = [
  sig({
    id: 'kubeadm.pasted-bridge-nf-call-missing',
    cause: 'node.br-netfilter',
    re: /filecontent--proc-sys-net-bridge-bridge-nf-call-ip6?tables\]:\s+\/proc\/sys\/net\/bridge\/bridge-nf-call-ip6?tables\s+does\s+not\s+ex/,
    anchors: ['filecontent--proc-sys-net-bridge-bridge-nf-call-ip'],
    confidence: 0.95,
    specificity: 95,
    source: 'kubeadm preflight FileContentCheck ("%s does not exist"); the file is there only while br_netfilter is loaded',
    samples: [
      '[ERROR FileContent--proc-sys-net-bridge-bridge-nf-call-iptables]: /proc/sys/net/bridge/bridge-nf-call-iptables does not\nexist',
      '\t[ERROR FileContent--proc-sys-net-bridge-bridge-nf-call-iptables]:\n  /proc/sys/net/bridge/bridge-nf-call-iptables does not ex…',
    ],
    counterSamples: ['[ERROR FileContent--proc-sys-net-bridge-bridge-nf-call-iptables]: /proc/sys/net/bridge/bridge-nf-call-iptables contents are not set to 1'],
  }),
];
