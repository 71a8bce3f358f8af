import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../kernel/auth/actor.ts';
import { requireActor } from '../../kernel/auth/actor.ts';
import { type KeptRead, listKey } from '../../kernel/cache/kept-list.ts';
import type { Db } from '../../kernel/db/database.ts';
import { inTurn } from '../../kernel/db/in-turn.ts';
import { notFound } from '../../kernel/errors.ts';
import { type Language, pickText } from '../../kernel/localized.ts';
import type { ActionDetail, ActionListItem, ActionListQuery, ActionPage } from './actions.contract.ts';
import { requestOfAction } from './actions.for-requests.ts';
import {
  type ActionCriteria,
  actionWhere,
  countActions,
  type ListedActionRow,
  selectActionPage,
  selectDetailRelations,
} from './actions.queries.ts';
import { type ActionScope, scopeFor } from './actions.scope.ts';
import { actions } from './actions.table.ts';

function presentListItem(row: ListedActionRow, lang: Language): ActionListItem {
  const { role: _role, ...requesting } = row.institutions.find((i) => i.role === 'requesting') ?? {
    role: null,
  };
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    title: pickText(row.title, lang),
    status: row.status,
    countries: row.countries.map((c) => c.code),
    regions: [...new Set(row.countries.map((c) => c.regionCode))].sort(),
    topics: row.topics.map((t) => t.code),
    requestingInstitution: 'id' in requesting ? requesting : null,
    plannedStart: row.plannedStart,
    plannedEnd: row.plannedEnd,
  };
}

/** One page of the Actions a scope may see, presented for lists. */
export async function findActionPage(
  db: Db,
  scope: ActionScope,
  criteria: ActionCriteria,
  paging: { page: number; pageSize: number },
  lang: Language,
) {
  const where = actionWhere(scope, criteria);
  const [rows, total] = await inTurn([
    () => selectActionPage(db, where, paging.page, paging.pageSize),
    () => countActions(db, where),
  ]);
  return { rows, total, items: rows.map((row) => presentListItem(row, lang)) };
}

/** One Action with everything its page shows, or a 404 when the scope may not see it. */
export async function findActionDetail(
  db: Db,
  scope: ActionScope,
  id: string,
  lang: Language,
): Promise<ActionDetail> {
  const [rows, detail] = await Promise.all([
    selectActionPage(db, and(eq(actions.id, id), actionWhere(scope, {})), 1, 1),
    selectDetailRelations(db, id),
  ]);
  const row = rows[0];
  if (!row) throw notFound('Action');
  return {
    ...presentListItem(row, lang),
    summary: pickText(row.summary, lang),
    institutions: row.institutions,
    topicNames: row.topics.map((t) => ({ code: t.code, name: pickText(t.name, lang) })),
    pillars: detail.pillarRows.map((p) => ({ code: p.code, name: pickText(p.name, lang) })),
    approaches: detail.approachRows.map((a) => ({ code: a.code, name: pickText(a.name, lang) })),
    partners: detail.partnerRows,
    actualStart: row.actualStart,
    actualEnd: row.actualEnd,
    version: row.version,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** The Actions the caller may see, filtered and paginated; as a read the route may keep. */
export function actionListRead(
  db: Db,
  actor: Actor | null,
  query: ActionListQuery,
  lang: Language,
): KeptRead<ActionPage> {
  const scope = scopeFor(requireActor(actor));
  const { status, page, pageSize, ...filters } = query;
  const criteria = { ...filters, statuses: status ? [status] : undefined };
  return {
    key: listKey('actions', actionWhere(scope, criteria), lang, page, pageSize),
    read: async () => {
      const { items, total } = await findActionPage(db, scope, criteria, { page, pageSize }, lang);
      return { items, total, page, pageSize };
    },
  };
}

export const listActions = (db: Db, actor: Actor | null, query: ActionListQuery, lang: Language) =>
  actionListRead(db, actor, query, lang).read();

export async function getAction(
  db: Db,
  actor: Actor | null,
  id: string,
  lang: Language,
): Promise<ActionDetail> {
  const detail = await findActionDetail(db, scopeFor(requireActor(actor)), id, lang);
  return { ...detail, requestId: await requestOfAction(db, id) };
}
