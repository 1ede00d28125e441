/**
 * The lab's images, built locally as OCI layouts and pushed with skopeo (run inside each
 * registry's own namespace, so no traffic ever leaves the lab):
 *   lab/app:1.0       linux/amd64, every registry (healthy pods)
 *   lab/armonly:1.0   index of linux/arm64 + linux/s390x only (platform mismatch on amd64 nodes)
 *   lab/big:1.0       linux/amd64 with a 4 MiB incompressible layer (disk-full fault)
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LabHandle, LabRegistry } from '../types.js';
import { buildOciLayout, noiseBytes, type Platform } from './oci-image.js';
import { imagesDir, registryCreds } from '../registry/registries.js';

interface LabImage {
  repo: string;
  tag: string;
  platforms: Platform[];
  files: () => Record<string, string | Buffer>;
  /** registries it is pushed to; default all */
  only?: string[];
}

const amd64: Platform = { os: 'linux', architecture: 'amd64' };

export const LAB_IMAGES: LabImage[] = [
  { repo: 'lab/app', tag: '1.0', platforms: [amd64], files: () => ({ hello: '#!/bin/sh\necho hello from the lab\n' }) },
  {
    repo: 'lab/armonly',
    tag: '1.0',
    platforms: [
      { os: 'linux', architecture: 'arm64' },
      { os: 'linux', architecture: 's390x' },
    ],
    files: () => ({ hello: '#!/bin/sh\necho not for amd64\n' }),
    only: ['reg-http'],
  },
  { repo: 'lab/big', tag: '1.0', platforms: [amd64], files: () => ({ blob: noiseBytes(4 << 20, 'lab/big') }), only: ['reg-http'] },
];

/** Image reference pods use for `repo:tag` on `reg`. */
export function imageRef(reg: Pick<LabRegistry, 'host'>, repo = 'lab/app', tag = '1.0'): string {
  return `${reg.host}/${repo}:${tag}`;
}

function layoutDir(lab: LabHandle, img: LabImage): string {
  return path.join(imagesDir(lab), 'oci', `${img.repo.replace(/\//g, '_')}_${img.tag}`);
}

/** Builds every lab image once and pushes it to the registries it belongs to. */
export async function pushLabImages(lab: LabHandle, registries: LabRegistry[]): Promise<void> {
  for (const img of LAB_IMAGES) {
    const layout = layoutDir(lab, img);
    if (!fs.existsSync(path.join(layout, 'index.json'))) buildOciLayout(layout, img.tag, { files: img.files() }, img.platforms);
    for (const reg of registries) {
      if (img.only && !img.only.includes(reg.name)) continue;
      await pushLayout(lab, layout, img.tag, reg, `${img.repo}:${img.tag}`);
    }
  }
}

/** skopeo copy oci:<layout>:<tag> docker://<ip>:<port>/<repo:tag>, credentials via an authfile. */
export async function pushLayout(lab: LabHandle, layout: string, tag: string, reg: LabRegistry, repoTag: string): Promise<void> {
  const argv = ['skopeo', 'copy', '--all', '--quiet', '--retry-times', '2', '--dest-tls-verify=false'];
  let authfile: string | undefined;
  if (reg.auth) {
    const c = registryCreds(lab);
    authfile = path.join(imagesDir(lab), `.push-auth-${process.pid}.json`);
    const key = `${reg.ip}:${reg.port}`;
    fs.writeFileSync(authfile, JSON.stringify({ auths: { [key]: { auth: Buffer.from(`${c.username}:${c.password}`).toString('base64') } } }), { mode: 0o600 });
    argv.push('--dest-authfile', authfile);
  }
  argv.push(`oci:${layout}:${tag}`, `docker://${reg.ip}:${reg.port}/${repoTag}`);
  try {
    await lab.exec(reg.netns, argv);
  } finally {
    if (authfile) fs.rmSync(authfile, { force: true });
  }
}
