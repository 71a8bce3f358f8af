import { and, eq, inArray, isNull } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, requireActor } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { LANGUAGES, type Language } from '../../kernel/localized.ts';
import { readSpreadsheet, type SheetRow } from '../../kernel/spreadsheets/read-spreadsheet.ts';
import { type SheetTable, writeCsv, writeXlsx } from '../../kernel/spreadsheets/write-spreadsheet.ts';
import { loadVisibleActivity } from '../activities/activity-access.ts';
import { type ImportColumn, importColumns, participantsCatalog } from './participants.catalog.ts';
import type { ImportMode, ImportProblem, ImportReport, PersonInput } from './participants.contract.ts';
import { institutionLookup, nameKeyOf } from './participants.queries.ts';
import { requireRegistrar } from './participants.scope.ts';
import { assertRegisterOpen, personValues } from './participants.service.ts';
import {
  ageBands,
  lawfulBases,
  type ParticipationRole,
  participationRoles,
  participations,
  people,
  positionLevels,
  sexes,
} from './participants.table.ts';

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 2000;

const choiceColumns = {
  sex: sexes,
  ageBand: ageBands,
  positionLevel: positionLevels,
  role: participationRoles,
  lawfulBasis: lawfulBases,
} as const;
type ChoiceColumn = keyof typeof choiceColumns;

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_’'-]+/g, ' ')
    .trim();

/** Column headings in any of the five languages (or the column's key) → the column. */
const headingToColumn = new Map<string, ImportColumn>();
for (const lang of LANGUAGES) {
  for (const column of importColumns) {
    headingToColumn.set(fold(participantsCatalog[lang].columns[column]), column);
    headingToColumn.set(fold(column), column);
  }
}

/** A value in any language (or its code) → the code, per column. */
const valueToCode = new Map<ChoiceColumn, Map<string, string>>();
for (const column of Object.keys(choiceColumns) as ChoiceColumn[]) {
  const map = new Map<string, string>();
  for (const code of choiceColumns[column]) {
    map.set(fold(code), code);
    for (const lang of LANGUAGES) {
      map.set(fold((participantsCatalog[lang].values[column] as Record<string, string>)[code] ?? code), code);
    }
  }
  valueToCode.set(column, map);
}

const maxLength: Partial<Record<ImportColumn, number>> = {
  fullName: 200,
  institution: 300,
  position: 200,
  email: 254,
  phone: 50,
  consentTextVersion: 50,
};

interface ValidRow {
  row: number;
  person: PersonInput;
  role: ParticipationRole;
}

/** The template: the columns' headings in `lang`, and (XLSX) a sheet with the allowed values. */
export async function importTemplate(lang: Language, format: 'xlsx' | 'csv'): Promise<Buffer | string> {
  const catalog = participantsCatalog[lang];
  const table: SheetTable = {
    name: catalog.sheet.participants,
    columns: importColumns.map((key) => ({
      key,
      header: catalog.columns[key],
      width: key === 'fullName' || key === 'institution' ? 32 : 18,
    })),
    rows: [],
  };
  if (format === 'csv') return writeCsv(table);
  const values: SheetTable = {
    name: catalog.sheet.values,
    columns: [
      { key: 'column', header: catalog.sheet.column, width: 28 },
      { key: 'allowed', header: catalog.sheet.allowed, width: 90 },
    ],
    rows: [
      ...(Object.keys(choiceColumns) as ChoiceColumn[]).map((column) => ({
        column: catalog.columns[column],
        allowed: Object.values(catalog.values[column]).join(' | '),
      })),
      { column: '', allowed: catalog.sheet.help },
    ],
  };
  return writeXlsx([table, values]);
}

/**
 * Reads an import file and checks every row: what is wrong (row, column, message, in the caller's
 * language), which rows name people already on record (same name and institution: they are linked,
 * not created again). With mode `all` nothing is written unless every row is valid; with
 * `valid-only` the valid rows are written; either way in one transaction.
 */
export async function importParticipants(
  db: Db,
  actor: Actor | null,
  activityId: string,
  readFile: () => Promise<{ bytes: Buffer; fileName: string }>,
  mode: ImportMode,
  lang: Language,
): Promise<ImportReport> {
  const { activity } = await loadVisibleActivity(db, actor, activityId);
  const registrar = requireRegistrar(requireActor(actor));
  assertRegisterOpen(activity);
  // The file is read only once the caller is known to be allowed.
  const file = await readFile();
  const sheet = await readSpreadsheet(file.bytes, file.fileName, {
    maxBytes: IMPORT_MAX_BYTES,
    maxRows: IMPORT_MAX_ROWS,
  });
  const catalog = participantsCatalog[lang];
  const columnOf = new Map<string, ImportColumn>();
  const unknown: string[] = [];
  for (const heading of sheet.headers) {
    const column = headingToColumn.get(fold(heading));
    if (column) columnOf.set(heading, column);
    else unknown.push(heading);
  }
  const present = new Set(columnOf.values());
  const fileProblems: ImportProblem[] = [];
  if (unknown.length)
    fileProblems.push({ row: 1, column: '', message: catalog.problems.unknownColumns(unknown.join(', ')) });
  for (const required of ['fullName', 'sex', 'positionLevel', 'lawfulBasis'] as const) {
    if (!present.has(required)) {
      fileProblems.push({
        row: 1,
        column: catalog.columns[required],
        message: catalog.problems.missingColumn,
      });
    }
  }
  if (fileProblems.length) {
    return {
      mode,
      rows: sheet.rows.length,
      validRows: 0,
      problems: fileProblems,
      matchedExisting: [],
      imported: 0,
      written: false,
    };
  }

  const institutionsByName = await institutionLookup(db);
  const problems: ImportProblem[] = [];
  const valid: ValidRow[] = [];
  const seen = new Map<string, number>();
  for (const sheetRow of sheet.rows) {
    const checked = checkRow(sheetRow, columnOf, registrar, institutionsByName, catalog);
    problems.push(...checked.problems);
    if (!checked.value) continue;
    const key = `${nameKeyOf(checked.value.person.fullName)}|${checked.value.person.institutionId ?? fold(checked.value.person.institutionName ?? '')}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        row: sheetRow.row,
        column: catalog.columns.fullName,
        message: catalog.problems.duplicateInFile(first),
      });
      continue;
    }
    seen.set(key, sheetRow.row);
    valid.push(checked.value);
  }

  // People on record with the same name and institution are linked rather than created again.
  const existing = await matchExisting(db, valid);
  const registered = new Set(
    existing.size
      ? (
          await db
            .select({ personId: participations.personId })
            .from(participations)
            .where(
              and(
                eq(participations.activityId, activityId),
                inArray(
                  participations.personId,
                  [...new Set(existing.values())].map((p) => p.id),
                ),
              ),
            )
        ).map((r) => r.personId)
      : [],
  );
  const toWrite: ValidRow[] = [];
  for (const row of valid) {
    const match = existing.get(row.row);
    if (match && registered.has(match.id)) {
      problems.push({
        row: row.row,
        column: catalog.columns.fullName,
        message: catalog.problems.alreadyRegistered,
      });
    } else toWrite.push(row);
  }
  problems.sort((a, b) => a.row - b.row);
  const matchedExisting = toWrite.flatMap((row) => {
    const match = existing.get(row.row);
    return match ? [{ row: row.row, personId: match.id, fullName: match.fullName }] : [];
  });
  const report: ImportReport = {
    mode,
    rows: sheet.rows.length,
    validRows: toWrite.length,
    problems,
    matchedExisting,
    imported: 0,
    written: false,
  };
  if (mode === 'check' || toWrite.length === 0 || (mode === 'all' && problems.length > 0)) return report;

  const imported = await db.transaction(async (tx) => {
    // Check again under the lock: the activity may have changed since the file was read.
    const { activity: locked } = await loadVisibleActivity(tx, registrar, activityId, { lock: true });
    assertRegisterOpen(locked);
    let count = 0;
    let created = 0;
    for (const row of toWrite) {
      let personId = existing.get(row.row)?.id;
      if (!personId) {
        const [inserted] = await tx
          .insert(people)
          .values({
            ...personValues(registrar, row.person, {
              institutionId: row.person.institutionId ?? null,
              institutionName: row.person.institutionName ?? null,
            }),
            createdBy: registrar.id,
          })
          .returning({ id: people.id });
        if (!inserted) throw new Error('person not inserted');
        personId = inserted.id;
        created += 1;
      }
      const [participation] = await tx
        .insert(participations)
        .values({ personId, activityId, role: row.role, createdBy: registrar.id })
        .onConflictDoNothing()
        .returning({ id: participations.id });
      if (participation) count += 1;
    }
    await recordAudit(tx, {
      actorId: registrar.id,
      event: 'participation.import',
      entityType: 'activity',
      entityId: activityId,
      changes: {
        mode,
        rows: sheet.rows.length,
        participations: count,
        newPeople: created,
        skippedRows: problems.map((p) => p.row),
      },
    });
    return count;
  });
  return { ...report, imported, written: true };
}

function checkRow(
  sheetRow: SheetRow,
  columnOf: Map<string, ImportColumn>,
  actor: Actor,
  institutionsByName: Map<string, { id: string; label: string }>,
  catalog: (typeof participantsCatalog)[Language],
): { problems: ImportProblem[]; value?: ValidRow } {
  const cells: Partial<Record<ImportColumn, string>> = {};
  for (const [heading, column] of columnOf) cells[column] = sheetRow.cells[heading] ?? '';
  const problems: ImportProblem[] = [];
  const problem = (column: ImportColumn, message: string) =>
    problems.push({ row: sheetRow.row, column: catalog.columns[column], message });
  const choice = <C extends ChoiceColumn>(
    column: C,
    required: boolean,
  ): (typeof choiceColumns)[C][number] | null => {
    const raw = cells[column] ?? '';
    if (!raw) {
      if (required) problem(column, catalog.problems.required);
      return null;
    }
    const code = valueToCode.get(column)?.get(fold(raw));
    if (!code) {
      problem(column, catalog.problems.unknownValue(Object.values(catalog.values[column]).join(', ')));
      return null;
    }
    return code as (typeof choiceColumns)[C][number];
  };
  for (const [column, max] of Object.entries(maxLength) as [ImportColumn, number][]) {
    if ((cells[column] ?? '').length > max) problem(column, catalog.problems.tooLong(max));
  }
  const fullName = cells.fullName ?? '';
  if (!fullName) problem('fullName', catalog.problems.required);
  const sex = choice('sex', true);
  const ageBand = choice('ageBand', false);
  const positionLevel = choice('positionLevel', true);
  const role = choice('role', false) ?? 'participant';
  const lawfulBasis = choice('lawfulBasis', true);
  const email = cells.email ?? '';
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problem('email', catalog.problems.email);
  const consentGivenOn = cells.consentGivenOn ?? '';
  if (consentGivenOn && !isIsoDate(consentGivenOn)) problem('consentGivenOn', catalog.problems.date);
  if (lawfulBasis === 'consent') {
    if (!cells.consentTextVersion) problem('consentTextVersion', catalog.problems.consentVersion);
    if (!consentGivenOn) problem('consentGivenOn', catalog.problems.consentDate);
  }
  let institutionId: string | null = null;
  let institutionName: string | null = null;
  const institutionText = cells.institution ?? '';
  const known = institutionText ? institutionsByName.get(institutionText.trim().toLowerCase()) : undefined;
  if (actor.role === 'partner') {
    if (institutionText && known?.id !== actor.institutionId)
      problem('institution', catalog.problems.otherInstitution);
    institutionId = actor.institutionId;
  } else if (known) institutionId = known.id;
  else if (institutionText) institutionName = institutionText;
  else problem('institution', catalog.problems.required);
  if (problems.length || !sex || !positionLevel || !lawfulBasis) return { problems };
  return {
    problems,
    value: {
      row: sheetRow.row,
      role,
      person: {
        fullName,
        institutionId,
        institutionName,
        sex,
        ageBand,
        positionLevel,
        position: cells.position || null,
        email: email || null,
        phone: cells.phone || null,
        lawfulBasis,
        consentTextVersion: cells.consentTextVersion || null,
        consentGivenOn: consentGivenOn || null,
      },
    },
  };
}

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** For each valid row, the person on record with the same folded name and institution, if any. */
async function matchExisting(db: Db, rows: ValidRow[]) {
  const matches = new Map<number, { id: string; fullName: string }>();
  if (rows.length === 0) return matches;
  const keys = [...new Set(rows.map((r) => nameKeyOf(r.person.fullName)))];
  const candidates = await db
    .select({
      id: people.id,
      fullName: people.fullName,
      nameKey: people.nameKey,
      institutionId: people.institutionId,
      institutionName: people.institutionName,
    })
    .from(people)
    .where(and(inArray(people.nameKey, keys), isNull(people.erasedAt), isNull(people.pseudonymisedAt)));
  for (const row of rows) {
    const key = nameKeyOf(row.person.fullName);
    const match = candidates.find(
      (c) =>
        c.nameKey === key &&
        (row.person.institutionId
          ? c.institutionId === row.person.institutionId
          : c.institutionId === null &&
            fold(c.institutionName ?? '') === fold(row.person.institutionName ?? '')),
    );
    if (match) matches.set(row.row, { id: match.id, fullName: match.fullName });
  }
  return matches;
}
