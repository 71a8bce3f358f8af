import { createHash } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, requireRole } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import type { IatiConfig } from './iati.config.ts';
import type { ImportResult } from './iati.contract.ts';
import {
  externalActivities,
  externalActivityCountries,
  externalActivitySectors,
  externalActivityTopics,
  externalParticipatingOrgs,
  type ForeignText,
  iatiImports,
} from './iati.table.ts';
import { IATI_STAFF } from './iati-export.service.ts';
import { checkParsedFile, type ImportProblem } from './iati-import.checks.ts';
import { type ParsedActivity, parseIatiFile } from './iati-import.parser.ts';
import { matchTopics } from './iati-topic-match.ts';
import { activitySchemaFile, validateAgainstSchema } from './xsd-validation.ts';

/** The largest IATI file an import accepts: a large publisher's file for one country fits. */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;
const CHUNK = 500;
const MAX_DETAILS = 50;

export interface ImportFile {
  bytes: Buffer;
  fileName: string;
}

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw refused([{ line: null, message: 'The file is not UTF-8 text; IATI files are XML in UTF-8' }]);
  }
}

function refused(problems: ImportProblem[]): AppError {
  const first = problems[0];
  const where = (p: ImportProblem) => (p.line === null ? 'file' : `line ${p.line}`);
  return new AppError(
    'IMPORT_FILE_INVALID',
    `The file was refused and nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'}, the first: ${first ? `${where(first)}: ${first.message}` : ''}`,
    problems.slice(0, MAX_DETAILS).map((p) => ({ field: where(p), message: p.message })),
  );
}

/** The first narrative of a text in the reader's terms: English, else any. */
const firstText = (text: ForeignText) => text.en ?? Object.values(text)[0] ?? '';

const dateOf = (a: ParsedActivity, type: string) => a.dates.find((d) => d.type === type)?.isoDate ?? null;

function activityRow(a: ParsedActivity, importId: string) {
  const org = a.reportingOrgs[0];
  const general = a.descriptions.find((d) => d.type === '1') ?? a.descriptions[0];
  const lastUpdated =
    a.lastUpdated && !Number.isNaN(Date.parse(a.lastUpdated)) ? new Date(a.lastUpdated) : null;
  return {
    iatiIdentifier: a.identifiers[0] ?? '',
    reportingOrgRef: org?.ref ?? null,
    reportingOrgType: org?.type ?? null,
    reportingOrgName: org?.name ?? {},
    title: a.titles[0] ?? {},
    description: general?.text ?? {},
    status: a.statuses[0] ?? null,
    plannedStart: dateOf(a, '1'),
    actualStart: dateOf(a, '2'),
    plannedEnd: dateOf(a, '3'),
    actualEnd: dateOf(a, '4'),
    lastUpdatedAt: lastUpdated,
    importId,
    importedAt: new Date(),
  };
}

/** On a second import of an identifier, every column takes the new file's value. */
const excluded = (column: { name: string }) => sql.raw(`excluded."${column.name}"`);
const t = externalActivities;
const replacedColumns = {
  reportingOrgRef: excluded(t.reportingOrgRef),
  reportingOrgType: excluded(t.reportingOrgType),
  reportingOrgName: excluded(t.reportingOrgName),
  title: excluded(t.title),
  description: excluded(t.description),
  status: excluded(t.status),
  plannedStart: excluded(t.plannedStart),
  actualStart: excluded(t.actualStart),
  plannedEnd: excluded(t.plannedEnd),
  actualEnd: excluded(t.actualEnd),
  lastUpdatedAt: excluded(t.lastUpdatedAt),
  importId: excluded(t.importId),
  importedAt: excluded(t.importedAt),
};

const percentage = (value: string | null) => (value === null || value === '' ? null : Number(value));

/** Replaces what is stored of a chunk of activities: the rows themselves, then their lists. */
async function storeChunk(tx: Db, chunk: ParsedActivity[], importId: string) {
  const rows = chunk.map((a) => activityRow(a, importId));
  const stored = await tx
    .insert(externalActivities)
    .values(rows)
    .onConflictDoUpdate({
      target: externalActivities.iatiIdentifier,
      set: replacedColumns,
    })
    .returning({ id: externalActivities.id, identifier: externalActivities.iatiIdentifier });
  const idOf = new Map(stored.map((s) => [s.identifier, s.id]));
  const ids = stored.map((s) => s.id);
  await tx.delete(externalActivityCountries).where(inArray(externalActivityCountries.activityId, ids));
  await tx.delete(externalActivitySectors).where(inArray(externalActivitySectors.activityId, ids));
  await tx.delete(externalParticipatingOrgs).where(inArray(externalParticipatingOrgs.activityId, ids));
  await tx.delete(externalActivityTopics).where(inArray(externalActivityTopics.activityId, ids));

  const countries: (typeof externalActivityCountries.$inferInsert)[] = [];
  const sectors: (typeof externalActivitySectors.$inferInsert)[] = [];
  const orgs: (typeof externalParticipatingOrgs.$inferInsert)[] = [];
  const topics: (typeof externalActivityTopics.$inferInsert)[] = [];
  for (const a of chunk) {
    const activityId = idOf.get(a.identifiers[0] ?? '');
    if (!activityId) continue;
    const seenCountries = new Set<string>();
    for (const c of a.countries) {
      if (seenCountries.has(c.code)) continue;
      seenCountries.add(c.code);
      countries.push({ activityId, countryCode: c.code, percentage: percentage(c.percentage) });
    }
    const seenSectors = new Set<string>();
    for (const s of a.sectors) {
      if (seenSectors.has(`${s.vocabulary}|${s.code}`)) continue;
      seenSectors.add(`${s.vocabulary}|${s.code}`);
      sectors.push({
        activityId,
        vocabulary: s.vocabulary,
        code: s.code,
        percentage: percentage(s.percentage),
      });
    }
    a.participatingOrgs.forEach((o, position) => {
      orgs.push({ activityId, position, role: o.role, ref: o.ref, type: o.type, name: o.name });
    });
    const matches = matchTopics({
      titles: a.titles[0] ?? {},
      descriptions: a.descriptions.map((d) => d.text),
      sectors: a.sectors,
      tags: a.tags,
    });
    for (const m of matches) topics.push({ activityId, topicCode: m.topic, reason: m.reason });
  }
  if (countries.length) await tx.insert(externalActivityCountries).values(countries);
  if (sectors.length) await tx.insert(externalActivitySectors).values(sectors);
  if (orgs.length) await tx.insert(externalParticipatingOrgs).values(orgs);
  if (topics.length) await tx.insert(externalActivityTopics).values(topics);
}

/**
 * Imports another publisher's IATI activity file: every activity or none. The file is checked by
 * Tandem's own rules and, when the schema folder is configured, by the official schema; a refusal
 * lists what is wrong and where. An activity already imported (same identifier) is replaced.
 */
export async function importIatiFile(
  db: Db,
  config: IatiConfig,
  actor: Actor | null,
  file: ImportFile,
): Promise<ImportResult> {
  const user = requireRole(actor, IATI_STAFF);
  const parsed = parseIatiFile(decode(file.bytes));
  const problems = checkParsedFile(parsed);
  if (config.schemaDir && !parsed.syntaxError) {
    const schema = await validateAgainstSchema(activitySchemaFile(config.schemaDir), file.bytes);
    problems.push(...schema.errors);
  }
  if (problems.length > 0) throw refused(problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));

  const identifiers = parsed.activities.map((a) => a.identifiers[0] ?? '');
  return db.transaction(async (tx) => {
    const existing = new Set<string>();
    for (let i = 0; i < identifiers.length; i += CHUNK) {
      const found = await tx
        .select({ identifier: externalActivities.iatiIdentifier })
        .from(externalActivities)
        .where(inArray(externalActivities.iatiIdentifier, identifiers.slice(i, i + CHUNK)));
      for (const f of found) existing.add(f.identifier);
    }
    const created = identifiers.filter((id) => !existing.has(id)).length;
    const [record] = await tx
      .insert(iatiImports)
      .values({
        fileName: file.fileName,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        activityCount: identifiers.length,
        created,
        updated: identifiers.length - created,
        importedBy: user.id,
      })
      .returning({ id: iatiImports.id });
    if (!record) throw new Error('the import was not recorded');
    for (let i = 0; i < parsed.activities.length; i += CHUNK) {
      await storeChunk(tx, parsed.activities.slice(i, i + CHUNK), record.id);
    }
    await recordAudit(tx, {
      actorId: user.id,
      event: 'iati.import',
      entityType: 'iati_import',
      entityId: record.id,
      changes: {
        fileName: file.fileName,
        created,
        updated: identifiers.length - created,
        identifiers: identifiers.slice(0, 100),
      },
    });
    return {
      importId: record.id,
      fileName: file.fileName,
      created,
      updated: identifiers.length - created,
      activities: parsed.activities.map((a) => ({
        identifier: a.identifiers[0] ?? '',
        title: firstText(a.titles[0] ?? {}),
        reportingOrg: firstText(a.reportingOrgs[0]?.name ?? {}) || (a.reportingOrgs[0]?.ref ?? ''),
        outcome: existing.has(a.identifiers[0] ?? '') ? ('updated' as const) : ('created' as const),
      })),
      schemaValidation: Boolean(config.schemaDir),
    };
  });
}
