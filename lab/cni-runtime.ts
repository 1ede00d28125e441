/**
 * What containerd's CRI does with CNI when it creates a pod sandbox (facts §4.3, §4.4): load the
 * first config (lexical order) from the node's /etc/cni/net.d, run each plugin of the list from
 * /opt/cni/bin in the node's namespace with the CNI environment, chaining prevResult, and wrap
 * errors exactly as libcni and containerd do. The plugins are the real ones (and the flannel stand-in).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from './exec.js';
import { listDir, nodePath } from './node-files.js';
import type { LabNode } from './types.js';

export interface CniAddResult {
  ok: boolean;
  ip?: string; // pod address without prefix
  /** the error as containerd reports it: `failed to setup network for sandbox "<id>": ...` */
  error?: string;
  /** NetworkReady=false reasons: no config at all */
  notReady?: string;
  result?: unknown;
}

const CONF_EXT = /\.(conf|conflist|json)$/;

/** The node's CNI config as the runtime sees it: first file in lexical order. */
export async function loadCniConfig(node: LabNode): Promise<{ file?: string; conf?: any; error?: string }> {
  const dir = nodePath(node, 'etc/cni/net.d');
  const files = (await listDir(dir)).filter((f) => CONF_EXT.test(f));
  if (!files.length) return { error: 'cni plugin not initialized' };
  const file = files[0];
  const text = await readFile(join(dir, file), 'utf8');
  let conf: any;
  try {
    conf = JSON.parse(text);
  } catch (e) {
    return { file, error: `failed to load cni config: error parsing configuration list: ${(e as Error).message}` };
  }
  if (!file.endsWith('.conflist')) conf = { name: conf.name, cniVersion: conf.cniVersion, plugins: [conf] };
  if (!Array.isArray(conf.plugins) || !conf.plugins.length) return { file, error: `failed to load cni config: error parsing configuration list: no plugins in list` };
  if (!conf.cniVersion) return { file, error: `failed to load cni config: error parsing configuration list: cniVersion is required` };
  return { file, conf };
}

export async function cniAdd(node: LabNode, podNetns: string, containerId: string, podName: string, podNamespace: string): Promise<CniAddResult> {
  const loaded = await loadCniConfig(node);
  if (!loaded.conf) {
    if (loaded.error === 'cni plugin not initialized') return { ok: false, notReady: loaded.error, error: `network is not ready: container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized` };
    return { ok: false, error: `failed to setup network for sandbox "${containerId}": ${loaded.error}` };
  }
  const conf = loaded.conf;
  const binDir = nodePath(node, 'opt/cni/bin');
  let prevResult: unknown;
  for (const plugin of conf.plugins as any[]) {
    const type = String(plugin.type);
    if (!existsSync(join(binDir, type))) {
      return { ok: false, error: wrap(containerId, type, `failed to find plugin "${type}" in path [/opt/cni/bin]`) };
    }
    const netconf: any = { ...plugin, name: conf.name, cniVersion: conf.cniVersion };
    if (prevResult) netconf.prevResult = prevResult;
    if (plugin.capabilities?.portMappings) netconf.runtimeConfig = { portMappings: [] };
    const r = await run(node.netns, [join(binDir, type)], {
      input: JSON.stringify(netconf),
      allowFail: true,
      timeoutMs: 20_000,
      env: {
        CNI_COMMAND: 'ADD',
        CNI_CONTAINERID: containerId,
        CNI_NETNS: `/var/run/netns/${podNetns}`,
        CNI_IFNAME: 'eth0',
        CNI_PATH: binDir,
        CNI_ARGS: `IgnoreUnknown=1;K8S_POD_NAMESPACE=${podNamespace};K8S_POD_NAME=${podName};K8S_POD_INFRA_CONTAINER_ID=${containerId}`,
      },
    });
    if (r.code !== 0) {
      let msg = (r.stdout || r.stderr).trim();
      try {
        const j = JSON.parse(r.stdout);
        msg = j.msg + (j.details ? `; ${j.details}` : '');
      } catch {
        // plugin printed plain text
      }
      return { ok: false, error: wrap(containerId, type, msg.split(node.root).join('')) };
    }
    try {
      prevResult = JSON.parse(r.stdout);
    } catch {
      return { ok: false, error: wrap(containerId, type, `invalid result: ${r.stdout.slice(0, 200)}`) };
    }
  }
  const ips = (prevResult as any)?.ips ?? [];
  const ip = ips[0]?.address?.split('/')[0];
  return { ok: true, ip, result: prevResult };
}

function wrap(containerId: string, type: string, msg: string): string {
  return `failed to setup network for sandbox "${containerId}": plugin type="${type}" failed (add): ${msg}`;
}

/** The kubelet event message for a failed sandbox (reason FailedCreatePodSandBox). */
export function sandboxEventMessage(err: string): string {
  return `Failed to create pod sandbox: rpc error: code = Unknown desc = ${err}`;
}
