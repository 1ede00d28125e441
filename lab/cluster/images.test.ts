import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../exec.js';
import { createUnderlay } from '../network.js';
import { CLUSTER_CIDR, DNS_SERVICE_IP, SERVICE_CIDR, UNDERLAY_CIDR } from '../plan.js';
import type { LabHandle, LabState } from '../types.js';
import { buildImage } from '../images/oci-image.js';
import { CAP_NET_BIND_SERVICE, fileCapability, writeLayerTar, type TarEntry } from '../images/layer-tar.js';
import { component } from './components.js';
import { RootFs, needsLibraries, sharedLibraries } from './rootfs.js';
import {
  RECIPES,
  SYSTEM_REGISTRY_HOST,
  ensureSystemImageLayouts,
  pushSystemImages,
  startSystemRegistry,
  stopSystemRegistry,
  systemImage,
  systemNetns,
  type SystemImageLayout,
} from './images.js';

const isRoot = process.getuid?.() === 0;
const has = (cmd: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const amd64 = { os: 'linux', architecture: 'amd64' };

describe('layer tar and OCI image writer', () => {
  const entries = (): [string, TarEntry][] => [
    ['/usr/bin/tool', { type: 'file', data: '#!/bin/sh\n', mode: 0o755 }],
    ['bin', { type: 'symlink', target: 'usr/bin' }],
    ['tmp', { type: 'dir', mode: 0o1777 }],
    ['cap', { type: 'file', data: 'x', mode: 0o755, xattrs: { 'security.capability': fileCapability([CAP_NET_BIND_SERVICE]) } }],
  ];

  it('writes the same bytes whatever the insertion order, with parents, modes and symlinks', () => {
    const a = writeLayerTar(new Map(entries()));
    const b = writeLayerTar(new Map(entries().reverse()));
    expect(a.equals(b)).toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imt-tar-'));
    fs.writeFileSync(path.join(dir, 'l.tar'), a);
    const listing = execFileSync('tar', ['-tvf', path.join(dir, 'l.tar')], { encoding: 'utf8' });
    expect(listing).toMatch(/^lrwxrwxrwx root\/root +0 1970-01-01 00:00 bin -> usr\/bin$/m);
    expect(listing).toMatch(/^drwxrwxrwt root\/root .* tmp\/$/m);
    expect(listing).toMatch(/^drwxr-xr-x root\/root .* usr\/$/m); // parent added
    expect(listing).toMatch(/^-rwxr-xr-x root\/root +10 .* usr\/bin\/tool$/m);
    if (isRoot && has('getcap')) {
      // the capability travels as a PAX xattr record, as containerd and umoci read it
      execFileSync('tar', ['--xattrs', '--xattrs-include=security.capability', '-xpf', 'l.tar'], { cwd: dir });
      expect(execFileSync('getcap', [path.join(dir, 'cap')], { encoding: 'utf8' })).toMatch(/cap_net_bind_service[=+]ep/);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses entries that would escape the root or do not fit a header', () => {
    expect(() => writeLayerTar(new Map([['../etc/passwd', { type: 'file', data: '' }]]))).toThrow(/"\.\.\/etc\/passwd": "\.\." is not allowed/);
    expect(() => writeLayerTar(new Map([['x', { type: 'symlink', target: 'y'.repeat(101) }]]))).toThrow(/symlink target longer than 100 bytes/);
  });

  it('builds an image whose digest is stable and whose config carries entrypoint, user and labels', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imt-oci-'));
    const spec = {
      layers: [new Map(entries()), new Map<string, TarEntry>([['hello', { type: 'file', data: 'hi', mode: 0o755 }]])],
      platform: amd64,
      config: { User: '1:1', Entrypoint: ['/hello'], Labels: { a: 'b' } },
    };
    const one = await buildImage(path.join(dir, 'a'), 't', spec);
    const two = await buildImage(path.join(dir, 'b'), 't', { ...spec, config: { Labels: { a: 'b' }, Entrypoint: ['/hello'], User: '1:1' } });
    expect(two.digest).toBe(one.digest);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'a', 'blobs', 'sha256', one.digest.slice(7)), 'utf8'));
    expect(manifest.layers).toHaveLength(2);
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'a', 'blobs', 'sha256', manifest.config.digest.slice(7)), 'utf8'));
    expect(config.config).toEqual({ Entrypoint: ['/hello'], Labels: { a: 'b' }, User: '1:1' });
    expect(config.rootfs.diff_ids).toHaveLength(2);
    const changed = await buildImage(path.join(dir, 'c'), 't', { ...spec, config: { ...spec.config, User: '2:2' } });
    expect(changed.digest).not.toBe(one.digest);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('root file systems from host files', () => {
  it('copies a file with every symlink on its way (merged /usr)', () => {
    const t = new RootFs().host('/usr/bin/env');
    expect(t.entries.get('usr/bin/env')).toMatchObject({ type: 'file', source: '/usr/bin/env' });
    if (fs.lstatSync('/bin').isSymbolicLink()) {
      t.host('/bin/sh');
      expect(t.entries.get('bin')).toEqual({ type: 'symlink', target: fs.readlinkSync('/bin') });
      expect(t.resolve('bin/anything')).toBe('usr/bin/anything');
    }
    expect(() => new RootFs().host('/no/such/file')).toThrow(/host path \/no\/such\/file: \/no does not exist/);
  });

  it.skipIf(!fs.existsSync('/usr/sbin/xtables-nft-multi'))('finds the libraries iptables loads, none for a static binary', () => {
    expect(needsLibraries('/usr/sbin/xtables-nft-multi')).toBe(true);
    const libs = sharedLibraries(['/usr/sbin/xtables-nft-multi']);
    expect(libs.some((l) => /\/libxtables\.so\.\d+$/.test(l))).toBe(true);
    expect(libs.some((l) => /\/libc\.so\.6$/.test(l))).toBe(true);
    if (fs.existsSync('/bin/busybox')) expect(sharedLibraries(['/bin/busybox'])).toEqual([]);
  });
});

// ---- the real thing: build from the built components, push to the system registry, run ----

const needed = ['kubernetes', 'flannel', 'flannel-cni', 'coredns'];
let componentsReady = false;
try {
  componentsReady = needed.every((c) => component(c).built) && fs.existsSync(component('flannel').bin('install-conf'));
} catch {
  componentsReady = false;
}
const labReady = isRoot && componentsReady && ['docker-registry', 'skopeo', 'umoci', 'chroot'].every(has) && fs.existsSync('/bin/busybox');

describe.skipIf(!labReady)('system images in a lab (prefix imt)', () => {
  const prefix = 'imt';
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'imt-images-'));
  const state: LabState = {
    prefix,
    name: prefix,
    dir: path.join(work, 'lab'),
    underlay: { netns: `${prefix}-u`, bridge: 'br0', cidr: UNDERLAY_CIDR },
    clusterCIDR: CLUSTER_CIDR,
    serviceCIDR: SERVICE_CIDR,
    dnsServiceIP: DNS_SERVICE_IP,
    nodes: [],
    pods: [],
    pids: {},
    registries: [],
    faults: [],
  };
  const lab = {
    state,
    exec: (netns, argv, opts) => run(netns, argv, opts),
    node: () => {
      throw new Error('no nodes in this test');
    },
    api: { get: () => undefined, put: () => undefined, remove: () => undefined, list: () => [] },
    save: async () => undefined,
  } as LabHandle;
  const inSys = (argv: string[], input?: string) => run(systemNetns(lab), argv, { input });
  let first: SystemImageLayout[] = [];

  const teardown = async () => {
    await stopSystemRegistry(lab);
    await run(undefined, ['ip', 'netns', 'del', state.underlay.netns], { allowFail: true });
  };

  beforeAll(async () => {
    for (const ns of [`${prefix}-sys`, `${prefix}-u`]) await run(undefined, ['ip', 'netns', 'del', ns], { allowFail: true });
    await createUnderlay(state);
    await startSystemRegistry(lab);
  });
  afterAll(async () => {
    await teardown();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('builds every image, pushes it, and the registry serves it with its entrypoint', async () => {
    const report = await pushSystemImages(lab, { cacheDir: path.join(work, 'cache-a') });
    first = report.layouts;
    console.log(
      `system images: build ${report.buildMs} ms, push ${report.pushMs} ms; ` +
        first.map((l) => `${l.repo}:${l.tag} ${(l.bytes / 1048576).toFixed(1)} MiB ${l.ms} ms ${l.digest.slice(0, 19)}`).join('; '),
    );
    expect(first.every((l) => l.built)).toBe(true);
    const want: Record<string, { entrypoint?: string[]; user?: string }> = {
      pause: { entrypoint: ['/pause'], user: '65535:65535' },
      flannel: { entrypoint: ['/opt/bin/flanneld'] },
      'flannel-cni-plugin': {},
      coredns: { entrypoint: ['/coredns'], user: '65532:65532' },
    };
    for (const l of first) {
      const ref = `docker://${systemImage(lab, l.name)}`;
      expect(ref).toBe(`docker://${SYSTEM_REGISTRY_HOST}/${l.repo}:${l.tag}`);
      const info = JSON.parse((await inSys(['skopeo', 'inspect', '--tls-verify=false', ref])).stdout);
      expect(info.Digest).toBe(l.digest);
      expect(info.Architecture).toBe('amd64');
      const cfg = JSON.parse((await inSys(['skopeo', 'inspect', '--tls-verify=false', '--config', ref])).stdout).config;
      expect(cfg.Entrypoint).toEqual(want[l.name].entrypoint);
      expect(cfg.User).toEqual(want[l.name].user);
    }
    const cni = JSON.parse((await inSys(['skopeo', 'inspect', '--tls-verify=false', `docker://${systemImage(lab, 'flannel-cni-plugin')}`])).stdout);
    expect(cni.Labels['org.opencontainers.image.version']).toBe(component('flannel-cni').version);
  }, 600_000);

  it('finds the images in the cache the second time, and a cold rebuild gives the same digests', async () => {
    const cached = await ensureSystemImageLayouts({ cacheDir: path.join(work, 'cache-a') });
    expect(cached.every((l) => !l.built)).toBe(true);
    expect(cached.map((l) => l.digest)).toEqual(first.map((l) => l.digest));
    const t0 = Date.now();
    const rebuilt = await ensureSystemImageLayouts({ cacheDir: path.join(work, 'cache-b') });
    console.log(`cache hit ${cached.reduce((n, l) => n + l.ms, 0)} ms; cold rebuild ${Date.now() - t0} ms`);
    expect(rebuilt.every((l) => l.built)).toBe(true);
    expect(rebuilt.map((l) => l.digest)).toEqual(first.map((l) => l.digest));
  }, 600_000);

  /** Pulls an image back from the registry and unpacks it with umoci (an independent reader). */
  async function unpack(name: (typeof RECIPES)[number]['name']): Promise<string> {
    const r = RECIPES.find((x) => x.name === name)!;
    const layout = path.join(work, 'pulled', name);
    fs.mkdirSync(path.dirname(layout), { recursive: true });
    await inSys(['skopeo', 'copy', '--quiet', '--src-tls-verify=false', `docker://${systemImage(lab, name)}`, `oci:${layout}:${r.tag}`]);
    const bundle = path.join(work, 'bundles', name);
    fs.mkdirSync(path.dirname(bundle), { recursive: true });
    await run(undefined, ['umoci', 'unpack', '--image', `${layout}:${r.tag}`, bundle]);
    return path.join(bundle, 'rootfs');
  }
  const chroot = (rootfs: string, argv: string[], input?: string) => inSys(['chroot', rootfs, ...argv], input);

  it('the flannel image runs flanneld, install-conf, busybox cp and Debian iptables', async () => {
    const rootfs = await unpack('flannel');
    // flanneld prints its version on stderr
    const v = await chroot(rootfs, ['/opt/bin/flanneld', '--version']);
    expect(v.stdout + v.stderr).toContain(component('flannel').version);
    const ipt = await chroot(rootfs, ['iptables', '--version']);
    expect(ipt.stdout).toMatch(/^iptables v1\.8\.\d+ \((nf_tables|legacy)\)/);
    expect((await chroot(rootfs, ['ip6tables', '--version'])).stdout).toMatch(/^ip6tables v1\.8/);
    expect((await chroot(rootfs, ['iptables-legacy', '--version'])).stdout).toMatch(/\(legacy\)/);
    // flanneld's own kind of rules, with the comment and MASQUERADE extensions, in the sys namespace only
    const rules = ['*nat', ':FLANNEL-POSTRTG - [0:0]', '-A POSTROUTING -m comment --comment "flanneld masq" -j FLANNEL-POSTRTG',
      '-A FLANNEL-POSTRTG -s 10.244.0.0/16 ! -d 224.0.0.0/4 -m comment --comment "flanneld masq" -j MASQUERADE --random-fully', 'COMMIT', ''].join('\n');
    await chroot(rootfs, ['iptables-restore', '--noflush'], rules);
    expect((await chroot(rootfs, ['iptables-save', '-t', 'nat'])).stdout).toContain('-A FLANNEL-POSTRTG -s 10.244.0.0/16 ! -d 224.0.0.0/4 -m comment --comment "flanneld masq" -j MASQUERADE --random-fully');
    // the manifest's install-cni init container (a volume mount stands in as a directory here)
    fs.mkdirSync(path.join(rootfs, 'etc/kube-flannel'), { recursive: true });
    fs.mkdirSync(path.join(rootfs, 'etc/cni/net.d'), { recursive: true });
    fs.writeFileSync(path.join(rootfs, 'etc/kube-flannel/cni-conf.json'), '{"name":"cbr0"}\n');
    await chroot(rootfs, ['/opt/bin/install-conf', '/etc/kube-flannel/cni-conf.json', '/etc/cni/net.d/10-flannel.conflist']);
    expect(fs.readFileSync(path.join(rootfs, 'etc/cni/net.d/10-flannel.conflist'), 'utf8')).toBe('{"name":"cbr0"}\n');
    await chroot(rootfs, ['sh', '-c', 'mkdir -p /x && cp -f /etc/kube-flannel/cni-conf.json /x/copy && cat /x/copy']).then((r) => expect(r.stdout).toBe('{"name":"cbr0"}\n'));
  }, 300_000);

  it('the CNI plugin image copies /flannel with cp as the manifest does, and the plugin answers VERSION', async () => {
    const rootfs = await unpack('flannel-cni-plugin');
    fs.mkdirSync(path.join(rootfs, 'opt/cni/bin'), { recursive: true });
    await chroot(rootfs, ['cp', '-f', '/flannel', '/opt/cni/bin/flannel']);
    expect(fs.readFileSync(path.join(rootfs, 'opt/cni/bin/flannel')).equals(fs.readFileSync(component('flannel-cni').bin('flannel')))).toBe(true);
    const v = await inSys(['env', 'CNI_COMMAND=VERSION', 'chroot', rootfs, '/flannel']);
    expect(JSON.parse(v.stdout).supportedVersions).toContain('0.4.0');
  }, 300_000);

  it('the CoreDNS and pause images run their programs; CoreDNS keeps cap_net_bind_service', async () => {
    const coredns = await unpack('coredns');
    expect((await chroot(coredns, ['/coredns', '-version'])).stdout).toContain(`CoreDNS-${component('coredns').version.replace(/^v/, '')}`);
    if (has('getcap')) expect((await run(undefined, ['getcap', path.join(coredns, 'coredns')])).stdout).toMatch(/cap_net_bind_service[=+]ep/);
    const pause = await unpack('pause');
    expect((await chroot(pause, ['/pause', '-v'])).stdout).toMatch(/^pause\.c v3\.10\.2/);
  }, 300_000);

  it('teardown leaves no namespace, process or registry file', async () => {
    const pid = state.pids['sys:registry'];
    await teardown();
    const netns = (await run(undefined, ['ip', 'netns', 'list'])).stdout;
    expect(netns.split('\n').filter((l) => l.startsWith(`${prefix}-`))).toEqual([]);
    expect(fs.existsSync(`/proc/${pid}`) && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('docker-registry')).toBe(false);
    expect(state.pids['sys:registry']).toBeUndefined();
    expect(fs.existsSync(path.join(state.dir, 'sys-registry'))).toBe(false);
  }, 60_000);
});
