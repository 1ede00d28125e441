import type { DockerDaemonConfig } from '../evidence/node.js';
import { isRecord, parseJsonText, stringList } from './json-text.js';
import { redactSecrets } from './redact.js';

/** Parses /etc/docker/daemon.json (facts §5.3) for registry-mirrors and insecure-registries. */
export function parseDockerDaemon(text: string, file: string): DockerDaemonConfig {
  const json = parseJsonText(text, file);
  const out: DockerDaemonConfig = { file, registryMirrors: [], insecureRegistries: [], problems: json.problems };
  if (json.value === undefined) return out;
  if (!isRecord(json.value)) {
    out.problems.push({ file, field: '$', message: 'daemon.json must be a JSON object' });
    return out;
  }
  out.registryMirrors = stringList(json.value['registry-mirrors'], file, 'registry-mirrors', out.problems).map(redactSecrets);
  out.insecureRegistries = stringList(json.value['insecure-registries'], file, 'insecure-registries', out.problems);
  out.registryMirrors.forEach((m, i) => {
    // Docker rejects mirrors with a path or without a scheme.
    let u: URL | undefined;
    try {
      u = new URL(m);
    } catch {
      /* reported below */
    }
    if (!u || !/^https?:$/.test(u.protocol)) out.problems.push({ file, field: `registry-mirrors[${i}]`, message: `mirror "${m}" must be an http:// or https:// URL` });
    else if (u.pathname !== '/' && u.pathname !== '') out.problems.push({ file, field: `registry-mirrors[${i}]`, message: `mirror "${m}" must be the domain root, without a path` });
  });
  return out;
}
