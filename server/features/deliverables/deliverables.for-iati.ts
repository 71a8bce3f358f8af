import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import { storedFiles } from '../../kernel/files/files.table.ts';
import type { LocalizedText } from '../../kernel/localized.ts';
import { actions } from '../actions/actions.table.ts';
import { deliverables, deliverableVersions } from './deliverables.table.ts';
import { publicDownloadUrl, publiclyAvailable } from './public-work.ts';

/** A deliverable the public may download, as a published document of its Action. */
export interface PublishedDocument {
  id: string;
  type: (typeof deliverables.$inferSelect)['type'];
  title: LocalizedText;
  summary: LocalizedText;
  languages: string[];
  /** The media type of the file the public downloads (the latest version's). */
  mediaType: string | null;
  /** YYYY-MM-DD. */
  publishedOn: string;
  /** The public download's path on this server. */
  path: string;
}

/**
 * The deliverables published for general consultation by the Actions `actionIds`, per Action, in
 * one query: those the portal lists and anyone may download.
 */
export async function loadPublishedDocuments(
  db: Db,
  actionIds: string[],
): Promise<Map<string, PublishedDocument[]>> {
  const byAction = new Map<string, PublishedDocument[]>();
  if (actionIds.length === 0) return byAction;
  const latestMediaType = sql<string | null>`(select ${storedFiles.mediaType} from ${deliverableVersions}
    join ${storedFiles} on ${storedFiles.id} = ${deliverableVersions.fileId}
    where ${deliverableVersions.deliverableId} = ${deliverables.id}
    order by ${deliverableVersions.number} desc limit 1)`;
  const rows = await db
    .select({
      id: deliverables.id,
      actionId: deliverables.actionId,
      type: deliverables.type,
      title: deliverables.title,
      summary: deliverables.summary,
      languages: deliverables.languages,
      publishedAt: deliverables.publishedAt,
      updatedAt: deliverables.updatedAt,
      mediaType: latestMediaType,
    })
    .from(deliverables)
    .innerJoin(actions, eq(actions.id, deliverables.actionId))
    .where(and(publiclyAvailable, inArray(deliverables.actionId, actionIds)))
    .orderBy(deliverables.actionId, desc(deliverables.publishedAt), deliverables.id);
  for (const row of rows) {
    const list = byAction.get(row.actionId) ?? [];
    list.push({
      id: row.id,
      type: row.type,
      title: row.title,
      summary: row.summary,
      languages: row.languages,
      mediaType: row.mediaType,
      publishedOn: new Date(row.publishedAt ?? row.updatedAt).toISOString().slice(0, 10),
      path: publicDownloadUrl(row.id),
    });
    byAction.set(row.actionId, list);
  }
  return byAction;
}
