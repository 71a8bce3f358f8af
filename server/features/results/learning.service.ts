import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, readsWholePortfolio, requireActor, requireRole } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { AppError, type FieldProblem } from '../../kernel/errors.ts';
import { staleVersion } from '../../kernel/http/versioning.ts';
import { type Language, pickText } from '../../kernel/localized.ts';
import { assertActionEditable } from '../actions/action-status.ts';
import { activityTitlesOf } from '../activities/activities.for-results.ts';
import { loadVisibleActivity } from '../activities/activity-access.ts';
import { activityRoster, type RosterEntry } from '../participants/participants.for-learning.ts';
import type {
  EvaluationsInput,
  EvaluationsView,
  LinksInput,
  ScoresInput,
  ScoresView,
  TestInput,
  TestLinks,
  TestView,
} from './learning.contract.ts';
import {
  activityEvaluations,
  type TestPhase,
  testLinks,
  testScores,
  trainingTests,
} from './learning.table.ts';
import { groupGain, normalisedGain } from './learning-gain.ts';
import type { ActionResults, EvaluationAggregate } from './results.contract.ts';

const STAFF = ['admin', 'officer'] as const;
/** Activities where people learn, and so may have a pre- and post-test. */
export const LEARNING_TYPES = ['training', 'training_of_trainers', 'workshop', 'coaching', 'online_session'];

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function assertTraining(activity: { type: string }) {
  if (!LEARNING_TYPES.includes(activity.type)) {
    throw new AppError(
      'CONFLICT',
      'Pre- and post-tests belong to trainings, trainings of trainers, workshops, coaching and online sessions',
    );
  }
}

/** The roster the caller may see: staff and steering everyone; a partner its own institution's people; others none. */
function visibleRoster(actor: Actor, roster: RosterEntry[]) {
  if (readsWholePortfolio(actor)) return roster;
  if (actor.role === 'partner' && actor.institutionId) {
    return roster.filter((p) => p.institutionId === actor.institutionId);
  }
  return [];
}

async function loadTest(db: Db, activityId: string) {
  const [row] = await db.select().from(trainingTests).where(eq(trainingTests.activityId, activityId));
  return row;
}

// ---------------------------------------------------------------------------------------------
// The test

export async function getTest(db: Db, actor: Actor | null, activityId: string): Promise<TestView | null> {
  await loadVisibleActivity(db, actor, activityId);
  requireRole(actor, ['admin', 'officer', 'steering']);
  const test = await loadTest(db, activityId);
  if (!test) return null;
  return { activityId, questions: test.questions, maxScore: test.questions.length, version: test.version };
}

/** Writes the test of a training (staff). A test that exists needs If-Match. */
export async function putTest(
  db: Db,
  actor: Actor | null,
  activityId: string,
  expectedVersion: number | null,
  input: TestInput,
): Promise<TestView> {
  await db.transaction(async (tx) => {
    const { activity, actionName, actionStatus } = await loadVisibleActivity(tx, actor, activityId, {
      lock: true,
    });
    const staff = requireRole(actor, STAFF);
    assertActionEditable({ status: actionStatus, name: actionName });
    assertTraining(activity);
    const existing = await loadTest(tx, activityId);
    if (existing) {
      if (expectedVersion === null) {
        throw new AppError('VERSION_REQUIRED', 'The test exists: send If-Match with the version you read');
      }
      if (existing.version !== expectedVersion) throw staleVersion('The test', existing.version);
      const ids = (await activityRoster(tx, activityId)).map((p) => p.participationId);
      const scored = ids.length
        ? await tx
            .select({ participationId: testScores.participationId })
            .from(testScores)
            .where(inArray(testScores.participationId, ids))
            .limit(1)
        : [];
      if (scored.length > 0 && input.questions.length !== existing.questions.length) {
        throw new AppError(
          'CONFLICT',
          'Scores were recorded against this test; keep its number of questions',
          [{ field: 'questions', message: `must keep ${existing.questions.length} questions` }],
        );
      }
      await tx
        .update(trainingTests)
        .set({
          questions: input.questions,
          version: sql`${trainingTests.version} + 1`,
          updatedBy: staff.id,
          updatedAt: sql`now()`,
        })
        .where(eq(trainingTests.activityId, activityId));
    } else {
      await tx.insert(trainingTests).values({ activityId, questions: input.questions, updatedBy: staff.id });
    }
    await recordAudit(tx, {
      actorId: staff.id,
      event: 'training_test.write',
      entityType: 'activity',
      entityId: activityId,
      changes: { questions: input.questions.length },
    });
  });
  const view = await getTest(db, actor, activityId);
  if (!view) throw new Error('the test was not written');
  return view;
}

// ---------------------------------------------------------------------------------------------
// Scores

export async function getScores(db: Db, actor: Actor | null, activityId: string): Promise<ScoresView> {
  await loadVisibleActivity(db, actor, activityId);
  const signedIn = requireActor(actor);
  const [test, roster] = await Promise.all([loadTest(db, activityId), activityRoster(db, activityId)]);
  const learners = roster.filter((p) => p.role === 'participant');
  const scores = learners.length
    ? await db
        .select()
        .from(testScores)
        .where(
          inArray(
            testScores.participationId,
            learners.map((p) => p.participationId),
          ),
        )
    : [];
  const maxScore = test ? test.questions.length : null;
  const scoreOf = (id: string, phase: TestPhase) =>
    scores.find((s) => s.participationId === id && s.phase === phase)?.score ?? null;
  const all = learners.map((p) => {
    const pre = scoreOf(p.participationId, 'pre');
    const post = scoreOf(p.participationId, 'post');
    return {
      participationId: p.participationId,
      fullName: p.fullName,
      sex: p.sex,
      pre,
      post,
      gain: pre !== null && post !== null && maxScore ? normalisedGain(pre, post, maxScore) : null,
    };
  });
  const visible = new Set(visibleRoster(signedIn, learners).map((p) => p.participationId));
  return {
    activityId,
    maxScore,
    version: test?.scoresVersion ?? null,
    participants: all.filter((p) => visible.has(p.participationId)),
    // The group's figures are an aggregate over everyone.
    group: maxScore
      ? groupGain(all, maxScore)
      : { paired: 0, meanPre: null, meanPost: null, groupGain: null },
  };
}

/** Enters scores from paper tests (staff); a null score removes one. */
export async function putScores(
  db: Db,
  actor: Actor | null,
  activityId: string,
  expectedVersion: number,
  input: ScoresInput,
): Promise<ScoresView> {
  await db.transaction(async (tx) => {
    const { activity, actionName, actionStatus } = await loadVisibleActivity(tx, actor, activityId, {
      lock: true,
    });
    const staff = requireRole(actor, STAFF);
    assertActionEditable({ status: actionStatus, name: actionName });
    assertTraining(activity);
    const test = await loadTest(tx, activityId);
    if (!test) {
      throw new AppError('CONFLICT', 'Write the test before entering its scores', [
        { field: 'phase', message: 'the training has no test yet' },
      ]);
    }
    // The sheet's version moves first, only if it is the one read: the row lock this takes makes
    // staff and participants answering through links take turns, and exactly one wins a version.
    const moved = await tx
      .update(trainingTests)
      .set({ scoresVersion: sql`${trainingTests.scoresVersion} + 1` })
      .where(and(eq(trainingTests.activityId, activityId), eq(trainingTests.scoresVersion, expectedVersion)))
      .returning({ version: trainingTests.scoresVersion });
    if (moved.length === 0) {
      const now = (await loadTest(tx, activityId))?.scoresVersion ?? test.scoresVersion;
      throw staleVersion('The score sheet', now);
    }
    const max = test.questions.length;
    const roster = new Set(
      (await activityRoster(tx, activityId))
        .filter((p) => p.role === 'participant')
        .map((p) => p.participationId),
    );
    const problems: FieldProblem[] = [];
    input.scores.forEach((s, i) => {
      if (!roster.has(s.participationId)) {
        problems.push({
          field: `scores.${i}.participationId`,
          message: 'is not a participant of this training',
        });
      }
      if (s.score !== null && s.score > max) {
        problems.push({ field: `scores.${i}.score`, message: `must not be more than ${max}` });
      }
    });
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'Some scores cannot be recorded', problems);
    for (const s of input.scores) {
      if (s.score === null) {
        await tx
          .delete(testScores)
          .where(and(eq(testScores.participationId, s.participationId), eq(testScores.phase, input.phase)));
        continue;
      }
      await tx
        .insert(testScores)
        .values({
          participationId: s.participationId,
          phase: input.phase,
          score: s.score,
          maxScore: max,
          source: 'paper',
          recordedBy: staff.id,
        })
        .onConflictDoUpdate({
          target: [testScores.participationId, testScores.phase],
          set: {
            score: s.score,
            maxScore: max,
            source: 'paper',
            recordedBy: staff.id,
            recordedAt: sql`now()`,
          },
        });
    }
    await recordAudit(tx, {
      actorId: staff.id,
      event: 'test_scores.enter',
      entityType: 'activity',
      entityId: activityId,
      changes: { phase: input.phase, count: input.scores.length },
    });
  });
  return getScores(db, actor, activityId);
}

// ---------------------------------------------------------------------------------------------
// One-time links

/**
 * Creates one link per participant for a phase (staff). A participant's earlier unused link for
 * the same phase stops working. The tokens are returned this once; only their hashes are kept.
 */
export async function createTestLinks(
  db: Db,
  actor: Actor | null,
  activityId: string,
  input: LinksInput,
  publicUrl: string,
): Promise<TestLinks> {
  const created = await db.transaction(async (tx) => {
    const { activity, actionName, actionStatus } = await loadVisibleActivity(tx, actor, activityId, {
      lock: true,
    });
    const staff = requireRole(actor, STAFF);
    assertActionEditable({ status: actionStatus, name: actionName });
    assertTraining(activity);
    if (!(await loadTest(tx, activityId))) {
      throw new AppError('CONFLICT', 'Write the test before sending links to it', [
        { field: 'phase', message: 'the training has no test yet' },
      ]);
    }
    const learners = (await activityRoster(tx, activityId)).filter((p) => p.role === 'participant');
    if (learners.length === 0) {
      throw new AppError('CONFLICT', 'The training has no participants to send links to');
    }
    const ids = learners.map((p) => p.participationId);
    await tx
      .delete(testLinks)
      .where(
        and(
          inArray(testLinks.participationId, ids),
          eq(testLinks.phase, input.phase),
          isNull(testLinks.usedAt),
        ),
      );
    const expiresAt = new Date(Date.now() + input.validForHours * 3600 * 1000);
    const items = learners.map((p) => ({ person: p, token: randomBytes(24).toString('base64url') }));
    await tx.insert(testLinks).values(
      items.map(({ person, token }) => ({
        tokenHash: hashToken(token),
        participationId: person.participationId,
        phase: input.phase,
        expiresAt,
        createdBy: staff.id,
      })),
    );
    await recordAudit(tx, {
      actorId: staff.id,
      event: 'test_links.create',
      entityType: 'activity',
      entityId: activityId,
      changes: { phase: input.phase, count: items.length, expiresAt: expiresAt.toISOString() },
    });
    return { items, expiresAt };
  });
  const base = publicUrl.replace(/\/$/, '');
  return {
    phase: input.phase,
    items: await Promise.all(
      created.items.map(async ({ person, token }) => {
        const url = `${base}/test/${token}`;
        return {
          participationId: person.participationId,
          fullName: person.fullName,
          url,
          qrSvg: await (await import('qrcode')).default.toString(url, {
            type: 'svg',
            margin: 1,
            errorCorrectionLevel: 'M',
          }),
          expiresAt: created.expiresAt.toISOString(),
        };
      }),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Evaluations

function aggregate(
  rows: { satisfaction: number; relevance: number; expectedUse: number }[],
): EvaluationAggregate {
  const mean = (pick: (r: (typeof rows)[number]) => number) =>
    rows.length ? Math.round((rows.reduce((s, r) => s + pick(r), 0) / rows.length) * 100) / 100 : null;
  return {
    responses: rows.length,
    satisfaction: mean((r) => r.satisfaction),
    relevance: mean((r) => r.relevance),
    expectedUse: mean((r) => r.expectedUse),
  };
}

export async function getEvaluations(
  db: Db,
  actor: Actor | null,
  activityId: string,
): Promise<EvaluationsView> {
  await loadVisibleActivity(db, actor, activityId);
  const signedIn = requireActor(actor);
  const rows = await db
    .select()
    .from(activityEvaluations)
    .where(eq(activityEvaluations.activityId, activityId));
  return {
    activityId,
    ...aggregate(rows),
    comments: readsWholePortfolio(signedIn)
      ? rows.map((r) => r.comment).filter((c): c is string => Boolean(c))
      : [],
  };
}

/** Enters answered evaluation questionnaires (staff), after the activity. */
export async function addEvaluations(
  db: Db,
  actor: Actor | null,
  activityId: string,
  input: EvaluationsInput,
): Promise<EvaluationsView> {
  await db.transaction(async (tx) => {
    const { activity, actionName, actionStatus } = await loadVisibleActivity(tx, actor, activityId, {
      lock: true,
    });
    const staff = requireRole(actor, STAFF);
    assertActionEditable({ status: actionStatus, name: actionName });
    if (activity.status !== 'held' && activity.status !== 'reported') {
      throw new AppError('CONFLICT', 'Evaluations are entered once the activity was held');
    }
    const roster = new Set((await activityRoster(tx, activityId)).map((p) => p.participationId));
    const problems = input.responses.flatMap((r, i) =>
      r.participationId && !roster.has(r.participationId)
        ? [{ field: `responses.${i}.participationId`, message: 'is not a participant of this activity' }]
        : [],
    );
    if (problems.length)
      throw new AppError('VALIDATION_FAILED', 'Some responses cannot be recorded', problems);
    await tx.insert(activityEvaluations).values(
      input.responses.map((r) => ({
        activityId,
        participationId: r.participationId ?? null,
        satisfaction: r.satisfaction,
        relevance: r.relevance,
        expectedUse: r.expectedUse,
        comment: r.comment || null,
        recordedBy: staff.id,
      })),
    );
    await recordAudit(tx, {
      actorId: staff.id,
      event: 'evaluations.enter',
      entityType: 'activity',
      entityId: activityId,
      changes: { count: input.responses.length },
    });
  });
  return getEvaluations(db, actor, activityId);
}

// ---------------------------------------------------------------------------------------------
// Per Action

/** Learning gains per training and evaluations per activity of one Action (aggregates only). */
export async function actionLearningAndEvaluations(
  db: Db,
  actionId: string,
  lang: Language,
): Promise<Pick<ActionResults, 'learning' | 'evaluations'>> {
  const scoreRows = await db.execute(sql`
    select p.activity_id as "activityId", s.participation_id as "participationId", s.phase, s.score,
      (select jsonb_array_length(t.questions) from ${trainingTests} t where t.activity_id = p.activity_id)::int as "maxScore"
    from ${testScores} s
    join participations p on p.id = s.participation_id
    join activities a on a.id = p.activity_id
    where a.action_id = ${actionId}`);
  const scores = (
    scoreRows as unknown as {
      rows: {
        activityId: string;
        participationId: string;
        phase: TestPhase;
        score: number;
        maxScore: number;
      }[];
    }
  ).rows;
  const evaluations = await db.execute(sql`
    select e.activity_id as "activityId", e.satisfaction, e.relevance, e.expected_use as "expectedUse"
    from ${activityEvaluations} e join activities a on a.id = e.activity_id
    where a.action_id = ${actionId}`);
  const evalRows = (
    evaluations as unknown as {
      rows: { activityId: string; satisfaction: number; relevance: number; expectedUse: number }[];
    }
  ).rows;
  const activityIds = [
    ...new Set([...scores.map((s) => s.activityId), ...evalRows.map((e) => e.activityId)]),
  ];
  const titles = await activityTitlesOf(db, activityIds);
  const learning = [...new Set(scores.map((s) => s.activityId))].map((activityId) => {
    const own = scores.filter((s) => s.activityId === activityId);
    const maxScore = Number(own[0]?.maxScore ?? 0);
    const people = [...new Set(own.map((s) => s.participationId))].map((id) => ({
      pre: own.find((s) => s.participationId === id && s.phase === 'pre')?.score ?? null,
      post: own.find((s) => s.participationId === id && s.phase === 'post')?.score ?? null,
    }));
    return {
      activityId,
      title: pickText(titles.get(activityId), lang),
      maxScore,
      ...groupGain(people, maxScore),
    };
  });
  const byActivity = [...new Set(evalRows.map((e) => e.activityId))].map((activityId) => ({
    activityId,
    title: pickText(titles.get(activityId), lang),
    ...aggregate(evalRows.filter((e) => e.activityId === activityId).map(numbers)),
  }));
  return { learning, evaluations: { ...aggregate(evalRows.map(numbers)), byActivity } };
}

const numbers = (r: { satisfaction: number; relevance: number; expectedUse: number }) => ({
  satisfaction: Number(r.satisfaction),
  relevance: Number(r.relevance),
  expectedUse: Number(r.expectedUse),
});
