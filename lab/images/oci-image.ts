/**
 * Builds real OCI images as OCI layouts on disk — no registry, daemon or network needed; skopeo
 * then pushes them (see lab-images.ts). Two entry points:
 *   buildOciLayout  tiny test images: one gzip layer from a few files, optionally several platforms;
 *   buildImage      full images: several layers of files, directories, symlinks and file
 *                   capabilities (layer-tar.ts), and a config with entrypoint, env, user, labels.
 * Both are reproducible: fixed owner and mtimes, sorted entries, so a rebuild has the same digest.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { writeLayerTar, type TarEntry } from './layer-tar.js';

export interface Platform {
  os: string;
  architecture: string;
}

export interface ImageSpecInput {
  /** files in the single layer: path → content */
  files: Record<string, string | Buffer>;
  cmd?: string[];
}

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: Platform;
  annotations?: Record<string, string>;
}

const MT = {
  layer: 'application/vnd.oci.image.layer.v1.tar+gzip',
  config: 'application/vnd.oci.image.config.v1+json',
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  index: 'application/vnd.oci.image.index.v1+json',
};

function sha256(b: Buffer): string {
  return 'sha256:' + createHash('sha256').update(b).digest('hex');
}

function writeBlob(layout: string, data: Buffer, mediaType: string): Descriptor {
  const digest = sha256(data);
  const dir = path.join(layout, 'blobs', 'sha256');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, digest.slice(7)), data);
  return { mediaType, digest, size: data.length };
}

/** A reproducible tar of `files` (GNU tar with fixed owner and mtime), gzip'd. */
function layerTarGz(files: Record<string, string | Buffer>, scratch: string): { gz: Buffer; diffId: string } {
  fs.rmSync(scratch, { recursive: true, force: true });
  for (const [name, content] of Object.entries(files)) {
    const p = path.join(scratch, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content, { mode: 0o755 });
  }
  const tar = execFileSync('tar', ['--sort=name', '--owner=0', '--group=0', '--numeric-owner', '--mtime=@0', '-C', scratch, '-cf', '-', '.'], {
    maxBuffer: 256 * 1024 * 1024,
  });
  fs.rmSync(scratch, { recursive: true, force: true });
  return { gz: zlib.gzipSync(tar, { level: 1 }), diffId: sha256(tar) };
}

function writeImageManifest(layout: string, spec: ImageSpecInput, platform: Platform): Descriptor {
  const { gz, diffId } = layerTarGz(spec.files, path.join(layout, '.scratch'));
  const layer = writeBlob(layout, gz, MT.layer);
  const config = {
    architecture: platform.architecture,
    os: platform.os,
    config: { Cmd: spec.cmd ?? ['/hello'] },
    rootfs: { type: 'layers', diff_ids: [diffId] },
    created: '1970-01-01T00:00:00Z',
  };
  const cfg = writeBlob(layout, Buffer.from(JSON.stringify(config)), MT.config);
  const manifest = { schemaVersion: 2, mediaType: MT.manifest, config: cfg, layers: [layer] };
  return { ...writeBlob(layout, Buffer.from(JSON.stringify(manifest)), MT.manifest), platform };
}

/**
 * Writes an OCI layout at `layout` whose `index.json` names `tag`. One platform → a plain image
 * manifest; several → a multi-arch image index (each platform gets its own layer).
 */
export function buildOciLayout(layout: string, tag: string, spec: ImageSpecInput, platforms: Platform[]): void {
  fs.rmSync(layout, { recursive: true, force: true });
  fs.mkdirSync(layout, { recursive: true });
  fs.writeFileSync(path.join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  const manifests = platforms.map((p) => writeImageManifest(layout, { ...spec, files: { ...spec.files, '/etc/lab-arch': p.architecture } }, p));
  let top: Descriptor;
  if (manifests.length === 1) {
    // a single-platform image is stored without an index; its platform lives in the config
    top = { ...manifests[0] };
    delete top.platform;
  } else {
    top = writeBlob(layout, Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MT.index, manifests })), MT.index);
  }
  const index = { schemaVersion: 2, manifests: [{ ...top, annotations: { 'org.opencontainers.image.ref.name': tag } }] };
  fs.writeFileSync(path.join(layout, 'index.json'), JSON.stringify(index));
}

/** Deterministic incompressible bytes (for an image too big for a tiny disk). */
export function noiseBytes(size: number, seed = 'lab'): Buffer {
  const out = Buffer.alloc(size);
  let block = createHash('sha256').update(seed).digest();
  for (let off = 0; off < size; off += block.length) {
    block.copy(out, off);
    block = createHash('sha256').update(block).digest();
  }
  return out;
}

/** A full image: layers (bottom first, each image path → entry) and the runtime config. */
export interface ImageBuildSpec {
  layers: Map<string, TarEntry>[];
  platform: Platform;
  config: {
    Entrypoint?: string[];
    Cmd?: string[];
    Env?: string[];
    User?: string;
    WorkingDir?: string;
    Labels?: Record<string, string>;
    ExposedPorts?: Record<string, Record<string, never>>;
  };
  /** gzip level of the layers (default 6) */
  gzipLevel?: number;
}

export interface BuiltImage {
  /** digest of the image manifest (what a registry reports after the push) */
  digest: string;
  /** bytes of the compressed layers */
  layerBytes: number;
}

const gzip = promisify(zlib.gzip);

/**
 * Writes an OCI layout at `layout` holding one single-platform image tagged `tag`. Compression runs
 * off the event loop, so a `lab up` doing other work at the same time is not stalled.
 */
export async function buildImage(layout: string, tag: string, spec: ImageBuildSpec): Promise<BuiltImage> {
  fs.rmSync(layout, { recursive: true, force: true });
  fs.mkdirSync(layout, { recursive: true });
  fs.writeFileSync(path.join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  const layers: Descriptor[] = [];
  const diffIds: string[] = [];
  for (const entries of spec.layers) {
    const tar = writeLayerTar(entries);
    diffIds.push(sha256(tar));
    layers.push(writeBlob(layout, await gzip(tar, { level: spec.gzipLevel ?? 6 }), MT.layer));
  }
  // keys in a fixed order: the config digest must not depend on how the caller built the object
  const cfg = Object.fromEntries(Object.entries(spec.config).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)));
  const config = {
    created: '1970-01-01T00:00:00Z',
    architecture: spec.platform.architecture,
    os: spec.platform.os,
    config: cfg,
    rootfs: { type: 'layers', diff_ids: diffIds },
    history: diffIds.map(() => ({ created: '1970-01-01T00:00:00Z', created_by: 'flannel-doctor lab (lab/images/oci-image.ts)' })),
  };
  const cfgDesc = writeBlob(layout, Buffer.from(JSON.stringify(config)), MT.config);
  const manifest = { schemaVersion: 2, mediaType: MT.manifest, config: cfgDesc, layers };
  const top = writeBlob(layout, Buffer.from(JSON.stringify(manifest)), MT.manifest);
  const index = { schemaVersion: 2, manifests: [{ ...top, annotations: { 'org.opencontainers.image.ref.name': tag } }] };
  fs.writeFileSync(path.join(layout, 'index.json'), JSON.stringify(index));
  return { digest: top.digest, layerBytes: layers.reduce((n, l) => n + l.size, 0) };
}
