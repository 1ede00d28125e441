import type { FixStep } from './steps.js';

/** Words that start a shell command in a prose step ("Check the routes: ip route | grep flannel.1"). */
const COMMAND_START =
  /^(?:kubectl|kubeadm|kube-controller-manager|ip|bridge|iptables(?:-save)?|nft|sysctl|systemctl|journalctl|modprobe|lsmod|ethtool|crictl|ctr|docker|skopeo|curl|openssl|getent|resolvectl|nslookup|dig|tcpdump|ping|nc|df|du|cat|grep|ls|mv|rm|echo|jq|firewall-cmd|ufw|for|test|dmesg|ss)\b/;

/**
 * Splits a prose step into its words and its command, at the first ": " that is followed by a
 * command word. Display only (code spans, monospace): a step without one stays prose.
 */
export function splitCommand(text: string): { prose: string; command?: string } {
  let from = 0;
  for (;;) {
    const i = text.indexOf(': ', from);
    if (i < 0) return { prose: text };
    const rest = text.slice(i + 2);
    if (COMMAND_START.test(rest)) return { prose: text.slice(0, i + 1), command: rest };
    from = i + 2;
  }
}

/** The parts of a step for display: prose, then a command (inline or a block), then how to verify. */
export function stepParts(s: FixStep): { prose: string; command?: string; block?: string; verify?: string } {
  const nl = s.text.indexOf('\n');
  const text = nl < 0 ? s.text : s.text.slice(0, nl);
  const block = nl < 0 ? undefined : s.text.slice(nl + 1);
  if (s.run) return { prose: `${text}:`, command: s.run, block, verify: s.verify };
  const { prose, command } = splitCommand(text);
  return { prose, command, block, verify: s.verify };
}
