import { eq, inArray } from 'drizzle-orm';
import { actions } from '../features/actions/actions.table.ts';
import { users } from '../features/auth/auth.table.ts';
import { EVIDENCE_FILE_RULES } from '../features/results/indicators.service.ts';
import { indicatorEvidence, indicatorPeriods, indicators } from '../features/results/results.table.ts';
import { recordAudit } from '../kernel/audit/audit.ts';
import type { Db } from '../kernel/db/database.ts';
import type { FileStorage } from '../kernel/files/file-storage.ts';
import { storeUpload } from '../kernel/files/files.service.ts';
import { demoPdf } from './demo-pdf.ts';
import { type DemoFigures, demoResults } from './results.data.ts';

const figures = (f: DemoFigures | undefined) => {
  const total =
    f?.total ?? (f?.female !== undefined && f?.male !== undefined ? f.female + f.male : undefined);
  return { total: total ?? null, female: f?.female ?? null, male: f?.male ?? null, note: f?.note ?? null };
};

/**
 * Loads the results frameworks of the six THB and SOM Actions: indicators at output, outcome and
 * impact level with baselines and targets per year; entered actuals (some with a generated PDF as
 * evidence). Computed indicators get their actuals from the activities, deliverables and
 * participants of the demo.
 */
export async function loadResultsDemo(tx: Db, storage: FileStorage): Promise<void> {
  const [officer] = await tx
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.email, 'officer@demo.tandem.test'));
  if (!officer) throw new Error('The demo officer account is missing');
  const actor = { ...officer, institutionId: null };
  const rows = await tx
    .select({ id: actions.id, code: actions.code })
    .from(actions)
    .where(
      inArray(
        actions.code,
        demoResults.map((r) => r.action),
      ),
    );
  let count = 0;
  for (const framework of demoResults) {
    const action = rows.find((r) => r.code === framework.action);
    if (!action) throw new Error(`The demo results name an unknown Action: ${framework.action}`);
    for (const demo of framework.indicators) {
      const baseline = demo.baseline ? figures(demo.baseline) : null;
      const [indicator] = await tx
        .insert(indicators)
        .values({
          actionId: action.id,
          level: demo.level,
          title: demo.title,
          measure: demo.measure,
          source: demo.source ?? 'entered',
          bySex: demo.bySex ?? false,
          baselineYear: demo.baseline?.year ?? null,
          baselineValue: baseline?.total ?? null,
          baselineFemale: baseline?.female ?? null,
          baselineMale: baseline?.male ?? null,
          baselineNote: baseline?.note ?? null,
          createdBy: officer.id,
        })
        .returning({ id: indicators.id });
      if (!indicator) throw new Error('the demo indicator was not inserted');
      count += 1;
      for (const period of demo.periods) {
        const target = figures(period.target);
        const actual = period.actual ? figures(period.actual) : null;
        const [row] = await tx
          .insert(indicatorPeriods)
          .values({
            indicatorId: indicator.id,
            periodStart: period.start,
            periodEnd: period.end,
            target: target.total,
            targetFemale: target.female,
            targetMale: target.male,
            targetNote: target.note,
            ...(actual
              ? {
                  actual: actual.total,
                  actualFemale: actual.female,
                  actualMale: actual.male,
                  actualNote: actual.note,
                  actualRecordedBy: officer.id,
                  actualRecordedAt: new Date(`${period.end.slice(0, 4)}-11-20T10:00:00Z`),
                }
              : {}),
          })
          .returning({ id: indicatorPeriods.id });
        if (!row) throw new Error('the demo period was not inserted');
        if (period.evidence) {
          const file = await storeUpload(
            tx,
            storage,
            actor,
            { bytes: demoPdf(period.evidence.title, period.evidence.text), fileName: period.evidence.name },
            EVIDENCE_FILE_RULES,
          );
          await tx
            .insert(indicatorEvidence)
            .values({ periodId: row.id, fileId: file.id, uploadedBy: officer.id });
        }
      }
    }
  }
  await recordAudit(tx, {
    actorId: null,
    event: 'demo.load.results',
    entityType: 'facility',
    changes: { indicators: count },
  });
}
