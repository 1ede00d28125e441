/**
 * The in-memory object store behind the test API server: objects by kind and namespace/name, a
 * cluster-wide resourceVersion counter, and Kubernetes list semantics (sorted keys, limit/continue).
 */
import { randomUUID } from 'node:crypto';
import { resourceByKind } from './resources.js';
import { toCoreEvent } from './resources.js';

type Obj = Record<string, any>;

export interface ListPage {
  items: Obj[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

export class ListError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

const key = (ns: string | undefined, name: string) => `${ns ?? ''}/${name}`;

export class ObjectStore {
  private readonly kinds = new Map<string, Map<string, Obj>>();
  private rv = 1000;
  /** Continue tokens minted before this resourceVersion answer 410 Expired. */
  private compactedBelow = 0;
  /** Called after every write (the standalone server persists on it). */
  onChange?: () => void;

  private bucket(kind: string): Map<string, Obj> {
    let m = this.kinds.get(kind);
    if (!m) this.kinds.set(kind, (m = new Map()));
    return m;
  }

  get resourceVersion(): string {
    return String(this.rv);
  }

  /** Create or replace; fills uid, creationTimestamp and resourceVersion like the API server. */
  put(input: Obj): Obj {
    let obj: Obj = structuredClone(input);
    if (obj.kind === 'Event') obj = toCoreEvent(obj);
    const kind = obj.kind as string | undefined;
    const type = kind ? resourceByKind(kind) : undefined;
    if (!type) throw new ListError(400, 'BadRequest', `kind ${kind ?? '(missing)'} is not served by this server`);
    const name = obj.metadata?.name;
    if (!name) throw new ListError(422, 'Invalid', `${type.resource} "": metadata.name: Required value`);
    obj.apiVersion ??= type.group ? `${type.group}/${type.version}` : type.version;
    const ns = type.namespaced ? (obj.metadata.namespace ?? 'default') : undefined;
    if (type.namespaced) obj.metadata.namespace = ns;
    else delete obj.metadata.namespace;
    const prev = this.bucket(kind!).get(key(ns, name));
    obj.metadata.uid ??= prev?.metadata?.uid ?? randomUUID();
    obj.metadata.creationTimestamp ??= prev?.metadata?.creationTimestamp ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    obj.metadata.resourceVersion = String(++this.rv);
    if (kind === 'Secret' && obj.stringData) {
      // stringData is write-only: the API server folds it into base64 data.
      obj.data ??= {};
      for (const [k, v] of Object.entries(obj.stringData as Record<string, string>)) obj.data[k] = Buffer.from(String(v)).toString('base64');
      delete obj.stringData;
    }
    this.bucket(kind!).set(key(ns, name), obj);
    this.onChange?.();
    return structuredClone(obj);
  }

  get(kind: string, ns: string | undefined, name: string): Obj | undefined {
    const o = this.kinds.get(kind)?.get(key(resourceByKind(kind)?.namespaced ? ns : undefined, name));
    return o ? structuredClone(o) : undefined;
  }

  remove(kind: string, ns: string | undefined, name: string): Obj | undefined {
    const k = key(resourceByKind(kind)?.namespaced ? ns : undefined, name);
    const m = this.kinds.get(kind);
    const o = m?.get(k);
    if (o) {
      m!.delete(k);
      this.rv++;
      this.onChange?.();
    }
    return o;
  }

  /** Every object of a kind (optionally in one namespace), sorted by namespace/name. */
  all(kind: string, ns?: string): Obj[] {
    const m = this.kinds.get(kind);
    if (!m) return [];
    const keys = [...m.keys()].sort();
    return keys.filter((k) => ns === undefined || k.startsWith(ns + '/')).map((k) => structuredClone(m.get(k)!));
  }

  /** Invalidates every continue token issued so far (a 410 on the next page). */
  expireContinueTokens(): void {
    this.compactedBelow = ++this.rv;
  }

  /** One page of a list; items are filtered by `match` before paging (as the server does). */
  page(kind: string, ns: string | undefined, opts: { limit?: number; continue?: string; match?: (o: Obj) => boolean }): ListPage {
    const m = this.kinds.get(kind) ?? new Map<string, Obj>();
    let start = '';
    let listRV = this.rv;
    if (opts.continue) {
      let tok: { rv: number; start: string };
      try {
        tok = JSON.parse(Buffer.from(opts.continue, 'base64url').toString('utf8'));
        if (typeof tok.rv !== 'number' || typeof tok.start !== 'string') throw new Error();
      } catch {
        throw new ListError(400, 'BadRequest', 'continue key is not valid: illegal base64 data or token shape');
      }
      if (tok.rv < this.compactedBelow) {
        throw new ListError(
          410,
          'Expired',
          'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
        );
      }
      start = tok.start;
      listRV = tok.rv;
    }
    const keys = [...m.keys()].filter((k) => (ns === undefined || k.startsWith(ns + '/')) && (!start || k > start)).sort();
    const items: Obj[] = [];
    let i = 0;
    const limit = opts.limit && opts.limit > 0 ? opts.limit : Infinity;
    for (; i < keys.length && items.length < limit; i++) {
      const o = m.get(keys[i])!;
      if (!opts.match || opts.match(o)) items.push(structuredClone(o));
    }
    const page: ListPage = { items, resourceVersion: String(listRV) };
    if (i < keys.length) {
      page.continue = Buffer.from(JSON.stringify({ rv: listRV, start: keys[i - 1] })).toString('base64url');
      if (!opts.match) page.remainingItemCount = keys.length - i;
    }
    return page;
  }
}
