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

/**
 * The lab CA as a node keeps it, beside the registry's hosts.toml (the layout containerd documents),
 * named by its path on the node: the doctor reading the node tree finds it where containerd does.
 */
export function nodeCaFile(lab: LabHandle, node: LabNode, reg: Pick<LabRegistry, 'host'>): string {
  const dir = path.join(containerdPaths(node.root).certsDir, hostsDirName(reg.host));
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(labCaFile(lab), path.join(dir, 'ca.crt'));
  return path.join('/etc/containerd/certs.d', hostsDirName(reg.host), 'ca.crt');
}

/** Rewrites one registry's hosts.toml on a node (containerd reads it on every pull: no restart). */
export function writeHostsToml(lab: LabHandle, node: LabNode, reg: LabRegistry, opts: HostsTomlOptions = { ca: nodeCaFile(lab, node, reg) }): void {
  const file = hostsTomlPath(node, reg);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, hostsToml(reg, opts));
}

export function restoreHostsToml(lab: LabHandle, node: LabNode, reg: LabRegistry): void {
  writeHostsToml(lab, node, reg, { ca: nodeCaFile(lab, node, reg) });
}

export interface StartRuntimeOptions {
  /** extra environment (the proxy fault sets HTTPS_PROXY/HTTP_PROXY) */
  env?: Record<string, string>;
}

/** (Re)starts the node's real containerd inside the node (cluster/node.ts); waits until the CRI answers. */
export async function startRuntime(lab: LabHandle, node: LabNode, opts: StartRuntimeOptions = {}): Promise<number> {
  const { startContainerd } = await import('../cluster/node.js');
  const pause = lab.state.systemImages?.pause;
  if (!pause) throw new Error(`lab ${lab.state.name}: no pause image recorded; is the lab up?`);
  await startContainerd(lab, node, pause, opts.env);
  return lab.state.pids[runtimeKey(node.name)];
}

export async function stopRuntime(lab: LabHandle, node: LabNode): Promise<void> {
  const key = runtimeKey(node.name);
  await stopProcess(lab.state.pids[key], 'containerd', 8000);
  delete lab.state.pids[key];
}

export async function restartRuntime(lab: LabHandle, node: LabNode, opts: StartRuntimeOptions = {}): Promise<number> {
  await stopRuntime(lab, node);
  return startRuntime(lab, node, opts);
}

export function runtimePid(lab: LabHandle, node: LabNode): number | undefined {
  const pid = lab.state.pids[runtimeKey(node.name)];
  return pid && isRunning(pid, 'containerd') ? pid : undefined;
}
