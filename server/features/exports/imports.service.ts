import type { z } from 'zod';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, requireRole } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import type { Language } from '../../kernel/localized.ts';
import { readSpreadsheet, type SheetRow } from '../../kernel/spreadsheets/read-spreadsheet.ts';
import { actionDesignPatch } from '../actions/action-design.contract.ts';
import { getActionDesign, updateActionDesign } from '../actions/action-design.service.ts';
import type { ActionListItem } from '../actions/actions.contract.ts';
import { activityInput, activityPatch } from '../activities/activities.contract.ts';
import { createActivity, getActivity, updateActivity } from '../activities/activities.service.ts';
import {
  type ColumnDef,
  heading,
  joinList,
  keyOfHeading,
  languageOfHeadings,
  splitList,
} from './exports.columns.ts';
import type { ImportKind, ImportReport, ImportRow } from './exports.contract.ts';
import { actionColumns, activityColumns, visibleActions } from './exports.datasets.ts';

export const IMPORT_ROLES = ['admin', 'officer'] as const;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 2000;

/** Columns a file must have, per kind (an activity's id may be empty, for a new one). */
const REQUIRED: Record<ImportKind, string[]> = {
  actions: ['code'],
  activities: ['id', 'action', 'type', 'title', 'startDate', 'endDate', 'modality'],
};
const COLUMNS: Record<ImportKind, ColumnDef[]> = { actions: actionColumns, activities: activityColumns };

/** Service fields named differently from the columns. */
const FIELD_COLUMNS: Record<string, string> = { countryCode: 'country', actionCode: 'action' };

class RollBack extends Error {}

type Problem = { column: string | null; message: string };

interface RowContext {
  sheetRow: SheetRow;
  /** The cell of a column key, '' when the column is missing or the cell empty. */
  cell(key: string): string;
  /** The heading the file uses for a column key. */
  column(key: string): string;
  has(key: string): boolean;
}

interface Planned {
  key: string | null;
  outcome: ImportRow['outcome'];
  changes: string[];
  warnings: Problem[];
  apply?: (tx: Db) => Promise<unknown>;
}

const emptyToNull = (value: string) => (value === '' ? null : value);

function zodProblems(context: RowContext, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    const key = FIELD_COLUMNS[field] ?? field;
    return { column: key ? context.column(key) : null, message: issue.message };
  });
}

/** Read-only columns that differ from the record: ignored, with a warning. */
function readOnlyWarnings(context: RowContext, kind: ImportKind, current: Record<string, string>): Problem[] {
  return COLUMNS[kind]
    .filter((c) => c.readOnly && context.has(c.key) && context.cell(c.key) !== (current[c.key] ?? ''))
    .map((c) => ({ column: context.column(c.key), message: 'is read only here; the change is ignored' }));
}

function numberOrNull(context: RowContext, key: string): number | null | Problem {
  const text = context.cell(key);
  if (text === '') return null;
  const value = Number(text);
  if (!Number.isInteger(value)) return { column: context.column(key), message: 'must be a whole number' };
  return value;
}

const isProblem = (value: unknown): value is Problem =>
  typeof value === 'object' && value !== null && 'message' in value;

async function planAction(
  tx: Db,
  actor: Actor,
  context: RowContext,
  actionsByCode: Map<string, ActionListItem>,
): Promise<Planned> {
  const code = context.cell('code');
  const action = actionsByCode.get(code);
  if (!action) {
    throw new RowProblems([
      {
        column: context.column('code'),
        message: code
          ? `no Action has the code "${code}" (Actions are made from approved requests, not imported)`
          : 'is required',
      },
    ]);
  }
  const design = await getActionDesign(tx, actor, action.id);
  const current = {
    name: action.name,
    title: action.title,
    status: action.status,
    countries: joinList(action.countries),
    topics: joinList(action.topics),
    requestingInstitution: action.requestingInstitution?.name ?? '',
  };
  const problems: Problem[] = [];
  const wanted: Record<string, unknown> = {};
  for (const key of ['plannedStart', 'plannedEnd'] as const) {
    if (context.has(key)) wanted[key] = emptyToNull(context.cell(key));
  }
  for (const key of ['plannedActivities', 'plannedExpertDays'] as const) {
    if (!context.has(key)) continue;
    const value = numberOrNull(context, key);
    if (isProblem(value)) problems.push(value);
    else wanted[key] = value;
  }
  if (problems.length) throw new RowProblems(problems);
  const before: Record<string, unknown> = {
    plannedStart: action.plannedStart,
    plannedEnd: action.plannedEnd,
    plannedActivities: design.plannedActivities,
    plannedExpertDays: design.plannedExpertDays,
  };
  const patch = Object.fromEntries(Object.entries(wanted).filter(([key, value]) => value !== before[key]));
  const warnings = readOnlyWarnings(context, 'actions', current);
  if (Object.keys(patch).length === 0) return { key: code, outcome: 'unchanged', changes: [], warnings };
  const parsed = actionDesignPatch.safeParse(patch);
  if (!parsed.success) throw new RowProblems(zodProblems(context, parsed.error));
  return {
    key: code,
    outcome: 'update',
    changes: Object.keys(patch).map((key) => context.column(key)),
    warnings,
    apply: (sp) => updateActionDesign(sp, actor, action.id, design.version, parsed.data),
  };
}

async function planActivity(
  tx: Db,
  actor: Actor,
  context: RowContext,
  actionsByCode: Map<string, ActionListItem>,
  lang: Language,
): Promise<Planned> {
  const id = context.cell('id');
  const code = context.cell('action');
  const action = actionsByCode.get(code);
  const wanted = {
    type: context.cell('type'),
    title: context.cell('title'),
    startDate: context.cell('startDate'),
    endDate: context.cell('endDate'),
    modality: context.cell('modality'),
    city: emptyToNull(context.cell('city')),
    countryCode: emptyToNull(context.cell('country')),
    workingLanguages: splitList(context.cell('workingLanguages')),
  };
  if (!id) {
    if (!action) {
      throw new RowProblems([
        {
          column: context.column('action'),
          message: code ? `no Action has the code "${code}"` : 'is required',
        },
      ]);
    }
    const parsed = activityInput.safeParse(wanted);
    if (!parsed.success) throw new RowProblems(zodProblems(context, parsed.error));
    return {
      key: null,
      outcome: 'create',
      changes: [],
      warnings: [],
      apply: (sp) => createActivity(sp, actor, action.id, parsed.data, lang),
    };
  }
  const activity = await getActivity(tx, actor, id, lang).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      throw new RowProblems([{ column: context.column('id'), message: 'no activity has this id' }]);
    }
    throw error;
  });
  const currentCode = [...actionsByCode.values()].find((a) => a.id === activity.actionId)?.code ?? '';
  if (code !== currentCode) {
    throw new RowProblems([
      { column: context.column('action'), message: `an activity stays in its Action (${currentCode})` },
    ]);
  }
  const before: Record<string, unknown> = {
    type: activity.type,
    title: activity.title,
    startDate: activity.startDate,
    endDate: activity.endDate,
    modality: activity.modality,
    city: activity.city,
    countryCode: activity.countryCode,
    workingLanguages: joinList(activity.workingLanguages),
  };
  const patch = Object.fromEntries(
    Object.entries(wanted).filter(([key, value]) =>
      key === 'workingLanguages' ? joinList(value as string[]) !== before[key] : value !== before[key],
    ),
  );
  const warnings = readOnlyWarnings(context, 'activities', {
    actionName: activity.actionName,
    status: activity.status,
  });
  if (Object.keys(patch).length === 0) return { key: id, outcome: 'unchanged', changes: [], warnings };
  const parsed = activityPatch.safeParse(patch);
  if (!parsed.success) throw new RowProblems(zodProblems(context, parsed.error));
  return {
    key: id,
    outcome: 'update',
    changes: Object.keys(patch).map((key) => context.column(FIELD_COLUMNS[key] ?? key)),
    warnings,
    apply: (sp) => updateActivity(sp, actor, id, activity.version, parsed.data, lang),
  };
}

class RowProblems extends Error {
  constructor(readonly problems: Problem[]) {
    super('row problems');
  }
}

/** What a service's refusal says about a row: its field-level details, else its message. */
function problemsOf(error: unknown, context: RowContext): Problem[] {
  if (error instanceof RowProblems) return error.problems;
  if (error instanceof AppError) {
    if (error.details?.length) {
      return error.details.map((d) => {
        const key = FIELD_COLUMNS[d.field] ?? d.field;
        return { column: context.has(key) ? context.column(key) : null, message: `${d.message}` };
      });
    }
    return [{ column: null, message: error.message }];
  }
  throw error;
}

/**
 * Imports Actions' plans or activities from a spreadsheet. Every row is checked by doing it, in one
 * transaction, each row in a savepoint of its own so that one refusal does not hide the next: a dry
 * run then rolls everything back and reports; an apply commits only when no row has a problem.
 * A row equal to the record changes nothing, so exporting and importing a file unchanged is a no-op.
 */
export async function runImport(
  db: Db,
  actor: Actor | null,
  kind: ImportKind,
  file: { bytes: Buffer; fileName: string },
  dryRun: boolean,
  readerLanguage: Language,
): Promise<ImportReport> {
  const staff = requireRole(actor, IMPORT_ROLES);
  const sheet = await readSpreadsheet(file.bytes, file.fileName, {
    maxBytes: MAX_IMPORT_BYTES,
    maxRows: MAX_IMPORT_ROWS,
  });
  // Titles are read and written in the language of the file's headings, as they were exported.
  const lang = languageOfHeadings(sheet.headers, readerLanguage);
  const columnOfKey = new Map<string, string>();
  const fileProblems: Problem[] = [];
  const known = new Set(COLUMNS[kind].map((c) => c.key));
  for (const header of sheet.headers) {
    const key = keyOfHeading(header);
    if (key && known.has(key) && !columnOfKey.has(key)) columnOfKey.set(key, header);
  }
  for (const key of REQUIRED[kind]) {
    if (!columnOfKey.has(key)) {
      fileProblems.push({ column: heading(key, lang), message: 'this column is missing from the file' });
    }
  }

  const rows: ImportRow[] = [];
  let applied = false;
  try {
    await db.transaction(async (tx) => {
      const actionsByCode = new Map((await visibleActions(tx, staff, lang)).map((a) => [a.code, a]));
      if (fileProblems.length === 0) {
        for (const sheetRow of sheet.rows) {
          const context: RowContext = {
            sheetRow,
            cell: (key) => sheetRow.cells[columnOfKey.get(key) ?? ''] ?? '',
            column: (key) => columnOfKey.get(key) ?? heading(key, lang),
            has: (key) => columnOfKey.has(key),
          };
          try {
            await tx.transaction(async (sp) => {
              const planned =
                kind === 'actions'
                  ? await planAction(sp, staff, context, actionsByCode)
                  : await planActivity(sp, staff, context, actionsByCode, lang);
              await planned.apply?.(sp);
              rows.push({
                row: sheetRow.row,
                key: planned.key,
                outcome: planned.outcome,
                changes: planned.changes,
                problems: [],
                warnings: planned.warnings,
              });
            });
          } catch (error) {
            const key = kind === 'actions' ? context.cell('code') : context.cell('id');
            rows.push({
              row: sheetRow.row,
              key: key || null,
              outcome: 'error',
              changes: [],
              problems: problemsOf(error, context),
              warnings: [],
            });
          }
        }
      }
      const failed = fileProblems.length > 0 || rows.some((r) => r.outcome === 'error');
      const changed = rows.filter((r) => r.outcome === 'create' || r.outcome === 'update').length;
      if (dryRun || failed) throw new RollBack();
      if (changed > 0) {
        await recordAudit(tx, {
          actorId: staff.id,
          event: `import.${kind}`,
          entityType: kind === 'actions' ? 'action' : 'activity',
          changes: {
            file: file.fileName,
            created: rows.filter((r) => r.outcome === 'create').length,
            updated: rows.filter((r) => r.outcome === 'update').length,
          },
        });
      }
      applied = changed > 0;
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }

  const count = (outcome: ImportRow['outcome']) => rows.filter((r) => r.outcome === outcome).length;
  const report: ImportReport = {
    kind,
    dryRun,
    applied,
    summary: {
      rows: sheet.rows.length,
      create: count('create'),
      update: count('update'),
      unchanged: count('unchanged'),
      error: count('error'),
    },
    fileProblems,
    rows,
  };
  if (!dryRun && (fileProblems.length > 0 || report.summary.error > 0)) {
    throw new AppError(
      'IMPORT_FILE_INVALID',
      `Nothing was imported: ${report.summary.error} row(s) and ${fileProblems.length} column(s) have problems; run a dry run to see them`,
      [
        ...fileProblems.map((p) => ({ field: p.column ?? 'file', message: p.message })),
        ...rows.flatMap((r) =>
          r.problems.map((p) => ({
            field: `row ${r.row}${p.column ? `, ${p.column}` : ''}`,
            message: p.message,
          })),
        ),
      ],
    );
  }
  return report;
}
