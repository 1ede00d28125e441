/**
 * Where a message no signature knows belongs in the layered method: the words of each symptom's own
 * components place it under one of the symptoms (./symptoms.ts), whose candidates and deciding commands
 * then tell the operator where to look. The answer stays `unknown`; this only says which layer to check
 * first. Knowledge as data: the most telling vocabulary first (a sandbox or CNI word beats the `image`
 * word a sandbox line also carries; a lookup beats the pull it happened in, since the node's DNS decides).
 */
import { SYMPTOMS, type SymptomKind, type SymptomSpec } from './symptoms.js';

export const SYMPTOM_WORDS: readonly { kind: SymptomKind; words: RegExp }[] = [
  { kind: 'pod-start', words: /sandbox|\bcni\b|network ?plugin|subnet\.env|\bcni0\b|\bipam\b|failed to (set ?up|setup) network|containercreating/i },
  { kind: 'dns-log', words: /\blookup\b|\bresolv|\bdns\b|coredns|nameserver|:53\b|name resolution|nxdomain|servfail|no such host/i },
  { kind: 'image-pull', words: /\bpull|\bimage\b|registry|manifest|\bblobs?\b|\/v2\//i },
  { kind: 'crash-loop', words: /flannel|crashloopbackoff|back-off restarting/i },
  { kind: 'node-not-ready', words: /kubelet|notready|not ready|node status|\bpleg\b|cgroup|containerd|cri-o|\bcrio\b|dockerd/i },
];

/** The symptom a message's words place it under, or undefined when it names none of them. */
export function placeMessage(message: string): SymptomSpec | undefined {
  const text = message.length > 65536 ? message.slice(0, 32768) + '\n' + message.slice(-32768) : message;
  const hit = SYMPTOM_WORDS.find((w) => w.words.test(text));
  return hit ? SYMPTOMS[hit.kind] : undefined;
}
