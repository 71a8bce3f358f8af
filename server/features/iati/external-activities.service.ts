import { type SQL, sql } from 'drizzle-orm';
import { type Actor, requireRole } from '../../kernel/auth/actor.ts';
import { type Db, queryRows } from '../../kernel/db/database.ts';
import type { Language } from '../../kernel/localized.ts';
import type {
  ExternalActivityPage,
  ExternalActivityQuery,
  PublicExternalActivityPage,
} from './iati.contract.ts';
import type { ForeignText } from './iati.table.ts';

/** Imported activities are other publishers' public data; staff and the steering committee see them whole. */
const READERS = ['admin', 'officer', 'steering'] as const;

interface Row {
  id: string;
  identifier: string;
  reportingOrgRef: string | null;
  reportingOrgName: ForeignText;
  title: ForeignText;
  description: ForeignText;
  status: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  importedAt: string;
  sourceFile: string;
  countries: string[];
  topics: { topic: string; reason: string }[];
  sectors: { vocabulary: string; code: string; percentage: number | string | null }[];
  participatingOrgs: { role: string; ref: string | null; type: string | null; name: ForeignText }[];
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function whereOf(query: ExternalActivityQuery): SQL {
  const conditions: SQL[] = [sql`true`];
  if (query.country) {
    conditions.push(
      sql`exists (select 1 from external_activity_countries c where c.activity_id = e.id and c.country_code = ${query.country})`,
    );
  }
  if (query.topic) {
    conditions.push(
      sql`exists (select 1 from external_activity_topics t where t.activity_id = e.id and t.topic_code = ${query.topic})`,
    );
  }
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(sql`(e.iati_identifier ilike ${pattern} or e.title::text ilike ${pattern})`);
  }
  return sql.join(conditions, sql` and `);
}

/** One page of imported activities and the total, in one query that builds the JSON. */
async function selectPage(db: Db, query: ExternalActivityQuery) {
  const [row] = await queryRows<{ total: number; items: Row[] }>(
    db,
    sql`
    with filtered as (select e.id from external_activities e where ${whereOf(query)}),
    page as (
      select e.* from external_activities e join filtered f on f.id = e.id
       order by coalesce(e.actual_start, e.planned_start) desc nulls last, e.iati_identifier
       limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}
    )
    select (select count(*)::int from filtered) as total,
      coalesce((select json_agg(json_build_object(
        'id', p.id, 'identifier', p.iati_identifier, 'reportingOrgRef', p.reporting_org_ref,
        'reportingOrgName', p.reporting_org_name, 'title', p.title, 'description', p.description,
        'status', p.status, 'plannedStart', p.planned_start::text, 'plannedEnd', p.planned_end::text,
        'actualStart', p.actual_start::text, 'actualEnd', p.actual_end::text,
        'importedAt', to_char(p.imported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        'sourceFile', (select i.file_name from iati_imports i where i.id = p.import_id),
        'countries', coalesce((select json_agg(c.country_code order by c.country_code)
            from external_activity_countries c where c.activity_id = p.id), '[]'),
        'topics', coalesce((select json_agg(json_build_object('topic', t.topic_code, 'reason', t.reason) order by t.topic_code)
            from external_activity_topics t where t.activity_id = p.id), '[]'),
        'sectors', coalesce((select json_agg(json_build_object('vocabulary', s.vocabulary, 'code', s.code, 'percentage', s.percentage)
              order by s.vocabulary, s.code)
            from external_activity_sectors s where s.activity_id = p.id), '[]'),
        'participatingOrgs', coalesce((select json_agg(json_build_object('role', o.role, 'ref', o.ref, 'type', o.type, 'name', o.name)
              order by o.position)
            from external_participating_orgs o where o.activity_id = p.id), '[]')
      ) order by coalesce(p.actual_start, p.planned_start) desc nulls last, p.iati_identifier) from page p), '[]') as items`,
  );
  return { total: row?.total ?? 0, rows: row?.items ?? [] };
}

/** Another publisher's text in the reader's language, else English, else what there is. */
const textIn = (text: ForeignText, lang: Language) =>
  text[lang] ?? text.en ?? Object.values(text).find(Boolean) ?? '';

function presentPublic(row: Row, lang: Language) {
  return {
    id: row.id,
    identifier: row.identifier,
    reportingOrg: {
      ref: row.reportingOrgRef,
      name: textIn(row.reportingOrgName, lang) || (row.reportingOrgRef ?? ''),
    },
    title: textIn(row.title, lang),
    status: row.status,
    plannedStart: row.plannedStart,
    plannedEnd: row.plannedEnd,
    actualStart: row.actualStart,
    actualEnd: row.actualEnd,
    countries: row.countries,
    topics: row.topics.map((t) => t.topic),
  };
}

export async function listExternalActivities(
  db: Db,
  actor: Actor | null,
  query: ExternalActivityQuery,
  lang: Language,
): Promise<ExternalActivityPage> {
  requireRole(actor, READERS);
  const { total, rows } = await selectPage(db, query);
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((row) => ({
      ...presentPublic(row, lang),
      description: textIn(row.description, lang),
      sectors: row.sectors.map((s) => ({
        ...s,
        percentage: s.percentage === null ? null : Number(s.percentage),
      })),
      participatingOrgs: row.participatingOrgs.map((o) => ({ ...o, name: textIn(o.name, lang) })),
      topicEvidence: row.topics,
      importedAt: row.importedAt,
      sourceFile: row.sourceFile,
    })),
  };
}

/** For the portal: who else works on a topic in a country, public fields only. */
export async function listPublicExternalActivities(
  db: Db,
  query: ExternalActivityQuery,
  lang: Language,
): Promise<PublicExternalActivityPage> {
  const { total, rows } = await selectPage(db, query);
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map((row) => presentPublic(row, lang)),
  };
}
