import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import { type Language, pickText } from '../../kernel/localized.ts';
import { PUBLIC_STATUSES } from '../actions/actions.scope.ts';
import { actionCountries, actions } from '../actions/actions.table.ts';
import { activities } from '../activities/activities.table.ts';
import { deployedExpertIds } from '../experts/deployments.for-results.ts';
import { experts } from '../experts/experts.table.ts';
import type { PublicDeliverable, PublicResource } from '../public/public.contract.ts';
import type { PublicActionWork, PublicWorkSource } from '../public/public-work.ts';
import { countries } from '../taxonomy/taxonomy.table.ts';
import { deliverables, deliverableVersions } from './deliverables.table.ts';
import { ACTIVITY_TYPE_NAMES, DELIVERABLE_TYPE_NAMES } from './work-type-names.ts';

/** An activity counts for the public once it took place; its report may or may not be in. */
const HELD = ['held', 'reported'] as const;
/**
 * An expert deployed on the Actions that `where` selects, as the staff's counts say it (not on a
 * cancelled activity; deployedExpertIds), each expert once.
 */
const deployedOn = (where: SQL | undefined): SQL =>
  sql`${experts.id} in (${deployedExpertIds(sql`select ${actions.id} from ${actions} where ${where}`)})`;

const publicAction = inArray(actions.status, PUBLIC_STATUSES);

/** A deliverable the public may read and download: published for general consultation by a public Action. */
export const publiclyAvailable = and(
  eq(deliverables.status, 'published'),
  eq(deliverables.visibility, 'public'),
  publicAction,
);

function inRegion(region: string): SQL {
  return sql`exists (select 1 from ${actionCountries}
    join ${countries} on ${countries.code} = ${actionCountries.countryCode}
   where ${actionCountries.actionId} = ${actions.id} and ${countries.regionCode} = ${region})`;
}

/** The language of the file the public downloads: the latest version's, else the first listed. */
const latestLanguage = sql<string | null>`(select ${deliverableVersions.language} from ${deliverableVersions}
  where ${deliverableVersions.deliverableId} = ${deliverables.id}
  order by ${deliverableVersions.number} desc limit 1)`;

export function publicDownloadUrl(id: string): string {
  return `/api/public/deliverables/${id}/download`;
}

async function selectPublicDeliverables(db: Db, where: SQL | undefined, lang: Language, limit?: number) {
  const query = db
    .select({
      deliverable: deliverables,
      actionId: actions.id,
      actionName: actions.name,
      language: latestLanguage,
    })
    .from(deliverables)
    .innerJoin(actions, eq(actions.id, deliverables.actionId))
    .where(and(publiclyAvailable, where))
    .orderBy(desc(deliverables.publishedAt), desc(deliverables.id));
  const rows = limit === undefined ? await query : await query.limit(limit);
  return rows.map((row) => {
    const d = row.deliverable;
    const item: PublicDeliverable = {
      id: d.id,
      title: pickText(d.title, lang),
      type: d.type,
      typeName: DELIVERABLE_TYPE_NAMES[d.type][lang],
      language: row.language ?? d.languages[0] ?? lang,
      publishedOn: new Date(d.publishedAt ?? d.updatedAt).toISOString().slice(0, 10),
      downloadUrl: publicDownloadUrl(d.id),
    };
    return { item, action: { id: row.actionId, name: row.actionName } };
  });
}

/**
 * What the Action workspace publishes to the portal: figures over public Actions only, the countries
 * (codes, never names) its experts came from, and the deliverables published for general consultation.
 * The tables read here bump the 'portfolio' cache version (migrations 0002 and 0007).
 */
export const workspacePublicWork: PublicWorkSource = {
  async totals(db, { region }) {
    const scope = and(publicAction, region ? inRegion(region) : undefined);
    // Counted per Action first, in the order of the held activities' index, then summed over the
    // Actions in scope: joining each of the 171,456 held activities (at full size) to its Action took
    // four times as long.
    const heldPerAction = db
      .select({ actionId: activities.actionId, n: sql<number>`count(*)`.as('n') })
      .from(activities)
      .where(inArray(activities.status, HELD))
      .groupBy(activities.actionId)
      .as('held_per_action');
    const [[held], [deployed]] = await Promise.all([
      db
        .select({ count: sql<number>`coalesce(sum(${heldPerAction.n}), 0)::int` })
        .from(heldPerAction)
        .innerJoin(actions, eq(actions.id, heldPerAction.actionId))
        .where(scope),
      db.select({ count: sql<number>`count(*)::int` }).from(experts).where(deployedOn(scope)),
    ]);
    return { activitiesHeld: Number(held?.count ?? 0), expertsDeployed: Number(deployed?.count ?? 0) };
  },

  async forAction(db, actionId, lang): Promise<PublicActionWork> {
    const thisAction = and(eq(actions.id, actionId), publicAction);
    const [byType, countryRows, published] = await Promise.all([
      db
        .select({ type: activities.type, count: sql<number>`count(*)::int` })
        .from(activities)
        .innerJoin(actions, eq(actions.id, activities.actionId))
        .where(and(thisAction, inArray(activities.status, HELD)))
        .groupBy(activities.type)
        .orderBy(activities.type),
      db
        .selectDistinct({ code: experts.countryCode })
        .from(experts)
        .where(deployedOn(thisAction))
        .orderBy(experts.countryCode),
      selectPublicDeliverables(db, eq(actions.id, actionId), lang),
    ]);
    return {
      activitiesByType: byType.map(({ type, count }) => ({
        type,
        name: ACTIVITY_TYPE_NAMES[type][lang],
        count: Number(count),
      })),
      expertCountries: countryRows.map((row) => row.code),
      publishedDeliverables: published.map((row) => row.item),
    };
  },

  async latestResources(db, lang, limit): Promise<PublicResource[]> {
    const rows = await selectPublicDeliverables(db, undefined, lang, limit);
    return rows.map(({ item, action }) => ({ ...item, action }));
  },
};
