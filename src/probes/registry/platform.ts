/** The node's platform and whether an index or manifest serves it (facts §8 media types). */

export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  '*/*',
].join(', ');

export function isIndexType(ct: string | undefined): boolean {
  return !!ct && /image\.index\.v1\+json|manifest\.list\.v2\+json/.test(ct);
}

/** Node's process.arch to the OCI architecture name. */
export function ociArch(nodeArch: string = process.arch): string {
  const map: Record<string, string> = { x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };
  return map[nodeArch] ?? nodeArch;
}

export interface PlatformCheck {
  ok: boolean;
  detail: string;
  /** the digest of the per-platform manifest, when an index served it */
  digest?: string;
}

/** Does the index list linux/<arch>? */
export function checkIndex(body: Buffer, arch: string, os = 'linux'): PlatformCheck {
  let doc: any;
  try {
    doc = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, detail: 'index body is not JSON' };
  }
  const manifests: any[] = Array.isArray(doc?.manifests) ? doc.manifests : [];
  const platforms = manifests.map((m) => m?.platform).filter((p) => p && p.os !== 'unknown');
  const names = platforms.map((p) => `${p.os}/${p.architecture}${p.variant ? '/' + p.variant : ''}`);
  const hit = manifests.find((m) => m?.platform?.os === os && m?.platform?.architecture === arch);
  if (hit) return { ok: true, detail: `index has ${os}/${arch} (of ${names.join(', ')})`, digest: hit.digest };
  return { ok: false, detail: `no match for platform ${os}/${arch} in manifest: index has ${names.join(', ') || 'no platforms'}` };
}

/** An image config blob names its platform. */
export function checkConfig(body: Buffer, arch: string, os = 'linux'): PlatformCheck {
  let doc: any;
  try {
    doc = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: true, detail: 'config is not JSON; platform not checked' };
  }
  if (!doc?.architecture) return { ok: true, detail: 'config names no architecture; platform not checked' };
  const have = `${doc.os ?? '?'}/${doc.architecture}`;
  if (doc.architecture === arch && (doc.os ?? os) === os) return { ok: true, detail: `single-platform image ${have}` };
  return { ok: false, detail: `image is ${have}, node needs ${os}/${arch} (exec format error when run)` };
}
