import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, requireActor, requireRole } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { AppError, type FieldProblem, notFound } from '../../kernel/errors.ts';
import type { FileStorage } from '../../kernel/files/file-storage.ts';
import {
  findStoredFile,
  presentFile,
  sendStoredFile,
  storeUpload,
} from '../../kernel/files/files.service.ts';
import { storedFiles } from '../../kernel/files/files.table.ts';
import type { Upload } from '../../kernel/http/multipart.ts';
import { staleVersion } from '../../kernel/http/versioning.ts';
import { type Language, pickText } from '../../kernel/localized.ts';
import { loadVisibleAction } from '../actions/action-access.ts';
import { assertActionEditable } from '../actions/action-status.ts';
import { type ComputedRecords, computedActual, loadComputedRecords } from './results.computed.ts';
import type {
  ActualInput,
  Figures,
  FiguresInput,
  IndicatorInput,
  IndicatorList,
  IndicatorPatch,
  IndicatorView,
  PeriodInput,
  PeriodView,
} from './results.contract.ts';
import {
  type IndicatorMeasure,
  type IndicatorSource,
  indicatorEvidence,
  indicatorPeriods,
  indicators,
  PEOPLE_SOURCES,
} from './results.table.ts';

export const STAFF = ['admin', 'officer'] as const;

/** Evidence of an actual: a PDF, a Word document, a spreadsheet or an image, up to 20 MB. */
export const EVIDENCE_FILE_RULES = {
  kinds: ['pdf', 'word', 'spreadsheet', 'image'],
  maxBytes: 20 * 1024 * 1024,
  field: 'file',
} as const;

type IndicatorRow = typeof indicators.$inferSelect;
type PeriodRow = typeof indicatorPeriods.$inferSelect;

const today = () => new Date().toISOString().slice(0, 10);
const round = (n: number) => Math.round(n * 10) / 10;

/** The indicator `id` and its Action, if the caller may see the Action; else a 404. */
async function loadVisibleIndicator(db: Db, actor: Actor | null, id: string, { lock = false } = {}) {
  requireActor(actor);
  const query = db.select().from(indicators).where(eq(indicators.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Indicator');
  try {
    const action = await loadVisibleAction(db, actor, row.actionId, { lock });
    return { indicator: row, action };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw notFound('Indicator');
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Presenting

const figuresOf = (
  total: number | null,
  female: number | null,
  male: number | null,
  note: string | null,
) => ({
  total,
  female,
  male,
  note,
});

function progressOf(measure: IndicatorMeasure, target: Figures, actual: Figures | null): number | null {
  if (measure === 'qualitative' || !actual || actual.total === null || !target.total) return null;
  return round((actual.total / target.total) * 100);
}

function sumFigures(list: Figures[]): Figures {
  const sum = (pick: (f: Figures) => number | null) => {
    const values = list.map(pick).filter((v): v is number => v !== null);
    return values.length ? values.reduce((a, b) => a + b, 0) : null;
  };
  return figuresOf(
    sum((f) => f.total),
    sum((f) => f.female),
    sum((f) => f.male),
    null,
  );
}

export function presentIndicator(
  row: IndicatorRow,
  periods: PeriodRow[],
  evidence: Map<string, PeriodView['evidence']>,
  records: ComputedRecords,
  lang: Language,
  day = today(),
): IndicatorView {
  const source = row.source as IndicatorSource;
  const computed = source !== 'entered';
  const views: PeriodView[] = periods.map((p) => {
    const target = figuresOf(p.target, p.targetFemale, p.targetMale, p.targetNote);
    const actual = computed
      ? computedActual(records, source, row.actionId, { start: p.periodStart, end: p.periodEnd }, day)
      : p.actualRecordedAt
        ? figuresOf(p.actual, p.actualFemale, p.actualMale, p.actualNote)
        : null;
    return {
      id: p.id,
      start: p.periodStart,
      end: p.periodEnd,
      target,
      actual,
      progress: progressOf(row.measure, target, actual),
      recordedAt: p.actualRecordedAt ? new Date(p.actualRecordedAt).toISOString() : null,
      evidence: evidence.get(p.id) ?? [],
    };
  });
  // Counts add up over periods; a percentage or a qualitative statement is read at its latest.
  const withActual = views.filter((v) => v.actual);
  const last = views[views.length - 1];
  const lastActual = withActual[withActual.length - 1];
  const overallTarget =
    row.measure === 'count'
      ? sumFigures(views.map((v) => v.target))
      : (last?.target ?? figuresOf(null, null, null, null));
  const overallActual =
    row.measure === 'count'
      ? withActual.length
        ? sumFigures(withActual.map((v) => v.actual as Figures))
        : null
      : (lastActual?.actual ?? null);
  return {
    id: row.id,
    actionId: row.actionId,
    level: row.level,
    title: pickText(row.title, lang),
    description: pickText(row.description, lang),
    measure: row.measure,
    source,
    computed,
    bySex: row.bySex,
    baseline:
      row.baselineYear !== null
        ? {
            year: row.baselineYear,
            value: row.baselineValue,
            female: row.baselineFemale,
            male: row.baselineMale,
            note: row.baselineNote,
          }
        : null,
    periods: views,
    overall: {
      target: overallTarget,
      actual: overallActual,
      progress: progressOf(row.measure, overallTarget, overallActual),
    },
    version: row.version,
  };
}

const levelOrder = { output: 0, outcome: 1, impact: 2 } as const;

/** The indicators of some Actions, presented, with their periods, evidence and computed actuals. */
export async function loadIndicatorViews(db: Db, actionIds: string[], lang: Language) {
  if (actionIds.length === 0) return [];
  const rows = await db
    .select()
    .from(indicators)
    .where(inArray(indicators.actionId, actionIds))
    .orderBy(asc(indicators.createdAt), asc(indicators.id));
  const ids = rows.map((r) => r.id);
  const [periods, files, records] = await Promise.all([
    ids.length
      ? db
          .select()
          .from(indicatorPeriods)
          .where(inArray(indicatorPeriods.indicatorId, ids))
          .orderBy(asc(indicatorPeriods.periodStart))
      : [],
    ids.length
      ? db
          .select({ id: indicatorEvidence.id, periodId: indicatorEvidence.periodId, file: storedFiles })
          .from(indicatorEvidence)
          .innerJoin(indicatorPeriods, eq(indicatorPeriods.id, indicatorEvidence.periodId))
          .innerJoin(storedFiles, eq(storedFiles.id, indicatorEvidence.fileId))
          .where(inArray(indicatorPeriods.indicatorId, ids))
          .orderBy(asc(indicatorEvidence.createdAt))
      : [],
    loadComputedRecords(db, actionIds),
  ]);
  const evidence = new Map<string, PeriodView['evidence']>();
  for (const f of files) {
    const list = evidence.get(f.periodId) ?? [];
    list.push({ id: f.id, ...presentFile(f.file) });
    evidence.set(f.periodId, list);
  }
  return rows
    .sort((a, b) => levelOrder[a.level] - levelOrder[b.level])
    .map((row) =>
      presentIndicator(
        row,
        periods.filter((p) => p.indicatorId === row.id),
        evidence,
        records,
        lang,
      ),
    );
}

export async function listIndicators(
  db: Db,
  actor: Actor | null,
  actionId: string,
  lang: Language,
): Promise<IndicatorList> {
  await loadVisibleAction(db, actor, actionId);
  return { items: await loadIndicatorViews(db, [actionId], lang) };
}

export async function getIndicator(db: Db, actor: Actor | null, id: string, lang: Language) {
  const { indicator } = await loadVisibleIndicator(db, actor, id);
  const [view] = (await loadIndicatorViews(db, [indicator.actionId], lang)).filter((v) => v.id === id);
  if (!view) throw notFound('Indicator');
  return view;
}

// ---------------------------------------------------------------------------------------------
// Rules

interface Shape {
  measure: IndicatorMeasure;
  source: IndicatorSource;
  bySex: boolean;
}

function checkFigures(
  shape: Shape,
  field: string,
  f: FiguresInput | null | undefined,
  problems: FieldProblem[],
) {
  if (!f) return;
  const numbers = [f.total, f.female, f.male].filter((v): v is number => v !== null && v !== undefined);
  if (shape.measure === 'qualitative' && numbers.length) {
    problems.push({ field, message: 'a qualitative indicator takes a note, not numbers' });
  }
  if (shape.measure === 'percentage' && numbers.some((v) => v > 100)) {
    problems.push({ field, message: 'a percentage must not be more than 100' });
  }
  if (shape.measure === 'count' && numbers.some((v) => !Number.isInteger(v))) {
    problems.push({ field, message: 'a count must be a whole number' });
  }
  if (!shape.bySex && ((f.female ?? null) !== null || (f.male ?? null) !== null)) {
    problems.push({ field, message: 'the indicator is not disaggregated by sex; give the total only' });
  }
  if (
    shape.measure === 'count' &&
    f.total != null &&
    f.female != null &&
    f.male != null &&
    f.female + f.male > f.total
  ) {
    problems.push({ field: `${field}.total`, message: 'must be at least women and men together' });
  }
}

/** Fills in the total of a count from women and men when only they are given. */
function completed(shape: Shape, f: FiguresInput | null | undefined) {
  const total =
    f?.total ??
    (shape.measure === 'count' && f?.female != null && f?.male != null ? f.female + f.male : null);
  return { total, female: f?.female ?? null, male: f?.male ?? null, note: f?.note || null };
}

function checkShape(shape: Shape, problems: FieldProblem[]) {
  if (shape.source !== 'entered' && shape.measure !== 'count') {
    problems.push({ field: 'measure', message: 'an indicator computed from Tandem’s records is a count' });
  }
  if (PEOPLE_SOURCES.includes(shape.source) && !shape.bySex) {
    problems.push({ field: 'bySex', message: 'people trained are always counted by sex' });
  }
  if (shape.measure === 'qualitative' && shape.bySex) {
    problems.push({ field: 'bySex', message: 'a qualitative indicator is not disaggregated by sex' });
  }
}

function checkPeriods(shape: Shape, periods: PeriodInput[], problems: FieldProblem[]) {
  const sorted = [...periods].sort((a, b) => a.start.localeCompare(b.start));
  sorted.forEach((p, i) => {
    const next = sorted[i + 1];
    if (next && next.start <= p.end) {
      problems.push({
        field: `periods.${periods.indexOf(next)}.start`,
        message: `overlaps the period ${p.start} to ${p.end}`,
      });
    }
  });
  periods.forEach((p, i) => {
    checkFigures(shape, `periods.${i}.target`, p.target, problems);
  });
}

function refuse(problems: FieldProblem[]) {
  if (problems.length) {
    throw new AppError('VALIDATION_FAILED', 'The indicator is not consistent', problems);
  }
}

function baselineColumns(shape: Shape, baseline: IndicatorInput['baseline']) {
  if (!baseline) {
    return {
      baselineYear: null,
      baselineValue: null,
      baselineFemale: null,
      baselineMale: null,
      baselineNote: null,
    };
  }
  const f = completed(shape, {
    total: baseline.value,
    female: baseline.female,
    male: baseline.male,
    note: baseline.note,
  });
  return {
    baselineYear: baseline.year,
    baselineValue: f.total,
    baselineFemale: f.female,
    baselineMale: f.male,
    baselineNote: f.note,
  };
}

function periodColumns(shape: Shape, p: PeriodInput) {
  const t = completed(shape, p.target);
  return {
    periodStart: p.start,
    periodEnd: p.end,
    target: t.total,
    targetFemale: t.female,
    targetMale: t.male,
    targetNote: t.note,
  };
}

// ---------------------------------------------------------------------------------------------
// Changes

export async function createIndicator(
  db: Db,
  actor: Actor | null,
  actionId: string,
  input: IndicatorInput,
  lang: Language,
): Promise<IndicatorView> {
  const id = await db.transaction(async (tx) => {
    const action = await loadVisibleAction(tx, actor, actionId, { lock: true });
    const staff = requireRole(actor, STAFF);
    assertActionEditable(action);
    const shape: Shape = { measure: input.measure, source: input.source, bySex: input.bySex };
    const problems: FieldProblem[] = [];
    checkShape(shape, problems);
    if (input.baseline) {
      checkFigures(
        shape,
        'baseline',
        { total: input.baseline.value, female: input.baseline.female, male: input.baseline.male },
        problems,
      );
    }
    checkPeriods(shape, input.periods, problems);
    if (input.periods.some((p) => p.id)) {
      problems.push({ field: 'periods', message: 'a new indicator has no existing periods to keep' });
    }
    refuse(problems);
    const [row] = await tx
      .insert(indicators)
      .values({
        actionId,
        level: input.level,
        title: { [lang]: input.title },
        description: input.description ? { [lang]: input.description } : {},
        measure: input.measure,
        source: input.source,
        bySex: input.bySex,
        ...baselineColumns(shape, input.baseline),
        createdBy: staff.id,
      })
      .returning({ id: indicators.id });
    if (!row) throw new Error('the indicator was not inserted');
    if (input.periods.length) {
      await tx
        .insert(indicatorPeriods)
        .values(input.periods.map((p) => ({ indicatorId: row.id, ...periodColumns(shape, p) })));
    }
    await recordAudit(tx, {
      actorId: staff.id,
      event: 'indicator.create',
      entityType: 'indicator',
      entityId: row.id,
      changes: { actionId, ...input },
    });
    return row.id;
  });
  return getIndicator(db, actor, id, lang);
}

export async function updateIndicator(
  db: Db,
  actor: Actor | null,
  id: string,
  expectedVersion: number,
  patch: IndicatorPatch,
  lang: Language,
): Promise<IndicatorView> {
  await db.transaction(async (tx) => {
    const { indicator, action } = await loadVisibleIndicator(tx, actor, id, { lock: true });
    const staff = requireRole(actor, STAFF);
    assertActionEditable(action);
    if (indicator.version !== expectedVersion) throw staleVersion('The indicator', indicator.version);
    const shape: Shape = {
      measure: patch.measure ?? indicator.measure,
      source: indicator.source,
      bySex: patch.bySex ?? indicator.bySex,
    };
    const problems: FieldProblem[] = [];
    checkShape(shape, problems);
    if (patch.baseline) {
      checkFigures(
        shape,
        'baseline',
        { total: patch.baseline.value, female: patch.baseline.female, male: patch.baseline.male },
        problems,
      );
    }
    const existing = await tx.select().from(indicatorPeriods).where(eq(indicatorPeriods.indicatorId, id));
    if (patch.periods) {
      checkPeriods(shape, patch.periods, problems);
      patch.periods.forEach((p, i) => {
        if (p.id && !existing.some((e) => e.id === p.id)) {
          problems.push({ field: `periods.${i}.id`, message: 'is not a period of this indicator' });
        }
      });
    }
    refuse(problems);
    const { title, description, baseline, periods, ...fields } = patch;
    await tx
      .update(indicators)
      .set({
        ...fields,
        ...(title ? { title: { ...indicator.title, [lang]: title } } : {}),
        ...(description !== undefined ? { description: description ? { [lang]: description } : {} } : {}),
        ...(baseline !== undefined ? baselineColumns(shape, baseline) : {}),
        version: sql`${indicators.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(indicators.id, id));
    if (periods) {
      const kept = new Set(periods.map((p) => p.id).filter(Boolean));
      const dropped = existing.filter((e) => !kept.has(e.id)).map((e) => e.id);
      if (dropped.length) await tx.delete(indicatorPeriods).where(inArray(indicatorPeriods.id, dropped));
      for (const p of periods.filter((q) => q.id)) {
        await tx
          .update(indicatorPeriods)
          .set(periodColumns(shape, p))
          .where(eq(indicatorPeriods.id, p.id as string));
      }
      const added = periods.filter((p) => !p.id);
      if (added.length) {
        await tx
          .insert(indicatorPeriods)
          .values(added.map((p) => ({ indicatorId: id, ...periodColumns(shape, p) })));
      }
    }
    await recordAudit(tx, {
      actorId: staff.id,
      event: 'indicator.update',
      entityType: 'indicator',
      entityId: id,
      changes: patch,
    });
  });
  return getIndicator(db, actor, id, lang);
}

export async function deleteIndicator(db: Db, actor: Actor | null, id: string, expectedVersion: number) {
  await db.transaction(async (tx) => {
    const { indicator, action } = await loadVisibleIndicator(tx, actor, id, { lock: true });
    const staff = requireRole(actor, STAFF);
    assertActionEditable(action);
    if (indicator.version !== expectedVersion) throw staleVersion('The indicator', indicator.version);
    await tx.delete(indicators).where(eq(indicators.id, id));
    await recordAudit(tx, {
      actorId: staff.id,
      event: 'indicator.delete',
      entityType: 'indicator',
      entityId: id,
      changes: { actionId: indicator.actionId, title: indicator.title },
    });
  });
}

async function loadPeriod(tx: Db, indicatorId: string, periodId: string) {
  const [period] = await tx
    .select()
    .from(indicatorPeriods)
    .where(and(eq(indicatorPeriods.id, periodId), eq(indicatorPeriods.indicatorId, indicatorId)));
  if (!period) throw notFound('Period');
  return period;
}

function assertEntered(indicator: IndicatorRow, lang: Language) {
  if (indicator.source !== 'entered') {
    throw new AppError(
      'INDICATOR_COMPUTED',
      `"${pickText(indicator.title, lang)}" is computed from Tandem’s records; its actuals are not typed in`,
    );
  }
}

/** Records (or corrects) the actual of one period of an entered indicator. Needs If-Match. */
export async function recordActual(
  db: Db,
  actor: Actor | null,
  id: string,
  periodId: string,
  expectedVersion: number,
  input: ActualInput,
  lang: Language,
): Promise<IndicatorView> {
  await db.transaction(async (tx) => {
    const { indicator, action } = await loadVisibleIndicator(tx, actor, id, { lock: true });
    const staff = requireRole(actor, STAFF);
    assertActionEditable(action);
    await loadPeriod(tx, id, periodId);
    assertEntered(indicator, lang);
    if (indicator.version !== expectedVersion) throw staleVersion('The indicator', indicator.version);
    const shape: Shape = indicator;
    const problems: FieldProblem[] = [];
    checkFigures(shape, 'actual', input, problems);
    const f = completed(shape, input);
    if (f.total === null && !f.note) {
      problems.push({
        field: indicator.measure === 'qualitative' ? 'note' : 'total',
        message: 'is required',
      });
    }
    refuse(problems);
    await tx
      .update(indicatorPeriods)
      .set({
        actual: f.total,
        actualFemale: f.female,
        actualMale: f.male,
        actualNote: f.note,
        actualRecordedBy: staff.id,
        actualRecordedAt: sql`now()`,
      })
      .where(eq(indicatorPeriods.id, periodId));
    await tx
      .update(indicators)
      .set({ version: sql`${indicators.version} + 1`, updatedAt: sql`now()` })
      .where(eq(indicators.id, id));
    await recordAudit(tx, {
      actorId: staff.id,
      event: 'indicator.actual',
      entityType: 'indicator',
      entityId: id,
      changes: { periodId, ...input },
    });
  });
  return getIndicator(db, actor, id, lang);
}

/** Adds an evidence file to one period of an entered indicator. */
export async function addEvidence(
  db: Db,
  storage: FileStorage,
  actor: Actor | null,
  id: string,
  periodId: string,
  read: () => Promise<Upload>,
  lang: Language,
): Promise<IndicatorView> {
  // Access is checked before the body is read, so that no one outside the Action streams a file.
  const { indicator } = await loadVisibleIndicator(db, actor, id);
  requireRole(actor, STAFF);
  assertEntered(indicator, lang);
  const upload = await read();
  await db.transaction(async (tx) => {
    const { action } = await loadVisibleIndicator(tx, actor, id, { lock: true });
    const staff = requireRole(actor, STAFF);
    assertActionEditable(action);
    await loadPeriod(tx, id, periodId);
    const file = await storeUpload(tx, storage, staff, upload, EVIDENCE_FILE_RULES);
    const [row] = await tx
      .insert(indicatorEvidence)
      .values({ periodId, fileId: file.id, uploadedBy: staff.id })
      .returning({ id: indicatorEvidence.id });
    await tx
      .update(indicators)
      .set({ version: sql`${indicators.version} + 1`, updatedAt: sql`now()` })
      .where(eq(indicators.id, id));
    await recordAudit(tx, {
      actorId: staff.id,
      event: 'indicator.evidence',
      entityType: 'indicator',
      entityId: id,
      changes: { periodId, evidenceId: row?.id, fileName: file.originalName },
    });
  });
  return getIndicator(db, actor, id, lang);
}

/** Downloads an evidence file: for whoever may see the Action's results. */
export async function sendEvidence(
  db: Db,
  storage: FileStorage,
  actor: Actor | null,
  id: string,
  evidenceId: string,
  reply: FastifyReply,
) {
  await loadVisibleIndicator(db, actor, id);
  const [row] = await db
    .select({ fileId: indicatorEvidence.fileId })
    .from(indicatorEvidence)
    .innerJoin(indicatorPeriods, eq(indicatorPeriods.id, indicatorEvidence.periodId))
    .where(and(eq(indicatorEvidence.id, evidenceId), eq(indicatorPeriods.indicatorId, id)));
  if (!row) throw notFound('Evidence');
  return sendStoredFile(reply, storage, await findStoredFile(db, row.fileId));
}
