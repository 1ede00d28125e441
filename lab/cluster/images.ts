/**
 * The cluster's system images, built without Docker from the binaries lab/components/build.sh
 * compiled, and served by the lab's own system registry (docker-registry in netns `<p>-sys`,
 * 172.31.250.3:5000 on the underlay, plain HTTP):
 *
 *   pause:3.10.2                                   /pause (static), USER 65535:65535
 *   flannel-io/flannel:v0.28.9                     /opt/bin/flanneld + /opt/bin/install-conf, Debian's
 *                                                  iptables (nft and legacy) with its libraries, busybox
 *   flannel-io/flannel-cni-plugin:v1.9.1-flannel3  /flannel (containernetworking/plugins meta/flannel,
 *                                                  version in the label) + busybox for `cp`
 *   coredns/coredns:v1.14.7                        /coredns with cap_net_bind_service, USER 65532:65532
 *
 * Shapes follow the upstream Dockerfiles (flannel images/Dockerfile, coredns Dockerfile, kubernetes
 * build/pause) and the commands of the real kube-flannel manifest. Each image is an OCI layout cached
 * by content under ~/.cache/flannel-doctor/images (FD_IMAGES): the key hashes the recipe and every
 * input file, and the layout is reproducible, so a rebuild gives the same digest and a second
 * `lab up` only pushes.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LabHandle } from '../types.js';
import { addNetns, attachToUnderlay } from '../network.js';
import { isRunning, spawnInNetns, stopProcess, waitFor } from '../runtime/lab-process.js';
import { buildImage, type ImageBuildSpec } from '../images/oci-image.js';
import { CAP_NET_BIND_SERVICE, fileCapability, type TarEntry } from '../images/layer-tar.js';
import { BUILD_SCRIPT, component } from './components.js';
import { RootFs, debianFiles } from './rootfs.js';

export const SYSTEM_REGISTRY_IP = '172.31.250.3';
export const SYSTEM_REGISTRY_PORT = 5000;
export const SYSTEM_REGISTRY_HOST = `${SYSTEM_REGISTRY_IP}:${SYSTEM_REGISTRY_PORT}`;

export type SystemImageName = 'pause' | 'flannel' | 'flannel-cni-plugin' | 'coredns';
export type SystemImages = Record<SystemImageName, string>;

/** Bump when a recipe changes in a way its inputs do not show (it is part of every cache key). */
const RECIPE_REVISION = 1;
const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const PLATFORM = { os: 'linux', architecture: 'amd64' };

interface Recipe {
  name: SystemImageName;
  repo: string;
  tag: string;
  spec(): Omit<ImageBuildSpec, 'platform'>;
}

/** A program of a built component, or one line naming the command that builds it. */
function componentProgram(name: string, program: string): string {
  const c = component(name);
  const p = c.bin(program);
  if (!c.built || !fs.existsSync(p)) throw new Error(`${name} ${c.version}: ${p} is missing; run: bash ${BUILD_SCRIPT} ${name}`);
  return p;
}

function componentVersion(name: string): string {
  return component(name).version;
}

/** Debian's static busybox as /bin/busybox and a link for each of its applets not already there. */
function busybox(fsTree: RootFs): RootFs {
  fsTree.host('/bin/busybox');
  for (const d of ['/sbin', '/usr/sbin']) fsTree.host(d); // merged-/usr links and their targets
  const applets = execFileSync('/bin/busybox', ['--list-full'], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
  for (const a of applets) if (!fsTree.has(a)) fsTree.symlink(a, '/bin/busybox');
  return fsTree.dir('tmp', 0o1777).dir('run').dir('etc').dir('root', 0o700);
}

/** The iptables mode of the node's own iptables (kube-proxy runs the host's): nft or legacy. */
export function hostIptablesMode(): 'nft' | 'legacy' {
  try {
    return fs.realpathSync('/usr/sbin/iptables').includes('legacy') ? 'legacy' : 'nft';
  } catch {
    return 'nft';
  }
}

/**
 * Debian's iptables: both multi-call binaries with all their links and extensions, the libraries
 * they load, and the alternatives links (iptables → /etc/alternatives/iptables → iptables-<mode>)
 * as update-alternatives sets them, in the mode the node itself uses, so flanneld's rules land in
 * the same tables kube-proxy writes.
 */
function iptables(fsTree: RootFs, mode: 'nft' | 'legacy'): RootFs {
  for (const f of debianFiles(['iptables'])) fsTree.host(f);
  for (const fam of ['iptables', 'ip6tables']) {
    for (const suffix of ['', '-save', '-restore']) {
      const name = `${fam}${suffix}`;
      fsTree.symlink(`usr/sbin/${name}`, `/etc/alternatives/${name}`);
      fsTree.symlink(`etc/alternatives/${name}`, `/usr/sbin/${fam}-${mode}${suffix}`);
    }
  }
  return fsTree.withLibraries();
}

function fileFrom(source: string, mode = 0o755, xattrs?: Record<string, Buffer>): TarEntry {
  return { type: 'file', mode, source, ...(xattrs ? { xattrs } : {}) };
}

function labels(title: string, version: string, source: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'org.opencontainers.image.title': title,
    'org.opencontainers.image.version': version,
    'org.opencontainers.image.source': source,
    'org.opencontainers.image.vendor': 'flannel-doctor lab (built from source, not the upstream image)',
    ...extra,
  };
}

export const RECIPES: Recipe[] = [
  {
    name: 'pause',
    repo: 'pause',
    tag: '3.10.2',
    spec: () => ({
      layers: [new Map([['pause', fileFrom(componentProgram('kubernetes', 'pause'))]])],
      config: {
        Entrypoint: ['/pause'],
        User: '65535:65535',
        Labels: labels('pause', '3.10.2', 'k8s.io/kubernetes/build/pause', { 'io.flannel-doctor.kubernetes-version': componentVersion('kubernetes') }),
      },
    }),
  },
  {
    name: 'flannel',
    repo: 'flannel-io/flannel',
    tag: 'v0.28.9',
    spec: () => {
      const mode = hostIptablesMode();
      const base = iptables(busybox(new RootFs()), mode);
      return {
        layers: [
          base.entries,
          new Map([
            ['opt/bin/flanneld', fileFrom(componentProgram('flannel', 'flanneld'))],
            ['opt/bin/install-conf', fileFrom(componentProgram('flannel', 'install-conf'))],
          ]),
        ],
        config: {
          Entrypoint: ['/opt/bin/flanneld'],
          Env: [PATH_ENV],
          Labels: labels('flannel', componentVersion('flannel'), 'github.com/flannel-io/flannel', { 'io.flannel-doctor.iptables-mode': mode }),
        },
      };
    },
  },
  {
    name: 'flannel-cni-plugin',
    repo: 'flannel-io/flannel-cni-plugin',
    tag: 'v1.9.1-flannel3',
    spec: () => ({
      layers: [busybox(new RootFs()).entries, new Map([['flannel', fileFrom(componentProgram('flannel-cni', 'flannel'))]])],
      config: {
        Env: [PATH_ENV],
        // the tag is the manifest's; the plugin inside is what lab/components/flannel-cni pins
        Labels: labels('flannel CNI plugin', componentVersion('flannel-cni'), 'github.com/containernetworking/plugins/plugins/meta/flannel', {
          'io.flannel-doctor.tag-of': 'ghcr.io/flannel-io/flannel-cni-plugin:v1.9.1-flannel3',
        }),
      },
    }),
  },
  {
    name: 'coredns',
    repo: 'coredns/coredns',
    tag: 'v1.14.7',
    spec: () => ({
      layers: [
        new Map<string, TarEntry>([
          // upstream sets the capability with setcap: a non-root CoreDNS binds :53 through it
          ['coredns', fileFrom(componentProgram('coredns', 'coredns'), 0o755, { 'security.capability': fileCapability([CAP_NET_BIND_SERVICE]) })],
          ['tmp', { type: 'dir', mode: 0o1777 }],
          // the accounts of upstream's base (distroless static, user nonroot = 65532)
          ['etc/passwd', { type: 'file', mode: 0o644, data: 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' }],
          ['etc/group', { type: 'file', mode: 0o644, data: 'root:x:0:\nnobody:x:65534:\nnonroot:x:65532:\n' }],
        ]),
      ],
      config: {
        Entrypoint: ['/coredns'],
        User: '65532:65532',
        WorkingDir: '/',
        ExposedPorts: { '53/tcp': {}, '53/udp': {} },
        Labels: labels('coredns', componentVersion('coredns'), 'github.com/coredns/coredns'),
      },
    }),
  },
];

function recipe(name: SystemImageName): Recipe {
  const r = RECIPES.find((x) => x.name === name);
  if (!r) throw new Error(`no system image "${name}" (known: ${RECIPES.map((x) => x.name).join(', ')})`);
  return r;
}

export function imagesCacheDir(): string {
  return process.env.FD_IMAGES ?? path.join(os.homedir(), '.cache', 'flannel-doctor', 'images');
}

/** Content key: the recipe, every entry, and the bytes of every host file that goes in. */
function cacheKey(r: Recipe, spec: Omit<ImageBuildSpec, 'platform'>): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ rev: RECIPE_REVISION, repo: r.repo, tag: r.tag, config: spec.config, platform: PLATFORM }));
  spec.layers.forEach((layer, i) => {
    for (const p of [...layer.keys()].sort()) {
      const e = layer.get(p)!;
      h.update(`\n${i} ${p} ${e.type} `);
      if (e.type === 'symlink') h.update(e.target);
      else if (e.type === 'dir') h.update(String(e.mode ?? 0o755));
      else {
        h.update(`${e.mode ?? 0o644} ${JSON.stringify(Object.entries(e.xattrs ?? {}).map(([k, v]) => [k, v.toString('hex')]))} `);
        h.update(e.source !== undefined ? fs.readFileSync(e.source) : Buffer.from(e.data ?? ''));
      }
    }
  });
  return h.digest('hex').slice(0, 20);
}

export interface SystemImageLayout {
  name: SystemImageName;
  repo: string;
  tag: string;
  /** OCI layout directory (its index.json names `tag`) */
  layout: string;
  digest: string;
  /** compressed bytes of its layers */
  bytes: number;
  /** false when found in the cache */
  built: boolean;
  ms: number;
}

/**
 * The OCI layout of each system image, built once per content: a second call with the same
 * binaries finds them in the cache. Layouts are written to a temporary directory and renamed.
 */
export async function ensureSystemImageLayouts(opts: { cacheDir?: string; only?: SystemImageName[] } = {}): Promise<SystemImageLayout[]> {
  const cacheDir = opts.cacheDir ?? imagesCacheDir();
  // images build side by side: their compression runs on the thread pool
  return Promise.all(RECIPES.filter((r) => !opts.only || opts.only.includes(r.name)).map((r) => ensureLayout(r, cacheDir)));
}

async function ensureLayout(r: Recipe, cacheDir: string): Promise<SystemImageLayout> {
  const t0 = Date.now();
  const spec = r.spec();
  const key = cacheKey(r, spec);
  const base = `${r.repo.replace(/\//g, '_')}_${r.tag}`;
  const layout = path.join(cacheDir, `${base}-${key}`);
  const stamp = path.join(layout, '.built.json');
  const id = { name: r.name, repo: r.repo, tag: r.tag, layout };
  if (fs.existsSync(stamp)) {
    const s = JSON.parse(fs.readFileSync(stamp, 'utf8')) as { digest: string; bytes: number };
    return { ...id, digest: s.digest, bytes: s.bytes, built: false, ms: Date.now() - t0 };
  }
  const tmp = `${layout}.tmp-${process.pid}`;
  const built = await buildImage(tmp, r.tag, { ...spec, platform: PLATFORM });
  fs.writeFileSync(path.join(tmp, '.built.json'), JSON.stringify({ digest: built.digest, bytes: built.layerBytes }) + '\n');
  // older layouts of the same image are stale once this one exists (another build's temporary stays)
  for (const old of fs.readdirSync(cacheDir)) {
    if (old.startsWith(base + '-') && !old.includes('.tmp-') && path.join(cacheDir, old) !== layout) fs.rmSync(path.join(cacheDir, old), { recursive: true, force: true });
  }
  fs.rmSync(layout, { recursive: true, force: true });
  fs.renameSync(tmp, layout);
  return { ...id, digest: built.digest, bytes: built.layerBytes, built: true, ms: Date.now() - t0 };
}

// ---- the system registry -------------------------------------------------------------------

const REGISTRY_PID = 'sys:registry';

export function systemNetns(lab: Pick<LabHandle, 'state'>): string {
  return `${lab.state.prefix}-sys`;
}

function registryDir(lab: Pick<LabHandle, 'state'>): string {
  return path.join(lab.state.dir, 'sys-registry');
}

function registryConfig(lab: Pick<LabHandle, 'state'>): string {
  const dir = registryDir(lab);
  return [
    '# docker-registry config of the lab system registry (flannel-doctor lab/cluster/images.ts)',
    'version: 0.1',
    'log:',
    '  level: info',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${JSON.stringify(path.join(dir, 'data'))}`,
    'http:',
    `  addr: ${JSON.stringify(SYSTEM_REGISTRY_HOST)}`,
    `  secret: ${JSON.stringify(createHash('sha256').update(lab.state.prefix + '-sys').digest('hex'))}`,
    '',
  ].join('\n');
}

function configFile(lab: Pick<LabHandle, 'state'>): string {
  return path.join(registryDir(lab), 'config.yml');
}

/** Starts the system registry in netns `<p>-sys` on the underlay (idempotent); PID in state.pids. */
export async function startSystemRegistry(lab: LabHandle): Promise<void> {
  const cfg = configFile(lab);
  if (isRunning(lab.state.pids[REGISTRY_PID], cfg)) return;
  const netns = systemNetns(lab);
  const dir = registryDir(lab);
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  fs.writeFileSync(cfg, registryConfig(lab));
  if (!(lab.state.netnsCreated ?? []).includes(netns)) {
    await addNetns(lab.state, netns);
    await attachToUnderlay(lab.state, netns, 'sys', SYSTEM_REGISTRY_IP);
  }
  const log = path.join(dir, 'registry.log');
  lab.state.pids[REGISTRY_PID] = spawnInNetns(netns, ['docker-registry', 'serve', cfg], { log });
  await waitFor(
    `system registry on ${SYSTEM_REGISTRY_HOST} in netns ${netns}`,
    async () => (await lab.exec(netns, ['bash', '-c', `exec 3<>/dev/tcp/${SYSTEM_REGISTRY_IP}/${SYSTEM_REGISTRY_PORT}`], { allowFail: true })).code === 0,
    10_000,
    log,
  );
}

/** Stops the registry, deletes its namespace (its veth leaves the bridge with it) and its storage. */
export async function stopSystemRegistry(lab: LabHandle): Promise<void> {
  await stopProcess(lab.state.pids[REGISTRY_PID], configFile(lab));
  delete lab.state.pids[REGISTRY_PID];
  const netns = systemNetns(lab);
  await lab.exec(undefined, ['ip', 'netns', 'del', netns], { allowFail: true });
  lab.state.netnsCreated = (lab.state.netnsCreated ?? []).filter((n) => n !== netns);
  fs.rmSync(registryDir(lab), { recursive: true, force: true });
}

/** Reference pods use for a system image, e.g. 172.31.250.3:5000/flannel-io/flannel:v0.28.9. */
export function systemImage(_lab: Pick<LabHandle, 'state'> | undefined, name: SystemImageName): string {
  const r = recipe(name);
  return `${SYSTEM_REGISTRY_HOST}/${r.repo}:${r.tag}`;
}

export interface SystemImagesReport {
  images: SystemImages;
  layouts: SystemImageLayout[];
  buildMs: number;
  pushMs: number;
}

/** Builds (or finds in the cache) every system image and pushes it to the running system registry. */
export async function pushSystemImages(lab: LabHandle, opts: { cacheDir?: string } = {}): Promise<SystemImagesReport> {
  const t0 = Date.now();
  const layouts = await ensureSystemImageLayouts(opts);
  const t1 = Date.now();
  const netns = systemNetns(lab);
  // skopeo runs in the registry's namespace: the root namespace has no route to the underlay
  await Promise.all(
    layouts.map((l) =>
      lab.exec(netns, ['skopeo', 'copy', '--quiet', '--retry-times', '2', '--dest-tls-verify=false', `oci:${l.layout}:${l.tag}`, `docker://${SYSTEM_REGISTRY_HOST}/${l.repo}:${l.tag}`]),
    ),
  );
  const images = Object.fromEntries(layouts.map((l) => [l.name, systemImage(lab, l.name)])) as SystemImages;
  return { images, layouts, buildMs: t1 - t0, pushMs: Date.now() - t1 };
}

export async function buildSystemImages(lab: LabHandle): Promise<SystemImages> {
  return (await pushSystemImages(lab)).images;
}
