import { eq, sql } from 'drizzle-orm';
import { cacheVersions } from '../../kernel/cache/cache.table.ts';
import type { Db } from '../../kernel/db/database.ts';
import { sessions, users } from './auth.table.ts';

/** A cached data set's version, as a column of the sessions' statement. */
const versionOf = (name: 'portfolio' | 'reporting') =>
  sql<number>`(select ${cacheVersions.version} from ${cacheVersions} where ${cacheVersions.name} = ${name})`.mapWith(
    Number,
  );

/**
 * The live sessions and their users, by the sessions' ids. Read at every signed-in request, so
 * prepared once per database (a named statement, planned once) rather than parsed and planned each
 * time.
 */
const prepareSessionsLookup = (db: Db) =>
  db
    .select({
      id: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      csrfToken: sessions.csrfToken,
      enrolmentOnly: sessions.enrolmentOnly,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      institutionId: users.institutionId,
      disabledAt: users.disabledAt,
      // Read here so that a signed-in request's kept answers cost no round trip of their own.
      reportingVersion: versionOf('reporting'),
      portfolioVersion: versionOf('portfolio'),
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(sql`${sessions.id} = any(${sql.placeholder('ids')})`)
    .prepare('sessions_by_id');

export type SessionRow = Awaited<ReturnType<ReturnType<typeof prepareSessionsLookup>['execute']>>[number];

/** Reads the sessions with these ids (the prepared statement above, or a stand-in in tests). */
export interface SessionsLookup<Row extends { id: string }> {
  execute(values: { ids: string[] }): Promise<Row[]>;
}

interface Waiting<Row> {
  resolve(row: Row | undefined): void;
  reject(error: unknown): void;
}

/**
 * Reads sessions in batches (decision 123): the sessions that requests ask for in one turn of the
 * event loop are read by one statement, sent once that turn has read every request that arrived.
 * Under load many requests arrive together, and each round trip to PostgreSQL costs the server's
 * thread a write to the database's socket, the largest single cost of a kept list page. A read is
 * still sent after its request arrived, so it sees the session, the user and the data sets'
 * versions as they were then or later: a session ended or an account disabled before a request
 * arrives is never read as live.
 */
export class SessionReader<Row extends { id: string }> {
  #waiting = new Map<string, Waiting<Row>[]>();
  #scheduled = false;

  constructor(readonly lookup: SessionsLookup<Row>) {}

  read(id: string): Promise<Row | undefined> {
    return new Promise((resolve, reject) => {
      const waiting = this.#waiting.get(id);
      if (waiting) waiting.push({ resolve, reject });
      else this.#waiting.set(id, [{ resolve, reject }]);
      if (!this.#scheduled) {
        this.#scheduled = true;
        // After the I/O of this turn: every request read in it has asked by then.
        setImmediate(() => void this.#readBatch());
      }
    });
  }

  async #readBatch() {
    const batch = this.#waiting;
    this.#waiting = new Map();
    this.#scheduled = false;
    try {
      const rows = await this.lookup.execute({ ids: [...batch.keys()] });
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const [id, waiting] of batch) for (const one of waiting) one.resolve(byId.get(id));
    } catch (error) {
      for (const waiting of batch.values()) for (const one of waiting) one.reject(error);
    }
  }
}

const readers = new WeakMap<Db, SessionReader<SessionRow>>();

/** The session with this id and its user, or undefined when there is no such session. */
export function readSession(db: Db, id: string): Promise<SessionRow | undefined> {
  let reader = readers.get(db);
  if (!reader) {
    reader = new SessionReader(prepareSessionsLookup(db));
    readers.set(db, reader);
  }
  return reader.read(id);
}
