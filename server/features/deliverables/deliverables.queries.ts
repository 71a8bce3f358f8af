import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.ts';
import { storedFiles } from '../../kernel/files/files.table.ts';
import { type Language, pickText } from '../../kernel/localized.ts';
import { actions } from '../actions/actions.table.ts';
import { users } from '../auth/auth.table.ts';
import { experts } from '../experts/experts.table.ts';
import type { DeliverableListItem } from './deliverables.contract.ts';
import {
  deliverableComments,
  deliverableExperts,
  deliverables,
  deliverableVersions,
} from './deliverables.table.ts';

const latestVersion = sql<
  number | null
>`(select max(${deliverableVersions.number}) from ${deliverableVersions}
  where ${deliverableVersions.deliverableId} = ${deliverables.id})`;

export function selectDeliverables(db: Db, where: SQL | undefined, lock = false) {
  const query = db
    .select({
      deliverable: deliverables,
      actionName: actions.name,
      actionStatus: actions.status,
      latestVersion,
    })
    .from(deliverables)
    .innerJoin(actions, eq(actions.id, deliverables.actionId))
    .where(where)
    .orderBy(asc(actions.name), asc(deliverables.createdAt), asc(deliverables.id));
  return lock ? query.for('update', { of: deliverables }) : query;
}
export type DeliverableRow = Awaited<ReturnType<typeof selectDeliverables>>[number];

export function presentDeliverable(row: DeliverableRow, lang: Language): DeliverableListItem {
  const { deliverable: d } = row;
  return {
    id: d.id,
    actionId: d.actionId,
    actionName: row.actionName,
    type: d.type,
    title: pickText(d.title, lang),
    languages: d.languages,
    status: d.status,
    visibility: d.visibility,
    latestVersion: row.latestVersion === null ? null : Number(row.latestVersion),
    updatedAt: new Date(d.updatedAt).toISOString(),
  };
}

export async function selectDeliverableRelations(db: Db, id: string) {
  const [versions, comments, team] = await Promise.all([
    db
      .select({ version: deliverableVersions, file: storedFiles, uploadedBy: users.name })
      .from(deliverableVersions)
      .innerJoin(storedFiles, eq(storedFiles.id, deliverableVersions.fileId))
      .leftJoin(users, eq(users.id, deliverableVersions.uploadedBy))
      .where(eq(deliverableVersions.deliverableId, id))
      .orderBy(asc(deliverableVersions.number)),
    db
      .select({
        id: deliverableComments.id,
        authorName: users.name,
        authorRole: users.role,
        versionNumber: deliverableComments.versionNumber,
        body: deliverableComments.body,
        createdAt: deliverableComments.createdAt,
      })
      .from(deliverableComments)
      .innerJoin(users, eq(users.id, deliverableComments.authorId))
      .where(eq(deliverableComments.deliverableId, id))
      .orderBy(asc(deliverableComments.createdAt)),
    db
      .select({ id: experts.id, fullName: experts.fullName, userId: experts.userId })
      .from(deliverableExperts)
      .innerJoin(experts, eq(experts.id, deliverableExperts.expertId))
      .where(eq(deliverableExperts.deliverableId, id))
      .orderBy(asc(experts.fullName)),
  ]);
  return { versions, comments, team };
}

export async function worksOn(db: Db, userId: string, deliverableId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: deliverableExperts.expertId })
    .from(deliverableExperts)
    .innerJoin(experts, eq(experts.id, deliverableExperts.expertId))
    .where(and(eq(deliverableExperts.deliverableId, deliverableId), eq(experts.userId, userId)));
  return Boolean(row);
}
