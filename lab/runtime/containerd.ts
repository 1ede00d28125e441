/**
 * One real containerd (Debian 1.6) per lab node: `ip netns exec <node-ns> containerd --config
 * <node root>/etc/containerd/config.toml`, with root, state and socket under the node root. The
 * netns exec also bind-mounts /etc/netns/<ns>/resolv.conf over /etc/resolv.conf in containerd's
 * mount namespace, so its registry lookups use the node's resolver.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LabHandle, LabNode, LabRegistry } from '../types.js';
import { labCaFile } from '../registry/registries.js';
import { CriClient } from './cri-client.js';
import { containerdNodeFiles, containerdPaths, hostsDirName, hostsToml, type HostsTomlOptions } from './containerd-config.js';
import { spawnInNetns, stopProcess, waitFor, isRunning } from './lab-process.js';

export function runtimeKey(node: string): string {
  return `containerd:${node}`;
}

export function criSocket(node: LabNode): string {
  return containerdPaths(node.root).socket;
}

/** Writes config.toml and one hosts.toml per registry (the healthy configuration). */
export function writeContainerdFiles(lab: LabHandle, node: LabNode): void {
  const files = containerdNodeFiles(node.root, lab.state.registries, { caFile: labCaFile(lab) });
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

export function hostsTomlPath(node: LabNode, reg: Pick<LabRegistry, 'host'>): string {
  return path.join(containerdPaths(node.root).certsDir, hostsDirName(reg.host), 'hosts.toml');
}

/** Rewrites one registry's hosts.toml on a node (containerd reads it on every pull: no restart). */
export function writeHostsToml(lab: LabHandle, node: LabNode, reg: LabRegistry, opts: HostsTomlOptions = { ca: labCaFile(lab) }): void {
  const file = hostsTomlPath(node, reg);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, hostsToml(reg, opts));
}

export function restoreHostsToml(lab: LabHandle, node: LabNode, reg: LabRegistry): void {
  writeHostsToml(lab, node, reg, { ca: labCaFile(lab) });
}

export interface StartRuntimeOptions {
  /** extra environment (the proxy fault sets HTTPS_PROXY/HTTP_PROXY) */
  env?: Record<string, string>;
}

/** Starts the node's containerd (writing its files first) and waits until the CRI answers. */
export async function startRuntime(lab: LabHandle, node: LabNode, opts: StartRuntimeOptions = {}): Promise<number> {
  const p = containerdPaths(node.root);
  if (!fs.existsSync(p.config)) writeContainerdFiles(lab, node);
  fs.mkdirSync(p.root, { recursive: true });
  fs.mkdirSync(p.state, { recursive: true });
  const pid = spawnInNetns(node.netns, ['containerd', '--config', p.config], { log: p.log, env: opts.env });
  lab.state.pids[runtimeKey(node.name)] = pid;
  const cri = new CriClient(p.socket);
  try {
    await waitFor(
      `containerd of ${node.name} (CRI on ${p.socket})`,
      async () => {
        if (!isRunning(pid)) throw new Error('exited');
        return (await cri.version(1000)).runtime_name === 'containerd';
      },
      15_000,
      p.log,
    );
  } finally {
    cri.close();
  }
  return pid;
}

export async function stopRuntime(lab: LabHandle, node: LabNode): Promise<void> {
  const key = runtimeKey(node.name);
  await stopProcess(lab.state.pids[key], containerdPaths(node.root).config, 8000);
  delete lab.state.pids[key];
}

export async function restartRuntime(lab: LabHandle, node: LabNode, opts: StartRuntimeOptions = {}): Promise<number> {
  await stopRuntime(lab, node);
  return startRuntime(lab, node, opts);
}

export function runtimePid(lab: LabHandle, node: LabNode): number | undefined {
  const pid = lab.state.pids[runtimeKey(node.name)];
  return pid && isRunning(pid, containerdPaths(node.root).config) ? pid : undefined;
}
