/**
 * The agents, deployed the way a user deploys them: the agent image (scripts/image/agent-image.ts,
 * built without Docker) pushed to the lab's system registry, the Secret with the agents' token made
 * as deploy/manifests/README.md says, and `kubectl apply` of deploy/manifests/ with the image
 * reference as the only change. The DaemonSet controller, the scheduler and the kubelets run the pods.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LabHandle } from '../types.js';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { packageRoot } from '../package-root.js';
import { EXTERNAL_ZONE } from '../plan.js';
import { kubectl } from './control-plane.js';
import { SYSTEM_REGISTRY_HOST, imagesCacheDir, systemNetns } from './images.js';

/** What the manifests ship; the lab swaps this reference and nothing else. */
export const SHIPPED_IMAGE = 'ghcr.io/flannel-doctor/flannel-doctor:0.1.0';
export const AGENT_NAMESPACE = 'flannel-doctor';
export const AGENT_DAEMONSET = 'flannel-doctor-agent';
export const TOKEN_SECRET = 'flannel-doctor-token';
export const AGENT_CONFIGMAP = 'flannel-doctor-agent';
/** The external name the agents' DNS probe asks for in the lab (the lab's upstream serves this zone only). */
export const LAB_EXTERNAL_NAME = `www.${EXTERNAL_ZONE}`;

/** The shipped agent.yaml with the lab's external name added. */
export function agentConfigText(files: { text: string }[]): string {
  for (const f of files) {
    for (const doc of parseAllDocuments(f.text)) {
      const o = doc.toJSON();
      if (o?.kind === 'ConfigMap' && o.metadata?.name === AGENT_CONFIGMAP) {
        const conf = (parse(o.data?.['agent.yaml'] ?? '') ?? {}) as Record<string, any>;
        return stringify({ ...conf, dns: { ...(conf.dns ?? {}), externalName: LAB_EXTERNAL_NAME } });
      }
    }
  }
  throw new Error(`deploy/manifests has no ConfigMap ${AGENT_CONFIGMAP}`);
}

export function manifestsDir(): string {
  return path.join(packageRoot(), 'deploy', 'manifests');
}

/** deploy/manifests/*.yaml in apply order (their file names), each with the image reference swapped. */
export function agentManifests(image: string): { file: string; text: string }[] {
  const dir = manifestsDir();
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      return { file, text: text.split(SHIPPED_IMAGE).join(image) };
    });
}

/** Where the lab keeps the agents' token (mode 0600; tests read it to pass it as a flag). */
export function tokenFile(lab: Pick<LabHandle, 'state'>): string {
  return path.join(lab.state.dir, 'agent-token');
}

export interface AgentsUpReport {
  image: string;
  digest: string;
  built: boolean;
  compressedBytes: number;
  buildMs: number;
  pushMs: number;
  rolloutMs: number;
}

/** Builds (or finds cached), pushes and deploys the agents; waits until every node's pod is ready. */
export async function agentsUp(lab: LabHandle, opts: { timeoutS?: number; progress?: (line: string) => void } = {}): Promise<AgentsUpReport> {
  const say = opts.progress ?? (() => {});
  const t0 = Date.now();
  const { ensureAgentImage, IMAGE_REPO } = await import('../../scripts/image/agent-image.js');
  const img = await ensureAgentImage(imagesCacheDir());
  const t1 = Date.now();
  say(`image ${img.built ? 'built' : 'cached'}: ${img.digest} (${(img.layerBytes / 1e6).toFixed(1)} MB compressed)`);
  const ref = `${SYSTEM_REGISTRY_HOST}/${IMAGE_REPO}:${img.tag}`;
  // skopeo runs in the registry's namespace: the root namespace has no route to the underlay
  await lab.exec(systemNetns(lab), ['skopeo', 'copy', '--quiet', '--retry-times', '2', '--dest-tls-verify=false', `oci:${img.layout}:${img.tag}`, `docker://${ref}`]);
  const t2 = Date.now();
  say(`pushed ${ref}`);
  // by digest too: a rebuilt image under the same version tag must roll the DaemonSet out (a tag alone
  // leaves the spec unchanged, and IfNotPresent keeps the old image on the node)
  const files = agentManifests(`${ref}@${img.digest}`);
  // the namespace first: the token Secret lives in it
  await kubectl(lab, ['apply', '-f', '-'], { input: files[0].text });
  const tf = tokenFile(lab);
  if (!fs.existsSync(tf)) fs.writeFileSync(tf, randomBytes(24).toString('hex'), { mode: 0o600 });
  const have = await kubectl(lab, ['-n', AGENT_NAMESPACE, 'get', 'secret', TOKEN_SECRET, '-o', 'name'], { allowFail: true });
  // README: kubectl create secret generic flannel-doctor-token --from-literal=token=…; from a file here so the value never is in an argv
  if (have.code !== 0) await kubectl(lab, ['-n', AGENT_NAMESPACE, 'create', 'secret', 'generic', TOKEN_SECRET, `--from-file=token=${tf}`]);
  await kubectl(lab, ['apply', '-f', '-'], { input: files.map((f) => f.text).join('\n---\n') });
  // The user's one config step for a cluster without internet access (the agent re-reads it every
  // check): its DNS probe asks for a name the cluster's upstream knows, here the lab zone's. Peers and
  // DNS targets are left to the agents' own discovery from the API.
  await kubectl(lab, ['-n', AGENT_NAMESPACE, 'patch', 'configmap', AGENT_CONFIGMAP, '--type=merge', '-p', JSON.stringify({ data: { 'agent.yaml': agentConfigText(files) } })]);
  await kubectl(lab, ['-n', AGENT_NAMESPACE, 'rollout', 'status', `daemonset/${AGENT_DAEMONSET}`, `--timeout=${opts.timeoutS ?? 240}s`]);
  say(`daemonset ${AGENT_NAMESPACE}/${AGENT_DAEMONSET} rolled out`);
  return { image: `${ref}@${img.digest}`, digest: img.digest, built: img.built, compressedBytes: img.layerBytes, buildMs: t1 - t0, pushMs: t2 - t1, rolloutMs: Date.now() - t2 };
}

/** Deletes what agentsUp applied (the namespace takes the Secret and the pods with it). */
export async function agentsDown(lab: LabHandle): Promise<void> {
  const files = agentManifests(`${SYSTEM_REGISTRY_HOST}/unused:0`);
  await kubectl(lab, ['delete', '--ignore-not-found', '--wait=true', '--timeout=120s', '-f', '-'], { input: files.map((f) => f.text).join('\n---\n'), allowFail: true });
  fs.rmSync(tokenFile(lab), { force: true });
}
