/**
 * Facts an error message carries about where it happened: the image, its registry, the node and
 * the pod. `explain` fills the catalog's fix placeholders ({registry}, {image}, {node}, …) with
 * them, the same way `diagnose` fills them from a finding (src/fix); whatever the message does not
 * carry stays a visible <placeholder>.
 */
import { fillTemplate, type FixValues } from '../../fix/placeholders.js';
import { registryValues } from '../../fix/values.js';

export interface MessageFacts {
  image?: string;
  /** Registry as written in the image or URL, with its port when there is one. */
  registry?: string;
  registryHost?: string;
  port?: string;
  node?: string;
  pod?: string;
  namespace?: string;
}

const IMAGE = /(?:pull(?:ing)? image|unpack image|resolve reference|image) \\?"([^"\\\s]+)\\?"/i;
const V2_URL = /https?:\/\/([^/\s"\\]+)\/v2\//i;
const LOOKUP = /\blookup ([a-z0-9.-]+\.[a-z]{2,})(?: on |: )/i;
const NODE = /\bnode \\?"([\w.-]+)\\?"/i;
const POD = /\bpod \\?"([\w.-]+)_([\w-]+)\\?"/i;

/** The registry of an image reference, by the normalisation rules of facts §7. */
function registryOfImage(image: string): string {
  const first = image.split('/')[0];
  if (image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) return first === 'index.docker.io' ? 'docker.io' : first;
  return 'docker.io';
}

export function messageFacts(message: string): MessageFacts {
  const f: MessageFacts = {};
  const text = message.length > 16384 ? message.slice(0, 8192) + message.slice(-8192) : message;
  const img = IMAGE.exec(text);
  if (img) f.image = img[1];
  const url = V2_URL.exec(text);
  const reg = url?.[1] ?? (f.image ? registryOfImage(f.image) : LOOKUP.exec(text)?.[1]);
  if (reg) {
    // Docker Hub's API host is registry-1.docker.io (facts §7); commands that connect need that one.
    f.registry = reg === 'docker.io' ? 'registry-1.docker.io' : reg;
    const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(f.registry);
    f.registryHost = m?.[1] ?? f.registry;
    f.port = m?.[2] ?? '443';
  }
  const node = NODE.exec(text);
  if (node) f.node = node[1];
  const pod = POD.exec(text);
  if (pod) [f.pod, f.namespace] = [pod[1], pod[2]];
  return f;
}

/** The fix values a message answers, named as in src/catalog/fix-variables.ts. */
export function factValues(f: MessageFacts): FixValues {
  return {
    node: f.node,
    pod: f.pod,
    namespace: f.namespace,
    image: f.image,
    ...registryValues(f.image, f.registry === 'registry-1.docker.io' ? 'docker.io' : f.registry),
  };
}

/** Fills the placeholders a message can answer; the others stay visible as <name>. */
export function fillPlaceholders(step: string, f: MessageFacts): string {
  return fillTemplate(step, factValues(f)).text;
}
