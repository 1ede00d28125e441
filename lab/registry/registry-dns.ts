/**
 * Registry names live in the lab's real DNS: the core's "outside world" dnsmasq (state.upstreamDns,
 * zone example.lab) serves an addn-hosts file; we add our names in a marked block and SIGHUP it
 * (dnsmasq re-reads addn-hosts on SIGHUP). Nodes resolve them through their own resolv.conf, as
 * containerd does on a real node — so removing a record is a real `no such host`.
 */
import fs from 'node:fs';
import type { LabHandle } from '../types.js';
import { isRunning } from '../runtime/lab-process.js';
import { SPARE_SLOTS, registryZone } from './registries.js';
import { addrFromTop } from './netns.js';

const BEGIN = '# BEGIN flannel-doctor lab registries';
const END = '# END flannel-doctor lab registries';

/** host → ip of every name the images side publishes. */
export function registryRecords(lab: LabHandle): Record<string, string> {
  const zone = registryZone(lab);
  const rec: Record<string, string> = {};
  for (const r of lab.state.registries) rec[r.host.split(':')[0]] = r.ip;
  rec[`reg-mirror.${zone}`] = addrFromTop(lab.state.underlay.cidr, SPARE_SLOTS.mirror);
  rec[`proxy.${zone}`] = addrFromTop(lab.state.underlay.cidr, SPARE_SLOTS.proxy);
  return rec;
}

function hostsFile(lab: LabHandle): string {
  const f = lab.state.upstreamDns?.hostsFile;
  if (!f) throw new Error('lab state has no upstreamDns: the core (or the standalone harness) must start the lab DNS first');
  return f;
}

function reload(lab: LabHandle): void {
  const pid = lab.state.pids.upstreamDns;
  if (pid && isRunning(pid, 'dnsmasq')) process.kill(pid, 'SIGHUP');
}

function writeBlock(lab: LabHandle, records: Record<string, string>): void {
  const file = hostsFile(lab);
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const kept = old.replace(new RegExp(`${BEGIN}[\\s\\S]*?${END}\\n?`), '');
  const block = [BEGIN, ...Object.entries(records).map(([h, ip]) => `${ip} ${h}`), END, ''].join('\n');
  fs.writeFileSync(file, (kept.endsWith('\n') || kept === '' ? kept : kept + '\n') + block);
  reload(lab);
}

/** Publishes all registry names (idempotent). */
export function publishRegistryNames(lab: LabHandle): void {
  writeBlock(lab, registryRecords(lab));
}

/** Publishes all names except `hostname` (the registry.dns fault). */
export function withdrawRegistryName(lab: LabHandle, hostname: string): void {
  const rec = registryRecords(lab);
  delete rec[hostname];
  writeBlock(lab, rec);
}

/** Removes our block (teardown). */
export function unpublishRegistryNames(lab: LabHandle): void {
  const file = lab.state.upstreamDns?.hostsFile;
  if (!file || !fs.existsSync(file)) return;
  const old = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, old.replace(new RegExp(`${BEGIN}[\\s\\S]*?${END}\\n?`), ''));
  reload(lab);
}
