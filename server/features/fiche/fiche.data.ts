import type { Actor } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { ACTION_STATUS_NAMES } from '../actions/action-status-names.ts';
import { getAction } from '../actions/actions.service.ts';
import type { ActivityListItem } from '../activities/activities.contract.ts';
import { listActionActivities } from '../activities/activities.service.ts';
import { listActionDeliverables } from '../deliverables/deliverables.service.ts';
import { ACTIVITY_TYPE_NAMES, DELIVERABLE_TYPE_NAMES } from '../deliverables/work-type-names.ts';
import { FICHE_WORDS, type FicheLanguage } from './fiche.labels.ts';

/** One indicator of the results framework against its target, as the fiche shows it. */
export interface FicheResult {
  indicator: string;
  unit?: string;
  baseline: number | null;
  target: number | null;
  achieved: number | null;
}

/** Where the fiche's results come from: the results feature, when it is registered. */
export type FicheResultsSource = (db: Db, actionId: string, lang: FicheLanguage) => Promise<FicheResult[]>;

export interface FicheActivity {
  date: string;
  type: string;
  title: string;
  place: string;
}

/** Everything the fiche shows, in its language; the PDF is drawn from this alone. */
export interface FicheData {
  lang: FicheLanguage;
  code: string;
  name: string;
  title: string;
  status: string;
  planned: { start: string | null; end: string | null };
  actual: { start: string | null; end: string | null };
  summary: string;
  institutions: { name: string; role: 'requesting' | 'beneficiary' }[];
  partners: string[];
  countries: string[];
  topics: string[];
  figures: {
    activitiesHeld: number;
    activitiesPlanned: number;
    deliverablesPublished: number;
    deliverablesAll: number;
  };
  held: FicheActivity[];
  upcoming: FicheActivity[];
  deliverables: { title: string; type: string; status: string }[];
  /** Null when no results framework is available; an empty list when it holds no indicator. */
  results: FicheResult[] | null;
  producedOn: string;
}

const HELD = new Set(['held', 'reported']);
const PLANNED = new Set(['planned', 'confirmed', 'postponed']);

const countryName = (code: string, lang: FicheLanguage) =>
  new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;

function formatDate(date: string, lang: FicheLanguage) {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date.slice(0, 10)}T00:00:00Z`),
  );
}

function activityLine(activity: ActivityListItem, lang: FicheLanguage): FicheActivity {
  const place = activity.modality === 'online' ? FICHE_WORDS[lang].online : (activity.city ?? '');
  const country = activity.countryCode ? countryName(activity.countryCode, lang) : '';
  return {
    date: formatDate(activity.startDate, lang),
    type: ACTIVITY_TYPE_NAMES[activity.type][lang],
    title: activity.title,
    place: [place, country].filter(Boolean).join(', '),
  };
}

/**
 * The fiche of one Action as the caller may see it: the Action through the Actions service, its
 * activities and deliverables through theirs (so a partner's fiche leaves out internal deliverables),
 * and the results framework through `results` when one is given.
 */
export async function loadFiche(
  db: Db,
  actor: Actor | null,
  actionId: string,
  lang: FicheLanguage,
  results: FicheResultsSource | undefined,
  now = new Date(),
): Promise<FicheData> {
  const action = await getAction(db, actor, actionId, lang);
  const [{ items: activities }, { items: deliverables }] = [
    await listActionActivities(db, actor, actionId, lang),
    await listActionDeliverables(db, actor, actionId, lang),
  ];
  const held = activities.filter((a) => HELD.has(a.status));
  const upcoming = activities.filter((a) => PLANNED.has(a.status));
  return {
    lang,
    code: action.code,
    name: action.name,
    title: action.title,
    status: ACTION_STATUS_NAMES[lang][action.status],
    planned: { start: action.plannedStart, end: action.plannedEnd },
    actual: { start: action.actualStart, end: action.actualEnd },
    summary: action.summary,
    institutions: action.institutions.map((i) => ({
      name: i.acronym ? `${i.name} (${i.acronym})` : i.name,
      role: i.role,
    })),
    partners: action.partners.map((p) => (p.acronym ? `${p.name} (${p.acronym})` : p.name)),
    countries: action.countries.map((code) => countryName(code, lang)),
    topics: action.topicNames.map((t) => t.name),
    figures: {
      activitiesHeld: held.length,
      activitiesPlanned: upcoming.length,
      deliverablesPublished: deliverables.filter((d) => d.status === 'published').length,
      deliverablesAll: deliverables.length,
    },
    held: held.map((a) => activityLine(a, lang)),
    upcoming: upcoming.map((a) => activityLine(a, lang)),
    deliverables: deliverables.map((d) => ({
      title: d.title,
      type: DELIVERABLE_TYPE_NAMES[d.type][lang],
      status: FICHE_WORDS[lang].deliverableStatus[d.status],
    })),
    results: results ? await results(db, actionId, lang) : null,
    producedOn: formatDate(now.toISOString(), lang),
  };
}

export { formatDate };
