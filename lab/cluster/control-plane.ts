/**
 * The real control plane in netns `<p>-cp` (eth0 172.31.250.2 on the underlay): etcd with TLS,
 * kube-apiserver (Node,RBAC authorization, NodeRestriction, service-account tokens),
 * kube-controller-manager (allocates node podCIDRs from the cluster CIDR) and kube-scheduler, all
 * built by lab/components/build.sh. The host reaches the API through two socat processes:
 * host 127.0.0.1:<port> → `<lab dir>/api.sock` → inside `<p>-cp` → 127.0.0.1:6443.
 *
 * Every process is started detached, recorded by PID in state.pids (`cp:<role>`), logs to
 * `<lab dir>/logs/<component>.log`, and is stopped only by that PID after /proc shows it still runs
 * the program with this lab's directory in its arguments.
 */
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { run, type ExecOptions, type ExecResult } from '../exec.js';
import { addNetns, attachToUnderlay } from '../network.js';
import { API_SERVICE_IP, CLUSTER_DOMAIN } from '../plan.js';
import { cmdlineOf, execed, isRunning, spawnInNetns, stopProcess, waitFor } from '../runtime/lab-process.js';
import { saveState } from '../state.js';
import type { LabControlPlane, LabHandle, LabState } from '../types.js';
import { component, programOf } from './components.js';
import { clusterPki, kubeconfigFor, pkiPaths, type ClusterPki } from './pki.js';

export const CP_IP = '172.31.250.2';
export const API_PORT = 6443;
const ETCD_CLIENT = 'https://127.0.0.1:2379';
const ETCD_PEER = 'https://127.0.0.1:2380';
const LOCAL_API = `https://127.0.0.1:${API_PORT}`;

/** The roles this module records in state.pids, with the program each must still be running. */
export const CP_ROLES = {
  'cp:forward-out': 'socat',
  'cp:forward-in': 'socat',
  'cp:scheduler': 'kube-scheduler',
  'cp:controller-manager': 'kube-controller-manager',
  'cp:apiserver': 'kube-apiserver',
  'cp:etcd': 'etcd',
} as const;
export type CpRole = keyof typeof CP_ROLES;

export interface ControlPlaneEndpoints {
  kubeconfig: string;
  serverUrl: string;
  inClusterServer: string;
}

export function cpNetns(state: LabState): string {
  return `${state.prefix}-cp`;
}

export function adminKubeconfig(state: LabState): string {
  return path.join(state.dir, 'kubeconfig');
}

function logOf(state: LabState, name: string): string {
  return path.join(state.dir, 'logs', `${name}.log`);
}

function apiSock(state: LabState): string {
  return path.join(state.dir, 'api.sock');
}

function etcdDataDir(state: LabState): string {
  return path.join(state.dir, 'etcd');
}

/** Runs the built kubectl with the lab's admin kubeconfig (host side). */
export function kubectl(lab: LabHandle, args: string[], opts: ExecOptions = {}): Promise<ExecResult> {
  return run(undefined, [programOf('kubernetes', 'kubectl'), '--kubeconfig', adminKubeconfig(lab.state), ...args], opts);
}

/** A loopback TCP port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function etcdArgs(state: LabState, p: ClusterPki): string[] {
  return [
    '--name=cp',
    `--data-dir=${etcdDataDir(state)}`,
    `--listen-client-urls=${ETCD_CLIENT}`,
    `--advertise-client-urls=${ETCD_CLIENT}`,
    `--listen-peer-urls=${ETCD_PEER}`,
    `--initial-advertise-peer-urls=${ETCD_PEER}`,
    `--initial-cluster=cp=${ETCD_PEER}`,
    '--initial-cluster-state=new',
    '--listen-metrics-urls=http://127.0.0.1:2381',
    `--cert-file=${p.etcdServer.cert}`,
    `--key-file=${p.etcdServer.key}`,
    '--client-cert-auth=true',
    `--trusted-ca-file=${p.etcdCa.cert}`,
    `--peer-cert-file=${p.etcdServer.cert}`,
    `--peer-key-file=${p.etcdServer.key}`,
    '--peer-client-cert-auth=true',
    `--peer-trusted-ca-file=${p.etcdCa.cert}`,
    '--snapshot-count=10000',
    // a lab's data is thrown away at `lab down`: no fsync (the lab dir is not always on tmpfs)
    '--unsafe-no-fsync=true',
  ];
}

function apiserverArgs(state: LabState, p: ClusterPki): string[] {
  return [
    `--advertise-address=${CP_IP}`,
    `--secure-port=${API_PORT}`,
    '--bind-address=0.0.0.0',
    '--allow-privileged=true',
    '--authorization-mode=Node,RBAC',
    '--enable-admission-plugins=NodeRestriction',
    '--enable-bootstrap-token-auth=true',
    `--client-ca-file=${p.ca.cert}`,
    `--tls-cert-file=${p.apiserver.cert}`,
    `--tls-private-key-file=${p.apiserver.key}`,
    `--etcd-servers=${ETCD_CLIENT}`,
    `--etcd-cafile=${p.etcdCa.cert}`,
    `--etcd-certfile=${p.apiserverEtcdClient.cert}`,
    `--etcd-keyfile=${p.apiserverEtcdClient.key}`,
    `--kubelet-client-certificate=${p.apiserverKubeletClient.cert}`,
    `--kubelet-client-key=${p.apiserverKubeletClient.key}`,
    '--kubelet-preferred-address-types=InternalIP',
    `--service-cluster-ip-range=${state.serviceCIDR}`,
    `--service-account-issuer=https://kubernetes.default.svc.${CLUSTER_DOMAIN}`,
    `--service-account-key-file=${p.saPub}`,
    `--service-account-signing-key-file=${p.saKey}`,
    `--proxy-client-cert-file=${p.frontProxyClient.cert}`,
    `--proxy-client-key-file=${p.frontProxyClient.key}`,
    `--requestheader-client-ca-file=${p.frontProxyCa.cert}`,
    '--requestheader-allowed-names=front-proxy-client',
    '--requestheader-extra-headers-prefix=X-Remote-Extra-',
    '--requestheader-group-headers=X-Remote-Group',
    '--requestheader-username-headers=X-Remote-User',
  ];
}

function controllerManagerArgs(state: LabState, p: ClusterPki, kubeconfig: string): string[] {
  return [
    `--kubeconfig=${kubeconfig}`,
    `--authentication-kubeconfig=${kubeconfig}`,
    `--authorization-kubeconfig=${kubeconfig}`,
    '--bind-address=127.0.0.1',
    `--client-ca-file=${p.ca.cert}`,
    `--requestheader-client-ca-file=${p.frontProxyCa.cert}`,
    '--cluster-name=kubernetes',
    `--cluster-signing-cert-file=${p.ca.cert}`,
    `--cluster-signing-key-file=${p.ca.key}`,
    '--controllers=*,bootstrapsigner,tokencleaner',
    '--leader-elect=true',
    `--root-ca-file=${p.ca.cert}`,
    `--service-account-private-key-file=${p.saKey}`,
    '--use-service-account-credentials=true',
    '--allocate-node-cidrs=true',
    `--cluster-cidr=${state.clusterCIDR}`,
    '--node-cidr-mask-size=24',
    `--service-cluster-ip-range=${state.serviceCIDR}`,
  ];
}

function schedulerArgs(kubeconfig: string): string[] {
  return [
    `--kubeconfig=${kubeconfig}`,
    `--authentication-kubeconfig=${kubeconfig}`,
    `--authorization-kubeconfig=${kubeconfig}`,
    '--bind-address=127.0.0.1',
    '--leader-elect=true',
  ];
}

/**
 * What kubeadm adds to the bootstrap RBAC for the components the lab runs. (The bootstrap policy
 * already binds system:node-proxier to the user system:kube-proxy as `system:node-proxier`; the
 * lab's own binding keeps kube-proxy working when a fault removes one of them on purpose.)
 */
export const CONTROL_PLANE_RBAC = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: kubeadm:apiserver-kubelet-client
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: system:kubelet-api-admin
subjects:
- apiGroup: rbac.authorization.k8s.io
  kind: User
  name: kube-apiserver-kubelet-client
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: kubeadm:node-proxier
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: system:node-proxier
subjects:
- apiGroup: rbac.authorization.k8s.io
  kind: User
  name: system:kube-proxy
`;

/** GET on the API as the lab admin, through the host forwarder; resolves status and body. */
function adminGet(state: LabState, url: string, timeoutMs = 2000): Promise<{ status: number; body: string }> {
  const p = pkiPaths(state.dir);
  const user = path.join(p.dir, 'users');
  return new Promise((resolve, reject) => {
    const req = https.get(url, {
      ca: fs.readFileSync(p.ca.cert),
      cert: fs.readFileSync(path.join(user, 'admin.crt')),
      key: fs.readFileSync(path.join(user, 'admin.key')),
      timeout: timeoutMs,
      agent: false,
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

function lastLines(file: string, n: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-n).join(' | ').slice(-600);
  } catch {
    return '(no log)';
  }
}

/** Fails at once (one line, with the log tail) when a recorded process has exited. */
function assertAlive(state: LabState, roles: CpRole[]): void {
  for (const role of roles) {
    const pid = state.pids[role];
    if (pid && !isRunning(pid, CP_ROLES[role])) {
      const name = role.slice(3);
      throw new Error(`control plane: ${name} exited (log ${logOf(state, name)}: ${lastLines(logOf(state, name), 3)})`);
    }
  }
}

async function start(lab: LabHandle, role: CpRole, netns: string | undefined, argv: string[]): Promise<void> {
  const name = role.slice(3);
  const pid = spawnInNetns(netns, argv, { log: logOf(lab.state, name) });
  lab.state.pids[role] = pid;
  await saveState(lab.state);
  // the liveness checks after this one look for the program by name: not before it has exec'd
  await execed(pid, CP_ROLES[role]);
}

/**
 * Starts the control plane, waits for /readyz, applies the RBAC kubeadm adds, and waits until the
 * controller-manager and the scheduler hold their leases. On failure it stops what it started
 * and rethrows one line naming the component and its log.
 */
export async function startControlPlane(lab: LabHandle): Promise<ControlPlaneEndpoints> {
  const state = lab.state;
  const t0 = Date.now();
  const phases: Record<string, number> = {};
  const mark = (what: string, since: number) => (phases[what] = Date.now() - since);
  const k8s = component('kubernetes');
  const etcd = component('etcd');
  const bin = (p: string) => programOf('kubernetes', p);
  const etcdBin = programOf('etcd', 'etcd');
  const netns = cpNetns(state);
  try {
    fs.mkdirSync(path.join(state.dir, 'logs'), { recursive: true });
    let t = Date.now();
    const [p] = await Promise.all([
      clusterPki(state.dir, ['127.0.0.1', CP_IP, API_SERVICE_IP]),
      (async () => {
        await addNetns(state, netns);
        await saveState(state);
        await attachToUnderlay(state, netns, 'cp', CP_IP);
      })(),
    ]);
    const [cmConf, schedConf] = await Promise.all([
      kubeconfigFor(state.dir, 'controller-manager', LOCAL_API),
      kubeconfigFor(state.dir, 'scheduler', LOCAL_API),
    ]);
    mark('pki+netns', t);

    t = Date.now();
    const hostPort = await freePort();
    const serverUrl = `https://127.0.0.1:${hostPort}`;
    const inClusterServer = `https://${CP_IP}:${API_PORT}`;
    const kubeconfig = adminKubeconfig(state);
    fs.copyFileSync(await kubeconfigFor(state.dir, 'admin', serverUrl), kubeconfig);
    fs.chmodSync(kubeconfig, 0o600);
    const cp: LabControlPlane = {
      netns, ip: CP_IP, hostPort, serverUrl, inClusterServer, kubeconfig,
      versions: { kubernetes: k8s.version, etcd: etcd.version },
    };
    state.controlPlane = cp;
    state.api = { url: serverUrl, kubeconfig };

    // The API server retries etcd and the others retry the API server: start them all at once.
    const sock = apiSock(state);
    fs.rmSync(sock, { force: true });
    await start(lab, 'cp:etcd', netns, [etcdBin, ...etcdArgs(state, p)]);
    await start(lab, 'cp:apiserver', netns, [bin('kube-apiserver'), ...apiserverArgs(state, p)]);
    await start(lab, 'cp:controller-manager', netns, [bin('kube-controller-manager'), ...controllerManagerArgs(state, p, cmConf)]);
    await start(lab, 'cp:scheduler', netns, [bin('kube-scheduler'), ...schedulerArgs(schedConf)]);
    await start(lab, 'cp:forward-in', netns, ['socat', `UNIX-LISTEN:${sock},fork,unlink-early,mode=600`, `TCP:127.0.0.1:${API_PORT}`]);
    await waitFor('the API socket', () => fs.existsSync(sock), 5000, logOf(state, 'forward-in'));
    await start(lab, 'cp:forward-out', undefined, ['socat', `TCP-LISTEN:${hostPort},bind=127.0.0.1,reuseaddr,fork`, `UNIX-CONNECT:${sock}`]);
    mark('spawn', t);

    t = Date.now();
    const all = Object.keys(CP_ROLES) as CpRole[];
    await waitUntil(state, all, 'kube-apiserver /readyz', 90_000, 'kube-apiserver', async () => (await adminGet(state, `${serverUrl}/readyz`)).status === 200);
    mark('readyz', t);

    t = Date.now();
    await kubectl(lab, ['apply', '-f', '-'], { input: CONTROL_PLANE_RBAC });
    mark('rbac', t);

    t = Date.now();
    await Promise.all(
      (['kube-controller-manager', 'kube-scheduler'] as const).map((lease) =>
        waitUntil(state, all, `the ${lease} lease`, 60_000, lease, async () => {
          const r = await adminGet(state, `${serverUrl}/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/${lease}`);
          return r.status === 200 && Boolean(JSON.parse(r.body).spec?.holderIdentity);
        }),
      ),
    );
    mark('leases', t);
    cp.phases = phases;
    cp.startMs = Date.now() - t0;
    await saveState(state);
    return { kubeconfig, serverUrl, inClusterServer };
  } catch (e) {
    await stopControlPlane(lab).catch(() => undefined);
    throw e;
  }
}

/** Polls `check` every 100 ms; fails early when a process died, and at the deadline with `logName`'s tail. */
async function waitUntil(state: LabState, roles: CpRole[], what: string, ms: number, logName: string, check: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    assertAlive(state, roles);
    try {
      if (await check()) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > end) throw new Error(`control plane: timed out after ${ms / 1000} s waiting for ${what} (log ${logOf(state, logName)}: ${lastLines(logOf(state, logName), 2)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** True when `pid` runs `program` with this lab's directory in its arguments. */
function ours(state: LabState, pid: number, program: string): boolean {
  const cmd = cmdlineOf(pid);
  return cmd !== undefined && isRunning(pid, program) && cmd.includes(state.dir);
}

/** PIDs in process group `pgid` (socat's forked children share their parent's group). */
function groupMembers(pgid: number): number[] {
  const out: number[] = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) out.push(Number(d));
    } catch {
      /* gone */
    }
  }
  return out;
}

/** Stops what startControlPlane started (also after a partial start), removes the cp netns and its files. */
export async function stopControlPlane(lab: LabHandle): Promise<void> {
  const state = lab.state;
  const stopRole = async (role: CpRole) => {
    const pid = state.pids[role];
    if (!pid) return;
    const program = CP_ROLES[role];
    if (ours(state, pid, program)) {
      // socat forks one child per connection, in the parent's process group (the lab started it
      // detached, so the group is its own): end those children too, each checked the same way.
      const children = program === 'socat' ? groupMembers(pid).filter((c) => c !== pid && ours(state, c, program)) : [];
      await stopProcess(pid, state.dir, role === 'cp:apiserver' || role === 'cp:etcd' ? 10_000 : 3000);
      for (const c of children) await stopProcess(c, state.dir, 1000);
    }
    delete state.pids[role];
  };
  await Promise.all((['cp:forward-out', 'cp:forward-in', 'cp:scheduler', 'cp:controller-manager'] as CpRole[]).map(stopRole));
  await stopRole('cp:apiserver');
  await stopRole('cp:etcd');
  const netns = cpNetns(state);
  if ((state.netnsCreated ?? []).includes(netns)) {
    await run(undefined, ['ip', 'netns', 'del', netns], { allowFail: true });
    state.netnsCreated = state.netnsCreated!.filter((n) => n !== netns);
  }
  fs.rmSync(apiSock(state), { force: true });
  fs.rmSync(etcdDataDir(state), { recursive: true, force: true });
  if (state.api?.kubeconfig === adminKubeconfig(state)) delete state.api;
  delete state.controlPlane;
  await saveState(state);
}

/** Resident memory (KiB, VmRSS) of each running control-plane process. */
export function controlPlaneMemory(state: LabState): Record<string, number> {
  const out: Record<string, number> = {};
  for (const role of Object.keys(CP_ROLES) as CpRole[]) {
    const pid = state.pids[role];
    if (!pid) continue;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) out[role] = Number(m[1]);
    } catch {
      /* gone */
    }
  }
  return out;
}

/**
 * Restarts the controller-manager with some flags changed (`--name=value`), keeping every other flag
 * it runs with: how an operator's edit of its manifest takes effect. Waits until it holds its lease.
 */
export async function restartControllerManager(lab: LabHandle, flags: Record<string, string>): Promise<void> {
  const state = lab.state;
  const role: CpRole = 'cp:controller-manager';
  const pid = state.pids[role];
  const argv = pid ? fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean) : undefined;
  if (!argv || !ours(state, pid!, CP_ROLES[role])) throw new Error('the controller-manager of this lab is not running');
  const changed = argv.map((a) => {
    const m = /^(--[\w-]+)=/.exec(a);
    return m && m[1] in flags ? `${m[1]}=${flags[m[1]]}` : a;
  });
  for (const f of Object.keys(flags)) if (!changed.some((a) => a.startsWith(`${f}=`))) changed.push(`${f}=${flags[f]}`);
  await stopProcess(pid!, state.dir, 3000);
  const netns = cpNetns(state);
  await start(lab, role, netns, changed);
  const lease = `${state.api!.url}/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/kube-controller-manager`;
  const since = Date.now();
  await waitUntil(state, [role], 'the controller-manager to lead again', 60_000, 'kube-controller-manager', async () => {
    const r = await adminGet(state, lease);
    const renew = r.status === 200 ? Date.parse(JSON.parse(r.body).spec?.renewTime ?? '') : 0;
    return renew >= since - 1000 && JSON.parse(r.body).spec?.holderIdentity !== undefined;
  });
}

/**
 * Restarts kube-apiserver with the flags it runs with (an upgrade, a crash the kubelet restarts it
 * from): stopped, `downMs` with no API server at all, started again; waits until /readyz answers.
 * The controller-manager and the scheduler exit when they cannot renew their lease (as they do on a
 * real control plane, where the kubelet starts their static pods again): here the lab is their
 * supervisor and starts them again with their flags, then waits for the controller-manager's lease.
 * Returns how long the API was unreachable.
 */
export async function restartApiServer(lab: LabHandle, downMs = 0): Promise<{ downMs: number; restarted: string[] }> {
  const state = lab.state;
  const argvOf = (role: CpRole) => {
    const pid = state.pids[role];
    return pid && ours(state, pid, CP_ROLES[role]) ? fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean) : undefined;
  };
  const role: CpRole = 'cp:apiserver';
  const argv = argvOf(role);
  if (!argv) throw new Error('the kube-apiserver of this lab is not running');
  const supervised = (['cp:controller-manager', 'cp:scheduler'] as CpRole[]).map((r) => ({ role: r, argv: argvOf(r) }));
  const netns = cpNetns(state);
  const t0 = Date.now();
  await stopProcess(state.pids[role]!, state.dir, 10_000);
  if (downMs) await new Promise((r) => setTimeout(r, downMs));
  await start(lab, role, netns, argv);
  await waitUntil(state, [role], 'kube-apiserver /readyz after its restart', 90_000, 'kube-apiserver', async () => (await adminGet(state, `${state.api!.url}/readyz`)).status === 200);
  const back = Date.now() - t0;
  // they give up on their lease up to its renew deadline (10 s) after losing the API: watch that long
  const restarted: string[] = [];
  const watchUntil = Date.now() + 15_000;
  while (Date.now() < watchUntil) {
    for (const s of supervised) {
      const pid = state.pids[s.role];
      if (s.argv && (!pid || !isRunning(pid, CP_ROLES[s.role]))) {
        await start(lab, s.role, netns, s.argv);
        restarted.push(s.role.slice(3));
      }
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  const lease = `${state.api!.url}/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/kube-controller-manager`;
  const since = Date.now();
  await waitUntil(state, ['cp:controller-manager'], 'the controller-manager to lead again', 90_000, 'kube-controller-manager', async () => {
    const r = await adminGet(state, lease);
    return r.status === 200 && Date.parse(JSON.parse(r.body).spec?.renewTime ?? '') >= since - 1000;
  });
  await saveState(state);
  return { downMs: back, restarted };
}
