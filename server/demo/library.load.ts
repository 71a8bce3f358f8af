import { inArray } from 'drizzle-orm';
import { actionEvents } from '../features/actions/action-design.table.ts';
import { actions } from '../features/actions/actions.table.ts';
import { users } from '../features/auth/auth.table.ts';
import {
  deliverables,
  deliverableTypes,
  deliverableVersions,
} from '../features/deliverables/deliverables.table.ts';
import type { Db } from '../kernel/db/database.ts';
import type { FileStorage } from '../kernel/files/file-storage.ts';
import { storeUpload } from '../kernel/files/files.service.ts';
import { pickText } from '../kernel/localized.ts';
import { demoDocx } from './demo-docx.ts';
import { demoPdf } from './demo-pdf.ts';
import { demoLibrary } from './library.data.ts';

/**
 * Loads the demo library's published deliverables with their files. Their text is read into the
 * library like any published deliverable's, when the facility starts (indexUnindexedDeliverables).
 */
export async function loadLibraryDemo(tx: Db, storage: FileStorage): Promise<void> {
  const codes = demoLibrary.map((d) => d.action);
  const actionRows = await tx
    .select({ id: actions.id, code: actions.code })
    .from(actions)
    .where(inArray(actions.code, codes));
  const [officer] = await tx
    .select({ id: users.id })
    .from(users)
    .where(inArray(users.email, ['officer@demo.tandem.test']));
  for (const d of demoLibrary) {
    const actionId = actionRows.find((a) => a.code === d.action)?.id;
    if (!actionId) throw new Error(`The demo library names an unknown Action: ${d.action}`);
    const type = d.type as (typeof deliverableTypes)[number];
    if (!deliverableTypes.includes(type)) throw new Error(`unknown deliverable type ${d.type}`);
    const title = pickText(d.title, d.language);
    const published = new Date(d.publishedAt);
    const [row] = await tx
      .insert(deliverables)
      .values({
        actionId,
        type,
        title: d.title,
        summary: d.summary,
        languages: [d.language],
        status: 'published',
        visibility: d.visibility,
        validatedAt: new Date(published.getTime() - 14 * 86_400_000),
        publishedAt: published,
        createdAt: new Date(published.getTime() - 90 * 86_400_000),
      })
      .returning({ id: deliverables.id });
    if (!row) throw new Error(`deliverable ${title} was not inserted`);
    const docx = d.format === 'docx';
    const file = await storeUpload(
      tx,
      storage,
      null,
      {
        bytes: docx
          ? demoDocx(title, d.paragraphs, { rightToLeft: d.language === 'ar' })
          : demoPdf(title, d.paragraphs),
        fileName: `${pickText(d.title, 'en').slice(0, 60).trim()}.${docx ? 'docx' : 'pdf'}`,
      },
      { kinds: [docx ? 'word' : 'pdf'], maxBytes: 5 * 1024 * 1024 },
    );
    await tx.insert(deliverableVersions).values({
      deliverableId: row.id,
      number: 1,
      fileId: file.id,
      changeNote: 'Final text',
      language: d.language,
      createdAt: new Date(published.getTime() - 20 * 86_400_000),
    });
    await tx.insert(actionEvents).values({
      actionId,
      at: published,
      actorId: officer?.id ?? null,
      kind: 'deliverable.published',
      subjectType: 'deliverable',
      subjectId: row.id,
      label: pickText(d.title, 'en'),
      audience: d.visibility === 'internal' ? 'staff' : 'all',
      details: { to: 'published' },
    });
  }
}
