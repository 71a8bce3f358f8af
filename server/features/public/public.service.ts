import type { z } from 'zod';
import type { Db } from '../../kernel/db/database.ts';
import { notFound } from '../../kernel/errors.ts';
import { type Language, pickText } from '../../kernel/localized.ts';
import type { ActionCriteria } from '../actions/actions.queries.ts';
import { selectPillarsOf } from '../actions/actions.queries.ts';
import { PUBLIC_ONGOING_STATUSES } from '../actions/actions.scope.ts';
import { findActionDetail, findActionPage } from '../actions/actions.service.ts';
import { publicPortfolioStats } from '../actions/actions.stats.ts';
import { readTaxonomies } from '../taxonomy/taxonomy.service.ts';
import type {
  PublicActionDetail,
  PublicActionItem,
  PublicActionPage,
  PublicCountryFigures,
  PublicRegionPage,
  PublicStats,
  PublicTopicPage,
  publicActionListQuery,
} from './public.contract.ts';
import type { PublicWorkSource } from './public-work.ts';

const PUBLIC = { kind: 'public' } as const;
const ONGOING = [...PUBLIC_ONGOING_STATUSES];

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

/** Every public Action that matches, page after page: topic and region pages show them all. */
async function allPublicActions(db: Db, criteria: ActionCriteria, lang: Language) {
  const all: PublicActionItem[] = [];
  for (let page = 1; ; page++) {
    const { rows, items, total } = await findActionPage(db, PUBLIC, criteria, { page, pageSize: 200 }, lang);
    all.push(...items.map((item, index) => ({ ...item, summary: pickText(rows[index]?.summary, lang) })));
    if (all.length >= total || items.length === 0) return all;
  }
}

/**
 * The public view of an Action: the staff detail less its version, timestamps and partner ids, plus
 * what the workspace publishes about its work (empty until the workspace answers).
 */
export async function getPublicAction(
  db: Db,
  id: string,
  lang: Language,
  work: PublicWorkSource,
): Promise<PublicActionDetail> {
  const { version: _v, updatedAt: _u, partners, ...detail } = await findActionDetail(db, PUBLIC, id, lang);
  return {
    ...detail,
    partners: partners.map(({ name, acronym }) => ({ name, acronym })),
    ...(await work.forAction(db, id, lang)),
  };
}

export async function publicStatsFor(db: Db, lang: Language, work: PublicWorkSource): Promise<PublicStats> {
  const [stats, totals] = await Promise.all([publicPortfolioStats(db, lang), work.totals(db, {})]);
  return { ...stats, ...totals };
}

/** How many ongoing Actions each country has; a regional Action counts once for each member country. */
export async function publicCountryFigures(db: Db, lang: Language): Promise<PublicCountryFigures> {
  const [ongoing, taxonomy] = await Promise.all([
    allPublicActions(db, { statuses: ONGOING }, lang),
    readTaxonomies(db, lang),
  ]);
  const counts = countByCountry(ongoing);
  const regionOf = new Map(taxonomy.countries.map((c) => [c.code, c.regionCode]));
  return {
    ongoingActions: ongoing.length,
    countries: [...counts]
      .map(([code, count]) => ({ code, regionCode: regionOf.get(code) ?? '', ongoingActions: count }))
      .sort((a, b) => b.ongoingActions - a.ongoingActions || a.code.localeCompare(b.code)),
  };
}

function countByCountry(actions: { countries: string[] }[]) {
  const counts = new Map<string, number>();
  for (const action of actions) {
    for (const code of action.countries) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return counts;
}

/**
 * A topic's page, composed from the data at every call: the share of ongoing Actions it holds, how
 * many work on each anti-trafficking pillar, and one highlight per ongoing Action (its country,
 * institution and what the facility supports), so that the page stays current by itself.
 */
export async function publicTopicPage(db: Db, code: string, lang: Language): Promise<PublicTopicPage> {
  const taxonomy = await readTaxonomies(db, lang);
  const topic = taxonomy.topics.find((t) => t.code === code);
  if (!topic) throw notFound('Topic');
  const [stats, actions] = await Promise.all([
    publicPortfolioStats(db, lang),
    allPublicActions(db, { statuses: ONGOING, topic: code }, lang),
  ]);
  const pillarsByAction = await selectPillarsOf(
    db,
    actions.map((action) => action.id),
  );
  const pillarsOf = actions.map((action) =>
    (pillarsByAction.get(action.id) ?? []).map((p) => ({ code: p.code, name: pickText(p.name, lang) })),
  );
  const area = taxonomy.thematicAreas.find((a) => a.code === topic.thematicAreaCode);
  return {
    code: topic.code,
    name: topic.name,
    thematicArea: { code: topic.thematicAreaCode, name: area?.name ?? topic.thematicAreaCode },
    ongoingActions: actions.length,
    allOngoingActions: stats.ongoingActions,
    share: stats.ongoingActions === 0 ? 0 : actions.length / stats.ongoingActions,
    countries: new Set(actions.flatMap((a) => a.countries)).size,
    pillars: taxonomy.pillars.map((pillar) => ({
      ...pillar,
      ongoingActions: pillarsOf.filter((list) => list.some((p) => p.code === pillar.code)).length,
    })),
    highlights: actions.map((action, index) => ({
      id: action.id,
      name: action.name,
      title: action.title,
      countries: action.countries,
      requestingInstitution: action.requestingInstitution,
      pillars: pillarsOf[index] ?? [],
    })),
  };
}

/** A region's page: figures, countries of the region with ongoing Actions, and those Actions. */
export async function publicRegionPage(
  db: Db,
  code: string,
  lang: Language,
  work: PublicWorkSource,
): Promise<PublicRegionPage> {
  const taxonomy = await readTaxonomies(db, lang);
  const region = taxonomy.regions.find((r) => r.code === code);
  if (!region) throw notFound('Region');
  const [actions, totals] = await Promise.all([
    allPublicActions(db, { statuses: ONGOING, region: code }, lang),
    work.totals(db, { region: code }),
  ]);
  const inRegion = new Set(taxonomy.countries.filter((c) => c.regionCode === code).map((c) => c.code));
  const counts = countByCountry(
    actions.map((action) => ({ countries: action.countries.filter((c) => inRegion.has(c)) })),
  );
  return {
    code: region.code,
    name: region.name,
    ongoingActions: actions.length,
    countries: counts.size,
    ...totals,
    countryFigures: [...counts]
      .map(([country, count]) => ({ code: country, ongoingActions: count }))
      .sort((a, b) => b.ongoingActions - a.ongoingActions || a.code.localeCompare(b.code)),
    actions,
  };
}
