/**
 * Real registries (Debian `docker-registry`, distribution 2.8), one namespace and address each:
 *   reg-tls   https://reg-tls.<zone>          port 443, lab CA cert, anonymous
 *   reg-auth  https://reg-auth.<zone>:5000    port 5000, lab CA cert, htpasswd (bcrypt) auth
 *   reg-http  http://reg-http.<zone>:5000     port 5000, plain HTTP
 * Each has its own config YAML, storage dir and log under <lab dir>/registry/<name>/.
 */
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { LabHandle, LabRegistry } from '../types.js';
import { addrFromTop, attachNetns, detachNetns } from './netns.js';
import { ensureLabCA, issueServerCert } from './pki.js';
import { spawnInNetns, stopProcess, waitFor } from '../runtime/lab-process.js';

export const REGISTRY_ZONE_DEFAULT = 'example.lab';

export type RegistryName = 'reg-tls' | 'reg-auth' | 'reg-http';

interface Variant {
  name: RegistryName;
  port: number;
  tls: boolean;
  auth: boolean;
  /** position from the top of the underlay CIDR */
  slot: number;
  /** extra addresses of its namespace where nothing listens (mirror, proxy): refused, not black-holed */
  spare?: number[];
}

const VARIANTS: Variant[] = [
  { name: 'reg-tls', port: 443, tls: true, auth: false, slot: 10 },
  { name: 'reg-auth', port: 5000, tls: true, auth: true, slot: 11 },
  { name: 'reg-http', port: 5000, tls: false, auth: false, slot: 12, spare: [13, 14] },
];

/** Addresses that resolve but where nothing listens (mirror and proxy faults). */
export const SPARE_SLOTS = { mirror: 13, proxy: 14 } as const;

export function registryZone(lab: LabHandle): string {
  return lab.state.upstreamDns?.zone ?? REGISTRY_ZONE_DEFAULT;
}

export function imagesDir(lab: LabHandle): string {
  return path.join(lab.state.dir, 'registry');
}

export function pkiDir(lab: LabHandle): string {
  return path.join(imagesDir(lab), 'pki');
}

/** The lab CA every TLS registry certificate chains to. */
export function labCaFile(lab: LabHandle): string {
  return path.join(pkiDir(lab), 'ca.crt');
}

export function registryDir(lab: LabHandle, name: string): string {
  return path.join(imagesDir(lab), name);
}

export function registryNetns(lab: LabHandle, name: string): string {
  return `${lab.state.prefix}-${name}`;
}

export function findRegistry(lab: LabHandle, name: RegistryName): LabRegistry {
  const r = lab.state.registries.find((x) => x.name === name);
  if (!r) throw new Error(`lab registry ${name} is not running (lab up starts the registries)`);
  return r;
}

/** The pull credentials of reg-auth (lab-generated, kept 0600 in the lab dir; never printed). */
export interface RegistryCreds {
  username: string;
  password: string;
}

export function registryCreds(lab: LabHandle): RegistryCreds {
  const file = path.join(registryDir(lab, 'reg-auth'), 'creds.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as RegistryCreds;
}

function ensureCreds(lab: LabHandle): RegistryCreds {
  const dir = registryDir(lab, 'reg-auth');
  const file = path.join(dir, 'creds.json');
  if (fs.existsSync(file)) return registryCreds(lab);
  const creds = { username: 'labuser', password: crypto.randomBytes(12).toString('base64url') };
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, JSON.stringify(creds), { mode: 0o600 });
  // htpasswd -B (bcrypt is the only hash docker-registry accepts); -i reads the password from stdin
  execFileSync('htpasswd', ['-c', '-B', '-i', path.join(dir, 'htpasswd'), creds.username], { input: creds.password + '\n', stdio: ['pipe', 'ignore', 'pipe'] });
  return creds;
}

/** Certificate of a TLS registry; `kind` selects the fault variants (name mismatch, expired). */
export type CertKind = 'good' | 'wrong-name' | 'expired';

export function certFiles(lab: LabHandle, name: string): { cert: string; key: string } {
  const dir = path.join(registryDir(lab, name), 'certs');
  return { cert: path.join(dir, 'server.crt'), key: path.join(dir, 'server.key') };
}

/** (Re)writes the served certificate of a TLS registry. The registry reads it at start. */
export function writeRegistryCert(lab: LabHandle, reg: Pick<LabRegistry, 'name' | 'host' | 'ip'>, kind: CertKind): void {
  const hostname = reg.host.split(':')[0];
  const dir = path.join(registryDir(lab, reg.name), 'certs');
  const opts =
    kind === 'wrong-name'
      ? { dnsNames: [`legacy-registry.${hostname.split('.').slice(1).join('.')}`] }
      : kind === 'expired'
        ? { dnsNames: [hostname], ips: [reg.ip], startDate: '20200101000000Z', endDate: '20210101000000Z' }
        : { dnsNames: [hostname], ips: [reg.ip] };
  const issued = issueServerCert(pkiDir(lab), dir, `server-${kind}`, opts);
  const target = certFiles(lab, reg.name);
  fs.copyFileSync(issued.cert, target.cert);
  fs.copyFileSync(issued.key, target.key);
  fs.chmodSync(target.key, 0o600);
}

function registryConfigYaml(lab: LabHandle, v: Variant, ip: string): string {
  const dir = registryDir(lab, v.name);
  const lines = [
    '# docker-registry (distribution 2.8) config written by the flannel-doctor lab',
    'version: 0.1',
    'log:',
    '  level: info',
    '  accesslog:',
    '    disabled: false',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${JSON.stringify(path.join(dir, 'data'))}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: ${JSON.stringify(`${ip}:${v.port}`)}`,
    // a fixed secret: several restarts (faults) must not invalidate upload sessions
    `  secret: ${JSON.stringify(crypto.createHash('sha256').update(lab.state.prefix + v.name).digest('hex'))}`,
  ];
  if (v.tls) {
    const c = certFiles(lab, v.name);
    lines.push('  tls:', `    certificate: ${JSON.stringify(c.cert)}`, `    key: ${JSON.stringify(c.key)}`);
  }
  if (v.auth) {
    lines.push('auth:', '  htpasswd:', '    realm: lab-registry', `    path: ${JSON.stringify(path.join(dir, 'htpasswd'))}`);
  }
  return lines.join('\n') + '\n';
}

function configPath(lab: LabHandle, name: string): string {
  return path.join(registryDir(lab, name), 'config.yml');
}

function tcpOpen(netns: string, ip: string, port: number, lab: LabHandle): Promise<boolean> {
  // probe from inside the registry namespace: the root namespace never talks to lab addresses
  return lab
    .exec(netns, ['bash', '-c', `exec 3<>/dev/tcp/${ip}/${port}`], { allowFail: true })
    .then((r) => r.code === 0);
}

/** Starts (or restarts) one registry process from its config; records its PID. */
export async function startRegistryProcess(lab: LabHandle, reg: LabRegistry): Promise<void> {
  const cfg = configPath(lab, reg.name);
  const log = path.join(registryDir(lab, reg.name), 'registry.log');
  const pid = spawnInNetns(reg.netns, ['docker-registry', 'serve', cfg], { log });
  lab.state.pids[`registry:${reg.name}`] = pid;
  await waitFor(`registry ${reg.name} on ${reg.ip}:${reg.port}`, async () => tcpOpen(reg.netns, reg.ip, reg.port, lab), 10_000, log);
}

/** Restarts the TLS registry with another certificate (the TLS faults and their revert). */
export async function serveRegistryCert(lab: LabHandle, kind: CertKind): Promise<void> {
  const reg = findRegistry(lab, 'reg-tls');
  writeRegistryCert(lab, reg, kind);
  await stopRegistryProcess(lab, reg);
  await startRegistryProcess(lab, reg);
}

export async function stopRegistryProcess(lab: LabHandle, reg: Pick<LabRegistry, 'name'>): Promise<void> {
  const key = `registry:${reg.name}`;
  await stopProcess(lab.state.pids[key], configPath(lab, reg.name));
  delete lab.state.pids[key];
}

/** Creates namespaces, PKI, credentials, configs, and starts the three registries. */
export async function startRegistries(lab: LabHandle): Promise<LabRegistry[]> {
  const zone = registryZone(lab);
  ensureLabCA(pkiDir(lab));
  ensureCreds(lab);
  const out: LabRegistry[] = [];
  for (const v of VARIANTS) {
    const ip = addrFromTop(lab.state.underlay.cidr, v.slot);
    const netns = registryNetns(lab, v.name);
    const hostname = `${v.name}.${zone}`;
    const reg: LabRegistry = {
      name: v.name,
      host: v.port === 443 && v.tls ? hostname : `${hostname}:${v.port}`,
      ip,
      port: v.port,
      scheme: v.tls ? 'https' : 'http',
      auth: v.auth,
      netns,
    };
    fs.mkdirSync(path.join(registryDir(lab, v.name), 'data'), { recursive: true });
    if (v.tls) {
      fs.mkdirSync(path.dirname(certFiles(lab, v.name).cert), { recursive: true, mode: 0o700 });
      writeRegistryCert(lab, reg, 'good');
    }
    fs.writeFileSync(configPath(lab, v.name), registryConfigYaml(lab, v, ip));
    (lab.state.netnsCreated ??= []).push(netns); // recorded first: a half-made namespace is still removed
    await attachNetns(lab, netns, v.name, [ip, ...(v.spare ?? []).map((n) => addrFromTop(lab.state.underlay.cidr, n))]);
    lab.state.registries = [...lab.state.registries.filter((r) => r.name !== v.name), reg];
    await startRegistryProcess(lab, reg);
    out.push(reg);
  }
  return out;
}

export async function stopRegistries(lab: LabHandle): Promise<void> {
  for (const reg of lab.state.registries) await stopRegistryProcess(lab, reg);
  // every registry namespace, including one whose start failed half-way
  for (const v of VARIANTS) {
    const netns = registryNetns(lab, v.name);
    await detachNetns(lab, netns);
    lab.state.netnsCreated = (lab.state.netnsCreated ?? []).filter((n) => n !== netns);
  }
  lab.state.registries = [];
}

/** Whether the registry port accepts TCP (probed from the registry's own namespace). */
export async function registryListening(lab: LabHandle, reg: LabRegistry): Promise<boolean> {
  return tcpOpen(reg.netns, reg.ip, reg.port, lab);
}
