/**
 * Minimal CRI client (runtime.v1 ImageService + Version) over containerd's unix socket — what
 * kubelet does, without crictl (Debian 12 has none). Errors keep grpc-js's `details` (the runtime's
 * text); `criErrorText` renders them as kubelet prints them: `rpc error: code = X desc = …`.
 */
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { packageRoot } from '../package-root.js';


let pkg: any;
function loadPackage(): any {
  if (!pkg) {
    // resolved from the package root: this code also runs bundled in dist/
    const def = protoLoader.loadSync(path.join(packageRoot(), 'lab/runtime/cri-image.proto'), { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true });
    pkg = (grpc.loadPackageDefinition(def) as any).runtime.v1;
  }
  return pkg;
}

/** Credentials as kubelet passes them (from a pull secret). Never logged. */
export interface CriAuth {
  username?: string;
  password?: string;
  auth?: string;
  server_address?: string;
}

/** A failed CRI call: `code` is the gRPC status name, `details` the runtime's own text. */
export class CriError extends Error {
  constructor(
    readonly code: string,
    readonly details: string,
  ) {
    super(`rpc error: code = ${code} desc = ${details}`);
    this.name = 'CriError';
  }
}

function toCriError(err: any): CriError {
  const code = typeof err?.code === 'number' ? (grpc.status[err.code] ?? String(err.code)) : 'Unknown';
  // grpc-js spells the names in SCREAMING_CASE; Go's grpc prints CamelCase (NotFound, Unknown…).
  const camel = code
    .toLowerCase()
    .split('_')
    .map((w: string) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
  return new CriError(camel, goDialText(String(err?.details ?? err?.message ?? err)));
}

/**
 * grpc-js words a dead socket in Node terms (`connect ECONNREFUSED /run/…sock`); kubelet is a Go
 * program and prints grpc-go's wording of the same errno. Only this transport text is re-worded;
 * runtime errors pass through verbatim.
 */
function goDialText(details: string): string {
  const m = /connect (ECONNREFUSED|ENOENT|EACCES) (\/\S+)/.exec(details);
  if (!m) return details;
  const errno = { ECONNREFUSED: 'connection refused', ENOENT: 'no such file or directory', EACCES: 'permission denied' }[m[1]];
  const sock = m[2].replace(/[.),;]+$/, '');
  return `connection error: desc = "transport: Error while dialing: dial unix ${sock}: connect: ${errno}"`;
}

export class CriClient {
  private images: any;
  private runtime: any;

  constructor(readonly socket: string) {
    const p = loadPackage();
    const target = `unix://${socket}`;
    const creds = grpc.credentials.createInsecure();
    this.images = new p.ImageService(target, creds);
    this.runtime = new p.RuntimeService(target, creds, {});
  }

  private call<T>(svc: any, method: string, req: unknown, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      svc[method](req, { deadline: Date.now() + timeoutMs }, (err: any, res: T) => (err ? reject(toCriError(err)) : resolve(res)));
    });
  }

  version(timeoutMs = 3000): Promise<{ runtime_name: string; runtime_version: string; runtime_api_version: string }> {
    return this.call(this.runtime, 'Version', { version: 'v1' }, timeoutMs);
  }

  /** Pulls through the CRI; resolves to the image ref (id), rejects with CriError. */
  async pullImage(image: string, auth?: CriAuth, timeoutMs = 120_000): Promise<string> {
    const res = await this.call<{ image_ref: string }>(this.images, 'PullImage', { image: { image }, auth: auth ?? null, sandbox_config: {} }, timeoutMs);
    return res.image_ref;
  }

  /** undefined when the image is absent (CRI returns an empty status, not an error). */
  async imageStatus(image: string, timeoutMs = 5000): Promise<{ id: string; size: string } | undefined> {
    const res = await this.call<{ image?: { id: string; size: string } | null }>(this.images, 'ImageStatus', { image: { image } }, timeoutMs);
    return res.image && res.image.id ? res.image : undefined;
  }

  async removeImage(image: string, timeoutMs = 10_000): Promise<void> {
    await this.call(this.images, 'RemoveImage', { image: { image } }, timeoutMs);
  }

  close(): void {
    this.images.close();
    this.runtime.close();
  }
}
