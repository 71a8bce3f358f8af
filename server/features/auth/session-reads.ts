import { eq, sql } from 'drizzle-orm';
import { cacheVersions } from '../../kernel/cache/cache.table.ts';
import { type Db, perDatabase } from '../../kernel/db/database.ts';
import { ReadTogether } from '../../kernel/db/read-together.ts';
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

const sessionReads = perDatabase((db) => {
  const lookup = prepareSessionsLookup(db);
  return new ReadTogether(
    async (ids) => new Map((await lookup.execute({ ids })).map((row) => [row.id, row])),
  );
});

/**
 * The session with this id and its user, or undefined when there is no such session. The sessions
 * that requests ask for in one turn of the event loop are read by one statement (decision 123).
 */
export const readSession = (db: Db, id: string): Promise<SessionRow | undefined> => sessionReads(db).read(id);
