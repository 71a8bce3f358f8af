import { sql } from 'drizzle-orm';
import { type Db, perDatabase } from '../db/database.ts';
import { ReadTogether } from '../db/read-together.ts';
import { cacheVersions } from './cache.table.ts';

export interface CachedBody {
  /** The serialised JSON as UTF-8 bytes, ready to send without encoding it again. */
  body: Buffer;
  /** The same, compressed, each encoding made once at the first request that takes it. */
  encoded?: Partial<Record<'br' | 'gzip', Buffer>>;
  /** A strong validator for conditional requests: the data set's version and the key. */
  etag: string;
  /** When the body reads differently although no data changed (ms since the epoch), if ever. */
  until?: number;
}

/** Data sets' versions already read in a request, by name ('reporting' is read with the session). */
export type KnownVersions = Readonly<Record<string, number>>;

/**
 * The current versions of data sets (one indexed row each). The versions that requests ask for in
 * one turn of the event loop, of any data sets, are read by one statement (decision 123).
 */
const versionReads = perDatabase((db) => {
  const lookup = db
    .select({ name: cacheVersions.name, version: cacheVersions.version })
    .from(cacheVersions)
    .where(sql`${cacheVersions.name} = any(${sql.placeholder('names')})`)
    .prepare('cache_versions_by_name');
  return new ReadTogether(
    async (names) => new Map((await lookup.execute({ names })).map((row) => [row.name, row.version])),
  );
});

/**
 * A bounded in-process map of computed values that is correct across processes: each entry
 * remembers the version of its data set, and a lookup first reads the current version (one indexed
 * row), so any committed change, made by any process, invalidates the entry. The least recently
 * used entry goes first when it is full.
 */
export class VersionedMap<T> {
  readonly #entries = new Map<string, { version: number; value: T; until: number }>();
  /** Values being computed: requests that miss together wait for one computation. */
  readonly #computing = new Map<string, { version: number; value: Promise<T> }>();

  constructor(
    readonly db: Db,
    readonly name: string,
    readonly maxEntries = 500,
  ) {}

  /**
   * The kept value, or a new one. `until` says when a value reads differently although no data
   * changed (a count of days since a date): from then on it is computed again. `known` holds versions
   * the caller has already read in this request (with its session): the data set's saves a round trip.
   */
  async get(
    key: string,
    compute: (version: number) => Promise<T>,
    {
      until = () => Number.POSITIVE_INFINITY,
      known,
    }: { until?: (value: T) => number; known?: KnownVersions } = {},
  ): Promise<T> {
    const version = known?.[this.name] ?? (await this.#currentVersion());
    return this.#lookUp(key, version, compute, until);
  }

  async #currentVersion(): Promise<number> {
    return (await versionReads(this.db).read(this.name)) ?? 0;
  }

  async #lookUp(
    key: string,
    version: number,
    compute: (version: number) => Promise<T>,
    until: (value: T) => number,
  ): Promise<T> {
    const hit = this.#entries.get(key);
    // Versions only go up: an entry computed under a later version than this request read (by another
    // request that started after a change) is no less current for it.
    if (hit && hit.version >= version && Date.now() < hit.until) {
      // Refresh its place in the insertion order, so the least recently used goes first.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit.value;
    }
    // After a change, every request for a key misses at once: the first computes, the others wait
    // for it rather than each reading the same rows again. A key is computed once at a time: a request
    // that read a later version than the computation under way waits for its end, then computes under
    // the version current by then, which the others that waited with it share.
    const computing = this.#computing.get(key);
    if (computing) {
      if (computing.version >= version) return computing.value;
      await computing.value.catch(() => {});
      return this.#lookUp(key, Math.max(version, await this.#currentVersion()), compute, until);
    }
    const flight = { version, value: compute(version) };
    this.#computing.set(key, flight);
    try {
      const value = await flight.value;
      this.#entries.delete(key);
      this.#entries.set(key, { version, value, until: until(value) });
      if (this.#entries.size > this.maxEntries) {
        const oldest = this.#entries.keys().next().value;
        if (oldest !== undefined) this.#entries.delete(oldest);
      }
      return value;
    } finally {
      if (this.#computing.get(key) === flight) this.#computing.delete(key);
    }
  }
}

/** Serialised responses, each with an ETag made of the data set's version and the key. */
export class VersionedCache {
  readonly #map: VersionedMap<CachedBody>;

  constructor(db: Db, name: string, maxEntries = 500) {
    this.#map = new VersionedMap(db, name, maxEntries);
  }

  /** The kept body for a key, or a new one; `compute` may say until when its body holds (ms). */
  get(
    key: string,
    compute: () => Promise<string | { body: string; until: number }>,
    known?: KnownVersions,
  ): Promise<CachedBody> {
    return this.#map.get(
      key,
      async (version) => {
        const computed = await compute();
        const { body, until } =
          typeof computed === 'string' ? { body: computed, until: undefined } : computed;
        // A body that changes with time alone must not match a copy made before it changed.
        const validity = until === undefined ? '' : `-${until.toString(36)}`;
        return {
          body: Buffer.from(body),
          until,
          etag: `"${this.#map.name}-${version}-${hashKey(key)}${validity}"`,
        };
      },
      { until: (cached) => cached.until ?? Number.POSITIVE_INFINITY, known },
    );
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
