import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { cacheVersions } from './cache.table.ts';

export interface CachedBody {
  /** The serialised JSON as UTF-8 bytes, ready to send without encoding it again. */
  body: Buffer;
  /** The same, compressed, each encoding made once at the first request that takes it. */
  encoded?: Partial<Record<'br' | 'gzip', Buffer>>;
  /** A strong validator for conditional requests: the data set's version and the key. */
  etag: string;
}

/**
 * A bounded in-process map of computed values that is correct across processes: each entry
 * remembers the version of its data set, and a lookup first reads the current version (one indexed
 * row), so any committed change, made by any process, invalidates the entry. The least recently
 * used entry goes first when it is full.
 */
export class VersionedMap<T> {
  readonly #entries = new Map<string, { version: number; value: T }>();
  readonly #readVersion;

  constructor(
    db: Db,
    readonly name: string,
    readonly maxEntries = 500,
  ) {
    this.#readVersion = db
      .select({ version: cacheVersions.version })
      .from(cacheVersions)
      .where(eq(cacheVersions.name, name))
      .prepare(`cache_version_${name}`);
  }

  async get(key: string, compute: (version: number) => Promise<T>): Promise<T> {
    const [row] = await this.#readVersion.execute();
    const version = row?.version ?? 0;
    const hit = this.#entries.get(key);
    if (hit && hit.version === version) {
      // Refresh its place in the insertion order, so the least recently used goes first.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit.value;
    }
    const value = await compute(version);
    this.#entries.delete(key);
    this.#entries.set(key, { version, value });
    if (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return value;
  }
}

/** Serialised responses, each with an ETag made of the data set's version and the key. */
export class VersionedCache {
  readonly #map: VersionedMap<CachedBody>;

  constructor(db: Db, name: string, maxEntries = 500) {
    this.#map = new VersionedMap(db, name, maxEntries);
  }

  get(key: string, compute: () => Promise<string>): Promise<CachedBody> {
    return this.#map.get(key, async (version) => ({
      body: Buffer.from(await compute()),
      etag: `"${this.#map.name}-${version}-${hashKey(key)}"`,
    }));
  }
}

/** A short, stable digest of a cache key for the ETag (FNV-1a, 32 bits). */
function hashKey(key: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
