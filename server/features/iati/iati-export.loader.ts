import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../kernel/db/database.ts';
import type { LocalizedText } from '../../kernel/localized.ts';
import type { ActionStatus } from '../actions/action-statuses.ts';
import { PUBLIC_STATUSES } from '../actions/actions.scope.ts';
import { loadPublishedDocuments } from '../deliverables/deliverables.for-iati.ts';
import { loadIatiResults } from '../results/results.for-iati.ts';
import type { ActivityResult, DocumentLink } from './iati-activity.model.ts';
import { documentLink } from './iati-documents.ts';

/**
 * What the builder needs of one Action. The IATI export is a report: it reads the Actions' tables
 * directly (one query per batch) rather than page by page through the Actions service.
 */
export interface ActionSource {
  id: string;
  code: string;
  name: string;
  title: LocalizedText;
  summary: LocalizedText;
  status: ActionStatus;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  updatedAt: string;
  countries: { code: string; regionCode: string }[];
  topics: string[];
  approaches: string[];
  partners: { name: string; acronym: string | null }[];
  /**
   * The deliverables published for general consultation and the results framework, read through
   * the deliverables and results features' loaders for each batch.
   */
  documents: DocumentLink[];
  results: ActivityResult[];
}

/** Which Actions an export covers: the public ones, or (for staff) all of them. */
export type ExportScope = 'public' | 'all';

export const EXPORT_BATCH_SIZE = 200;

type SourceRow = Omit<ActionSource, 'documents' | 'results'>;

function selectBatch(db: Db, scope: ExportScope, after: string | null, limit: number) {
  const conditions = [
    after === null ? undefined : sql`a.id > ${after}`,
    scope === 'public'
      ? sql`a.status in (${sql.join(
          PUBLIC_STATUSES.map((s) => sql`${s}`),
          sql`, `,
        )})`
      : undefined,
  ].filter((c) => c !== undefined);
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  return queryRows<SourceRow>(
    db,
    sql`
    select a.id, a.code, a.name, a.title, a.summary, a.status,
      a.planned_start::text as "plannedStart", a.planned_end::text as "plannedEnd",
      a.actual_start::text as "actualStart", a.actual_end::text as "actualEnd",
      to_char(a.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt",
      coalesce((select json_agg(json_build_object('code', c.code, 'regionCode', c.region_code) order by c.code)
          from action_countries ac join countries c on c.code = ac.country_code where ac.action_id = a.id), '[]') as countries,
      coalesce((select json_agg(t.topic_code order by t.topic_code)
          from action_topics t where t.action_id = a.id), '[]') as topics,
      coalesce((select json_agg(ap.approach_code order by ap.approach_code)
          from action_approaches ap where ap.action_id = a.id), '[]') as approaches,
      coalesce((select json_agg(json_build_object('name', p.name, 'acronym', p.acronym) order by p.name)
          from action_partners pa join partner_organisations p on p.id = pa.partner_id where pa.action_id = a.id), '[]') as partners
    from actions a ${where}
    order by a.id
    limit ${limit}`,
  );
}

/** One batch of Actions after `after` (null: from the first), with their documents and results. */
async function loadBatch(
  db: Db,
  scope: ExportScope,
  after: string | null,
  batchSize: number,
): Promise<ActionSource[]> {
  const rows = await selectBatch(db, scope, after, batchSize);
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [documents, results] = await Promise.all([loadPublishedDocuments(db, ids), loadIatiResults(db, ids)]);
  return rows.map((row) => ({
    ...row,
    documents: (documents.get(row.id) ?? []).map(documentLink),
    results: results.get(row.id) ?? [],
  }));
}

/**
 * The Actions of a scope in batches, ordered by id and paged by the last id seen (keyset), so that
 * memory holds two batches whatever the size of the portfolio and no page is skipped or repeated.
 * The next batch is read while the consumer writes the current one: the database's time and the
 * writer's overlap instead of adding up.
 */
export async function* loadActionBatches(
  db: Db,
  scope: ExportScope,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<ActionSource[]> {
  let next = loadBatch(db, scope, null, batchSize);
  for (;;) {
    const batch = await next;
    if (batch.length === 0) return;
    const last = batch.length < batchSize ? null : (batch[batch.length - 1]?.id ?? null);
    next = last === null ? Promise.resolve([]) : loadBatch(db, scope, last, batchSize);
    // A consumer that stops early (the client went away) never awaits the batch read ahead: its
    // failure must not become an unhandled rejection. Awaited, it still throws.
    next.catch(() => {});
    yield batch;
  }
}
