/**
 * The agent image, built without Docker: the CLI bundled into one CommonJS file (every dependency
 * inside, so no node_modules), this machine's Node.js binary with the libraries it loads, and the
 * Debian programs the node checks call (iproute2's ip and bridge, iptables in both backends, ethtool,
 * ping and fping, journalctl, dash as /bin/sh and a few busybox applets for the mesh probe's script).
 *
 * Written with the lab's OCI writer (lab/images/oci-image.ts + layer-tar.ts): it already makes
 * reproducible layers (sorted entries, owner 0:0, mtime 0) and records file capabilities as the PAX
 * xattr that containerd applies, and it needs no daemon and no unpacked base image. umoci would have
 * to start from a base image we do not have (no registry but our own) and repack an unpacked tree,
 * whose mtimes and owners we would then have to normalise ourselves.
 */
import { build, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildImage, type BuiltImage, type ImageBuildSpec } from '../../lab/images/oci-image.js';
import type { TarEntry } from '../../lab/images/layer-tar.js';
import { RootFs, debianFiles } from '../../lab/cluster/rootfs.js';
import { packageRoot } from '../../lab/package-root.js';

/** The package root, also when this runs from the dist/ bundle (`lab agents up`), not only from scripts/. */
export const ROOT = packageRoot();
export const IMAGE_REPO = 'flannel-doctor/flannel-doctor';
export const APP_DIR = 'opt/flannel-doctor';
/** The CronJob's diagnose and anything that needs no host access runs as this user (distroless's nonroot). */
export const NONROOT_UID = 65532;
const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The CLI as one self-contained CommonJS script (src/cli/entry.ts with every dependency bundled):
 * the image carries no node_modules, and esbuild's output is a pure function of the sources and the
 * lockfile's packages, so the layer is reproducible.
 */
export async function bundleCli(out: string): Promise<void> {
  const version = packageVersion();
  await build({
    entryPoints: [path.join(ROOT, 'src/cli/entry.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    supported: { 'dynamic-import': false },
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    // lab-only packages are never reached from the commands an image runs
    external: ['@grpc/grpc-js', '@grpc/proto-loader', 'playwright-core', 'esbuild', 'vitest'],
    define: { __FD_VERSION__: JSON.stringify(version), 'import.meta.url': '__fdMetaUrl' },
    banner: { js: "const __fdMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    charset: 'ascii',
    logLevel: 'error',
    plugins: [labStub],
  });
}

/**
 * The lab (lab/*.ts, reached from `flannel-doctor lab …`) runs from a source checkout only, never from
 * the image: each lab module the CLI imports is replaced by a stub whose exports throw the CLI's
 * one-line ToolError. The image then does not change when only the lab does.
 */
const labStub: Plugin = {
  name: 'lab-stub',
  setup(b) {
    b.onResolve({ filter: /^(\.\.\/)+lab\// }, (a) => {
      const real = path.resolve(a.resolveDir, a.path).replace(/\.js$/, '.ts');
      return real.startsWith(path.join(ROOT, 'lab') + path.sep) ? { path: real, namespace: 'lab-stub' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'lab-stub' }, (a) => {
      const names = [...fs.readFileSync(a.path, 'utf8').matchAll(/^export (?:async )?(?:function|const|let|class) (\w+)/gm)].map((m) => m[1]);
      const msg = 'the lab runs from a source checkout of flannel-doctor (git clone, npm ci); this image has no lab/ folder';
      const body = names.map((n) => `export function ${n}() { throw new ToolError(${JSON.stringify(msg)}); }`).join('\n');
      return { contents: `import { ToolError } from ${JSON.stringify(path.join(ROOT, 'src/errors.ts'))};\n${body}\n`, loader: 'ts', resolveDir: ROOT };
    });
  },
};

/**
 * Debian programs the node checks, the mesh probe and /api/v1/capture run (found through $PATH in the
 * image). Captures use dumpcap (Debian tshark's): tcpdump cannot switch users without CAP_SETUID/SETGID.
 */
export const HOST_PROGRAMS = ['ip', 'bridge', 'ethtool', 'ping', 'fping', 'journalctl', 'dumpcap'];

/** Where Debian installed a program (iproute2 has moved between /usr/bin and /usr/sbin). */
function hostProgram(name: string): string {
  for (const d of ['/usr/sbin', '/usr/bin']) if (fs.existsSync(path.join(d, name))) return path.join(d, name);
  throw new Error(`${name} is not installed (scripts/setup.sh installs the Debian packages)`);
}

/**
 * The applets of busybox the probe scripts use (mktemp, grep, rm, cat, sleep …). /bin/sh is Debian's
 * dash, not busybox: Debian's busybox shell runs its own applets first, so `ping` in a script would be
 * busybox's ping and not iputils' (which the don't-fragment probe needs).
 */
const BUSYBOX_APPLETS = [ 'mktemp', 'grep', 'rm', 'cat', 'sleep', 'kill', 'head', 'tail', 'sed', 'awk', 'ls', 'mkdir', 'env', 'timeout'];

/** The base layer: accounts, Node.js and the programs, each with the libraries it loads. */
export function baseLayer(): Map<string, TarEntry> {
  const t = new RootFs();
  // merged /usr as Debian has it, so host paths with /bin or /sbin land where they resolve
  for (const d of ['/bin', '/sbin', '/lib', '/lib64']) t.host(d);
  t.host('/usr/bin/node');
  for (const p of HOST_PROGRAMS) t.host(hostProgram(p));
  // iptables: both multi-call binaries and their links; the gatherer runs iptables-save and both
  // backend variants and keeps the one with rules, so no alternatives link has to guess the node's mode
  for (const f of debianFiles(['iptables'])) t.host(f);
  for (const name of ['iptables-save', 'iptables', 'ip6tables-save', 'ip6tables']) {
    if (!t.has(`usr/sbin/${name}`)) t.symlink(`usr/sbin/${name}`, `/usr/sbin/xtables-nft-multi`);
  }
  t.host('/bin/busybox');
  t.host('/bin/dash');
  t.symlink('usr/bin/sh', 'dash');
  for (const a of BUSYBOX_APPLETS) if (!t.has(`usr/bin/${a}`) && !t.has(`usr/sbin/${a}`)) t.symlink(`usr/bin/${a}`, '/usr/bin/busybox');
  t.withLibraries();
  t.dir('tmp', 0o1777).dir('run').dir('root', 0o700).dir('host').dir('etc/flannel-doctor');
  t.dir(`home/nonroot`, 0o755);
  t.file('etc/passwd', { mode: 0o644, data: `root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:${NONROOT_UID}:${NONROOT_UID}:nonroot:/home/nonroot:/sbin/nologin\n` });
  t.file('etc/group', { mode: 0o644, data: `root:x:0:\nnobody:x:65534:\nnonroot:x:${NONROOT_UID}:\n` });
  // fping looks up "icmp" here and exits 4 without a word when it cannot
  t.file('etc/protocols', { mode: 0o644, data: 'ip\t0\tIP\nicmp\t1\tICMP\ntcp\t6\tTCP\nudp\t17\tUDP\nipv6-icmp\t58\tIPv6-ICMP\n' });
  t.file('etc/nsswitch.conf', { mode: 0o644, data: 'passwd: files\ngroup: files\nhosts: files dns\nprotocols: files\n' });
  return t.entries;
}

/** The image's recipe: base layer, then the app layer (changes on every release, so it is last). */
export async function agentImageSpec(work: string): Promise<Omit<ImageBuildSpec, 'platform'>> {
  const cli = path.join(work, 'flannel-doctor.cjs');
  await bundleCli(cli);
  const version = packageVersion();
  const app = new Map<string, TarEntry>([
    [`${APP_DIR}/flannel-doctor.cjs`, { type: 'file', mode: 0o644, source: cli }],
    [`${APP_DIR}/package.json`, { type: 'file', mode: 0o644, data: JSON.stringify({ name: 'flannel-doctor', version, type: 'commonjs' }) + '\n' }],
    ['usr/local/bin/flannel-doctor', { type: 'file', mode: 0o755, data: `#!/bin/sh\nexec /usr/bin/node /${APP_DIR}/flannel-doctor.cjs "$@"\n` }],
  ]);
  return {
    layers: [baseLayer(), app],
    gzipLevel: 9,
    config: {
      Entrypoint: ['/usr/bin/node', `/${APP_DIR}/flannel-doctor.cjs`],
      Cmd: ['serve', '--host-root=/host'],
      Env: [PATH_ENV, 'NODE_ENV=production'],
      // root: the agent reads root-only files of the node (kubelet and CNI configs, pod logs) and
      // runs iptables-save, which a non-root user under no_new_privs (allowPrivilegeEscalation:
      // false) cannot get the capability for; the manifests drop every capability but NET_ADMIN and
      // NET_RAW. The CronJob's diagnose needs none of that and runs as nonroot (65532).
      User: '0:0',
      WorkingDir: '/',
      ExposedPorts: { '9464/tcp': {} },
      Labels: {
        'org.opencontainers.image.title': 'flannel-doctor',
        'org.opencontainers.image.version': version,
        'org.opencontainers.image.source': 'https://github.com/flannel-doctor/flannel-doctor',
        'org.opencontainers.image.licenses': 'Apache-2.0',
        'io.flannel-doctor.nodejs': process.version,
      },
    },
  };
}

export interface AgentImage extends BuiltImage {
  layout: string;
  tag: string;
  /** uncompressed bytes of the layers */
  tarBytes: number;
}

/** Builds the agent image as an OCI layout at `layout`, tagged with the package version. */
export async function buildAgentImage(layout: string, opts: { tag?: string } = {}): Promise<AgentImage> {
  const tag = opts.tag ?? packageVersion();
  const work = fs.mkdtempSync(path.join(path.dirname(path.resolve(layout)), '.agent-image-'));
  try {
    const spec = await agentImageSpec(work);
    const built = await buildImage(layout, tag, { ...spec, platform: { os: 'linux', architecture: 'amd64' } });
    return { ...built, layout, tag, tarBytes: fileBytes(spec) };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Bytes of the files in the layers (what the image takes unpacked, give or take the headers). */
function fileBytes(spec: Omit<ImageBuildSpec, 'platform'>): number {
  let n = 0;
  for (const layer of spec.layers) for (const e of layer.values()) if (e.type === 'file') n += e.source !== undefined ? fs.statSync(e.source).size : Buffer.byteLength(e.data ?? '');
  return n;
}

/** Bumped when the recipe changes in a way the inputs' bytes do not show. */
const RECIPE_REVISION = 1;

/** A content key of the recipe: the config, every entry and the bytes of every file that goes in. */
export function specKey(spec: Omit<ImageBuildSpec, 'platform'>, tag: string): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ rev: RECIPE_REVISION, tag, config: spec.config, gzip: spec.gzipLevel }));
  spec.layers.forEach((layer, i) => {
    for (const p of [...layer.keys()].sort()) {
      const e = layer.get(p)!;
      h.update(`\n${i} ${p} ${e.type} `);
      if (e.type === 'symlink') h.update(e.target);
      else if (e.type === 'dir') h.update(String(e.mode ?? 0o755));
      else {
        h.update(`${e.mode ?? 0o644} `);
        h.update(e.source !== undefined ? fs.readFileSync(e.source) : Buffer.from(e.data ?? ''));
      }
    }
  });
  return h.digest('hex').slice(0, 20);
}

/**
 * The agent image's layout in `cacheDir`, built only when its content key is new (the lab pushes it
 * on every `lab agents up`; a rebuild of the same sources is a cache hit).
 */
export async function ensureAgentImage(cacheDir: string, opts: { tag?: string } = {}): Promise<AgentImage & { built: boolean }> {
  const tag = opts.tag ?? packageVersion();
  fs.mkdirSync(cacheDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(cacheDir, '.agent-work-'));
  try {
    const spec = await agentImageSpec(work);
    const layout = path.join(cacheDir, `flannel-doctor_${tag}-${specKey(spec, tag)}`);
    const stamp = path.join(layout, '.built.json');
    if (fs.existsSync(stamp)) return { ...(JSON.parse(fs.readFileSync(stamp, 'utf8')) as AgentImage), layout, built: false };
    const tmp = `${layout}.tmp-${process.pid}`;
    const built = await buildImage(tmp, tag, { ...spec, platform: { os: 'linux', architecture: 'amd64' } });
    const img: AgentImage = { ...built, layout, tag, tarBytes: fileBytes(spec) };
    fs.writeFileSync(path.join(tmp, '.built.json'), JSON.stringify(img) + '\n');
    for (const old of fs.readdirSync(cacheDir)) if (old.startsWith(`flannel-doctor_${tag}-`) && !old.includes('.tmp-')) fs.rmSync(path.join(cacheDir, old), { recursive: true, force: true });
    fs.renameSync(tmp, layout);
    return { ...img, built: true };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
