#!/usr/bin/env node
// flannel-doctor lab: stand-in for the flannel CNI plugin (flannel-io/cni-plugin), which Debian does
// not ship. It does what that plugin does on ADD/DEL (facts §3): read /run/flannel/subnet.env, build
// the delegate config (bridge + host-local) and exec the REAL delegate plugin found in CNI_PATH.
// Node paths (/run/flannel, /var/lib/cni, /opt/cni/bin) live under FLANNEL_LAB_NODE_ROOT; error texts
// name the paths as the node sees them. One lab addition: ipam.dataDir points host-local's state at
// <node root>/var/lib/cni/networks so IPAM files stay in the node's tree.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.env.FLANNEL_LAB_NODE_ROOT ?? '';
const unroot = (s) => (root ? String(s).split(root).join('') : String(s));
const inRoot = (p) => (root ? join(root, p) : p);

function fail(msg, code = 999) {
  process.stdout.write(JSON.stringify({ cniVersion: conf?.cniVersion ?? '0.3.1', code, msg: unroot(msg) }) + '\n');
  process.exit(1);
}

let conf;
try {
  conf = JSON.parse(readFileSync(0, 'utf8'));
} catch (e) {
  fail(`failed to load flannel netconf file: ${e.message}`);
}
const cmd = process.env.CNI_COMMAND;
if (cmd === 'VERSION') {
  process.stdout.write(JSON.stringify({ cniVersion: '1.0.0', supportedVersions: ['0.1.0', '0.2.0', '0.3.0', '0.3.1', '0.4.0', '1.0.0'] }) + '\n');
  process.exit(0);
}
const subnetFile = conf.subnetFile ?? '/run/flannel/subnet.env';
const dataDir = conf.dataDir ?? '/var/lib/cni/flannel';
const containerId = process.env.CNI_CONTAINERID ?? '';

function loadSubnetEnv() {
  let text;
  try {
    text = readFileSync(inRoot(subnetFile), 'utf8');
  } catch (e) {
    const why = e.code === 'ENOENT' ? 'no such file or directory' : e.message;
    fail(`failed to load flannel 'subnet.env' file: open ${subnetFile}: ${why}. Check the flannel pod log for this node.`);
  }
  const env = {};
  for (const line of text.split('\n')) {
    const i = line.indexOf('=');
    if (i > 0) env[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  const missing = [];
  if (!env.FLANNEL_NETWORK) missing.push('FLANNEL_NETWORK, FLANNEL_IPV6_NETWORK');
  if (!env.FLANNEL_SUBNET) missing.push('FLANNEL_SUBNET, FLANNEL_IPV6_SUBNET');
  if (!env.FLANNEL_MTU) missing.push('FLANNEL_MTU');
  if (!env.FLANNEL_IPMASQ) missing.push('FLANNEL_IPMASQ');
  if (missing.length) fail(`${subnetFile} is missing ${missing.join(', ')}`);
  return env;
}

/** 10.244.1.1/24 -> 10.244.1.0/24 */
function networkOf(cidr) {
  const [ip, len] = cidr.split('/');
  const n = ip.split('.').reduce((a, o) => (a << 8) + Number(o), 0) >>> 0;
  const mask = Number(len) === 0 ? 0 : (0xffffffff << (32 - Number(len))) >>> 0;
  const net = (n & mask) >>> 0;
  return `${[24, 16, 8, 0].map((s) => (net >>> s) & 255).join('.')}/${len}`;
}

function findPlugin(type) {
  const dirs = (process.env.CNI_PATH ?? '').split(':').filter(Boolean);
  for (const d of dirs) if (existsSync(join(d, type))) return join(d, type);
  fail(`failed to delegate add: failed to find plugin "${type}" in path [${dirs.map(unroot).join(' ')}]`);
}

function execDelegate(type, netconf, what) {
  const bin = findPlugin(type);
  const r = spawnSync(bin, [], { input: JSON.stringify(netconf), encoding: 'utf8', env: process.env });
  if (r.status !== 0) {
    let msg = (r.stdout || r.stderr || '').trim();
    try {
      const j = JSON.parse(r.stdout);
      msg = j.msg + (j.details ? `; ${j.details}` : '');
    } catch {
      /* plain text error */
    }
    fail(`failed to delegate ${what}: ${msg}`);
  }
  return r.stdout;
}

if (cmd === 'ADD') {
  const env = loadSubnetEnv();
  const d = conf.delegate ?? {};
  if (conf.delegate && typeof d.type !== 'string' && d.type !== undefined) fail("'delegate' dictionary, if present, must have (string) 'type' field");
  if (d.name !== undefined) fail("'delegate' dictionary must not have 'name' field, it'll be set by flannel");
  if (d.ipam !== undefined) fail("'delegate' dictionary must not have 'ipam' field, it'll be set by flannel");
  const delegate = { ...d };
  delegate.name = conf.name;
  delegate.type ??= 'bridge';
  delegate.ipMasq ??= env.FLANNEL_IPMASQ !== 'true';
  delegate.mtu ??= Number(env.FLANNEL_MTU);
  if (delegate.type === 'bridge') delegate.isGateway ??= true;
  delegate.cniVersion = conf.cniVersion;
  if (conf.runtimeConfig) delegate.runtimeConfig = conf.runtimeConfig;
  delegate.ipam = {
    ...(conf.ipam ?? {}),
    type: conf.ipam?.type ?? 'host-local',
    ranges: [[{ subnet: networkOf(env.FLANNEL_SUBNET) }]],
    routes: [...(conf.ipam?.routes ?? []), { dst: env.FLANNEL_NETWORK }],
    dataDir: inRoot('/var/lib/cni/networks'),
  };
  const saveDir = inRoot(dataDir);
  mkdirSync(saveDir, { recursive: true, mode: 0o700 });
  writeFileSync(join(saveDir, containerId), JSON.stringify(delegate), { mode: 0o600 });
  process.stderr.write(`delegateAdd: netconf sent to delegate plugin:\n${JSON.stringify(delegate)}\n`);
  process.stdout.write(execDelegate(delegate.type, delegate, 'add'));
} else if (cmd === 'DEL') {
  const saved = join(inRoot(dataDir), containerId);
  if (!existsSync(saved)) process.exit(0); // missing file on DEL is success
  const delegate = JSON.parse(readFileSync(saved, 'utf8'));
  execDelegate(delegate.type, delegate, 'del');
  rmSync(saved, { force: true });
} else if (cmd === 'CHECK') {
  process.exit(0);
} else {
  fail(`unknown CNI_COMMAND: ${cmd}`);
}
