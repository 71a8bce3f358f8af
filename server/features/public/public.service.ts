import type { z } from 'zod';
import type { Db } from '../../kernel/db/database.ts';
import { type Language, pickText } from '../../kernel/localized.ts';
import { PUBLIC_ONGOING_STATUSES } from '../actions/actions.scope.ts';
import { findActionDetail, findActionPage } from '../actions/actions.service.ts';
import { publicPortfolioStats } from '../actions/actions.stats.ts';
import type { PublicActionDetail, PublicActionPage, publicActionListQuery } from './public.contract.ts';

const PUBLIC = { kind: 'public' } as const;

export async function listPublicActions(
  db: Db,
  query: z.infer<typeof publicActionListQuery>,
  lang: Language,
): Promise<PublicActionPage> {
  const { status, page, pageSize, ...filters } = query;
  const statuses =
    status === 'ongoing'
      ? PUBLIC_ONGOING_STATUSES
      : status === 'completed'
        ? (['completed'] as const)
        : undefined;
  const { rows, items, total } = await findActionPage(
    db,
    PUBLIC,
    { ...filters, statuses: statuses ? [...statuses] : undefined },
    { page, pageSize },
    lang,
  );
  return {
    items: items.map((item, index) => ({ ...item, summary: pickText(rows[index]?.summary, lang) })),
    total,
    page,
    pageSize,
  };
}

/** The public view of an Action: the staff detail less its version, timestamps and partner ids. */
export async function getPublicAction(db: Db, id: string, lang: Language): Promise<PublicActionDetail> {
  const { version: _v, updatedAt: _u, partners, ...detail } = await findActionDetail(db, PUBLIC, id, lang);
  return { ...detail, partners: partners.map(({ name, acronym }) => ({ name, acronym })) };
}

export const publicStatsFor = publicPortfolioStats;
