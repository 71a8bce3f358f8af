import type { Actor } from '../../kernel/auth/actor.ts';
import { requireActor } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { notFound } from '../../kernel/errors.ts';
import { type Language, pickText } from '../../kernel/localized.ts';
import type { ActionDetail, ActionListItem, ActionListQuery, ActionPage } from './actions.contract.ts';
import {
  type ActionCriteria,
  type ActionRow,
  actionWhere,
  selectActionById,
  selectActionPage,
  selectDetailRelations,
  selectListRelations,
} from './actions.queries.ts';
import { type ActionScope, scopeFor } from './actions.scope.ts';

type ListRelations = Awaited<ReturnType<typeof selectListRelations>>;

function presentListItem(row: ActionRow, relations: ListRelations, lang: Language): ActionListItem {
  const countryRows = relations.countryRows.filter((c) => c.actionId === row.id);
  const requesting = relations.institutionRows.find((i) => i.actionId === row.id && i.role === 'requesting');
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    title: pickText(row.title, lang),
    status: row.status,
    countries: countryRows.map((c) => c.code),
    regions: [...new Set(countryRows.map((c) => c.regionCode))].sort(),
    topics: relations.topicRows.filter((t) => t.actionId === row.id).map((t) => t.code),
    requestingInstitution: requesting
      ? {
          id: requesting.id,
          name: requesting.name,
          acronym: requesting.acronym,
          type: requesting.type,
          countryCode: requesting.countryCode,
        }
      : null,
    plannedStart: row.plannedStart,
    plannedEnd: row.plannedEnd,
  };
}

/** One page of the Actions a scope may see, with their list relations. */
export async function findActionPage(
  db: Db,
  scope: ActionScope,
  criteria: ActionCriteria,
  paging: { page: number; pageSize: number },
  lang: Language,
) {
  const { rows, total } = await selectActionPage(
    db,
    actionWhere(scope, criteria),
    paging.page,
    paging.pageSize,
  );
  const relations = await selectListRelations(
    db,
    rows.map((r) => r.id),
  );
  return { rows, total, items: rows.map((row) => presentListItem(row, relations, lang)) };
}

/** One Action with everything its page shows, or a 404 when the scope may not see it. */
export async function findActionDetail(
  db: Db,
  scope: ActionScope,
  id: string,
  lang: Language,
): Promise<ActionDetail> {
  const row = await selectActionById(db, id, actionWhere(scope, {}));
  if (!row) throw notFound('Action');
  const [relations, detail] = await Promise.all([
    selectListRelations(db, [id]),
    selectDetailRelations(db, id),
  ]);
  return {
    ...presentListItem(row, relations, lang),
    summary: pickText(row.summary, lang),
    institutions: relations.institutionRows.map(({ actionId: _, ...institution }) => institution),
    topicNames: relations.topicRows.map((t) => ({ code: t.code, name: pickText(t.name, lang) })),
    pillars: detail.pillarRows.map((p) => ({ code: p.code, name: pickText(p.name, lang) })),
    approaches: detail.approachRows.map((a) => ({ code: a.code, name: pickText(a.name, lang) })),
    partners: detail.partnerRows,
    actualStart: row.actualStart,
    actualEnd: row.actualEnd,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listActions(
  db: Db,
  actor: Actor | null,
  query: ActionListQuery,
  lang: Language,
): Promise<ActionPage> {
  const scope = scopeFor(requireActor(actor));
  const { status, page, pageSize, ...filters } = query;
  const { items, total } = await findActionPage(
    db,
    scope,
    { ...filters, statuses: status ? [status] : undefined },
    { page, pageSize },
    lang,
  );
  return { items, total, page, pageSize };
}

export function getAction(db: Db, actor: Actor | null, id: string, lang: Language): Promise<ActionDetail> {
  return findActionDetail(db, scopeFor(requireActor(actor)), id, lang);
}
