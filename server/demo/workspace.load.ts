import { eq, inArray, sql } from 'drizzle-orm';
import {
  actionDesignComments,
  actionDesigns,
  actionEvents,
} from '../features/actions/action-design.table.ts';
import { actions } from '../features/actions/actions.table.ts';
import { activities } from '../features/activities/activities.table.ts';
import { users } from '../features/auth/auth.table.ts';
import {
  deliverableComments,
  deliverableExperts,
  deliverables,
  deliverableTypes,
  deliverableVersions,
} from '../features/deliverables/deliverables.table.ts';
import { deploymentFeedback, deployments } from '../features/experts/deployments.table.ts';
import {
  expertAvailability,
  expertCountries,
  expertLanguages,
  expertRegions,
  expertSkillRows,
  experts,
  expertTopics,
} from '../features/experts/experts.table.ts';
import { recordAudit } from '../kernel/audit/audit.ts';
import type { Db } from '../kernel/db/database.ts';
import type { FileStorage } from '../kernel/files/file-storage.ts';
import { storeUpload } from '../kernel/files/files.service.ts';
import { pickText } from '../kernel/localized.ts';
import { demoPdf } from './demo-pdf.ts';
import { demoWorkspaces } from './workspace.data.ts';
import type { DemoActivity, DemoDeliverable, DemoWorkspace } from './workspace.types.ts';
import { demoExperts } from './workspace-experts.data.ts';

type Ids = Map<string, string>;
/** Each demo expert's country, for the timeline (which names countries, never people). */
const countries = new Map(demoExperts.map((e) => [e.key, e.countryCode]));
const need = (ids: Ids, key: string, what: string) => {
  const id = ids.get(key);
  if (!id) throw new Error(`The demo workspace names an unknown ${what}: ${key}`);
  return id;
};
const dayBefore = (date: string, days: number) =>
  new Date(Date.parse(`${date}T09:00:00Z`) - days * 86_400_000);
/** When a deployment was recorded: two weeks ahead of the activity, and never in the future. */
const deployedOn = (start: string) =>
  new Date(Math.min(dayBefore(start, 14).getTime(), Date.now() - 86_400_000));
/** A name for a demo file: the title up to its colon, cut at a word, and the version. */
const fileNameOf = (title: string, version: number) => {
  const head = title.split(':')[0] ?? title;
  const short = head.length > 60 ? head.slice(0, 60).replace(/\s+\S*$/, '') : head;
  return `${short.trim()} v${version}.pdf`;
};

async function loadExperts(tx: Db, userIds: Ids): Promise<Ids> {
  const ids: Ids = new Map();
  for (const e of demoExperts) {
    const slug = e.key.replace(/[^a-z]/g, '');
    const [row] = await tx
      .insert(experts)
      .values({
        fullName: e.fullName,
        gender: e.gender,
        email: `${slug}@experts.demo.tandem.test`,
        phone: `+00 0000 ${String(ids.size + 1).padStart(4, '0')}`,
        administration: e.administration,
        countryCode: e.countryCode,
        nationality: e.nationality,
        publicSectorStatus: e.publicSectorStatus,
        nominatedBy: `Demo focal point, ${e.countryCode} (invented)`,
        conflictOfInterest: 'I declare no interest that conflicts with my deployments (demo declaration).',
        conflictDeclaredOn: '2025-01-15',
        userId: e.accountEmail ? need(userIds, e.accountEmail, 'account') : null,
      })
      .returning({ id: experts.id });
    if (!row) throw new Error(`expert ${e.key} was not inserted`);
    const expertId = row.id;
    ids.set(e.key, expertId);
    await tx
      .insert(expertLanguages)
      .values(e.languages.map(([language, level]) => ({ expertId, language, level })));
    if (e.topics.length)
      await tx.insert(expertTopics).values(e.topics.map((topicCode) => ({ expertId, topicCode })));
    if (e.skills.length)
      await tx.insert(expertSkillRows).values(e.skills.map((skill) => ({ expertId, skill })));
    if (e.experienceCountries.length) {
      await tx
        .insert(expertCountries)
        .values(e.experienceCountries.map((countryCode) => ({ expertId, countryCode })));
    }
    if (e.experienceRegions.length) {
      await tx
        .insert(expertRegions)
        .values(e.experienceRegions.map((regionCode) => ({ expertId, regionCode })));
    }
    if (e.availability?.length) {
      await tx
        .insert(expertAvailability)
        .values(e.availability.map(([startDate, endDate]) => ({ expertId, startDate, endDate })));
    }
  }
  return ids;
}

/** The demo never double-books anyone: checked here so that an edit of the data cannot slip one in. */
function checkNoDoubleBooking() {
  const bookings = new Map<string, { start: string; end: string; title: string }[]>();
  for (const workspace of demoWorkspaces) {
    for (const a of workspace.activities) {
      if (a.status === 'cancelled' || a.status === 'postponed') continue;
      for (const [key] of a.experts) {
        const mine = bookings.get(key) ?? [];
        const clash = mine.find((b) => b.start <= a.endDate && b.end >= a.startDate);
        if (clash) throw new Error(`demo expert ${key} is double-booked: ${clash.title} and ${a.title.en}`);
        mine.push({ start: a.startDate, end: a.endDate, title: a.title.en ?? '' });
        bookings.set(key, mine);
      }
    }
  }
}

async function loadActivity(tx: Db, actionId: string, a: DemoActivity, expertIds: Ids, officerId: string) {
  const { experts: team, reportSummary, ...fields } = a;
  const [row] = await tx
    .insert(activities)
    .values({
      ...fields,
      actionId,
      reportSummary: reportSummary ?? null,
      reportedAt: reportSummary ? dayBefore(a.endDate, -10) : null,
    })
    .returning({ id: activities.id });
  if (!row) throw new Error(`activity ${a.title.en} was not inserted`);
  for (const [key, role, days, feedback] of team) {
    const expertId = need(expertIds, key, 'expert');
    const [deployment] = await tx
      .insert(deployments)
      .values({
        expertId,
        activityId: row.id,
        role,
        days,
        createdBy: officerId,
        createdAt: dayBefore(a.startDate, 14),
      })
      .returning({ id: deployments.id });
    if (!deployment) throw new Error('deployment was not inserted');
    await tx.insert(actionEvents).values({
      actionId,
      at: deployedOn(a.startDate),
      actorId: officerId,
      kind: 'expert.deployed',
      subjectType: 'deployment',
      subjectId: deployment.id,
      label: pickText(a.title, 'en'),
      details: { role, days, country: countries.get(key) ?? null, activityId: row.id },
    });
    if (feedback) {
      const [score, comment] = feedback;
      await tx
        .insert(deploymentFeedback)
        .values({ deploymentId: deployment.id, score, comment, givenBy: officerId });
      await tx
        .update(experts)
        .set({
          feedbackCount: sql`${experts.feedbackCount} + 1`,
          feedbackScoreSum: sql`${experts.feedbackScoreSum} + ${score}`,
        })
        .where(eq(experts.id, expertId));
    }
  }
}

async function loadDeliverable(
  tx: Db,
  storage: FileStorage,
  actionId: string,
  d: DemoDeliverable,
  ids: { experts: Ids; users: Ids; officer: string },
) {
  const type = d.type as (typeof deliverableTypes)[number];
  if (!deliverableTypes.includes(type)) throw new Error(`unknown deliverable type ${d.type}`);
  const title = pickText(d.title, 'en');
  const audience = d.visibility === 'internal' ? ('staff' as const) : ('all' as const);
  const firstAt = d.versions[0]?.at ?? '2026-11-01T09:00:00Z';
  const [row] = await tx
    .insert(deliverables)
    .values({
      actionId,
      type,
      title: d.title,
      summary: d.summary,
      languages: d.languages,
      status: d.status,
      visibility: d.visibility,
      validatedAt: d.validatedAt ? new Date(d.validatedAt) : null,
      publishedAt: d.publishedAt ? new Date(d.publishedAt) : null,
      createdAt: dayBefore(firstAt.slice(0, 10), 14),
    })
    .returning({ id: deliverables.id });
  if (!row) throw new Error(`deliverable ${title} was not inserted`);
  const event = (kind: string, at: Date, details: Record<string, unknown> = {}) =>
    tx.insert(actionEvents).values({
      actionId,
      at,
      actorId: ids.officer,
      kind,
      subjectType: 'deliverable',
      subjectId: row.id,
      label: title,
      audience,
      details,
    });
  await event('deliverable.created', dayBefore(firstAt.slice(0, 10), 14), { type });
  if (d.team.length) {
    await tx
      .insert(deliverableExperts)
      .values(d.team.map((key) => ({ deliverableId: row.id, expertId: need(ids.experts, key, 'expert') })));
  }
  for (const [index, version] of d.versions.entries()) {
    const name = fileNameOf(title, index + 1);
    const file = await storeUpload(
      tx,
      storage,
      null,
      { bytes: demoPdf(title, version.text), fileName: name },
      {
        kinds: ['pdf'],
        maxBytes: 5 * 1024 * 1024,
      },
    );
    await tx.insert(deliverableVersions).values({
      deliverableId: row.id,
      number: index + 1,
      fileId: file.id,
      changeNote: version.note,
      language: version.language,
      createdAt: new Date(version.at),
    });
    await event('deliverable.version_added', new Date(version.at), { version: index + 1 });
  }
  const last = d.versions.at(-1)?.at;
  if (last && d.status !== 'draft' && d.visibility !== 'internal') {
    await event('deliverable.submitted', new Date(Date.parse(last) + 3_600_000), { to: 'partner_review' });
  }
  if (d.validatedAt) await event('deliverable.validated', new Date(d.validatedAt), { to: 'validated' });
  if (d.publishedAt) await event('deliverable.published', new Date(d.publishedAt), { to: 'published' });
  for (const [email, body, at] of d.comments ?? []) {
    await tx.insert(deliverableComments).values({
      deliverableId: row.id,
      authorId: need(ids.users, email, 'account'),
      body,
      versionNumber: d.versions.length || null,
      createdAt: new Date(at),
    });
  }
}

async function loadDesign(tx: Db, actionId: string, w: DemoWorkspace, userIds: Ids) {
  await tx.insert(actionDesigns).values({
    actionId,
    overallObjective: w.overallObjective,
    specificObjectives: w.specificObjectives,
    plannedDeliverables: w.plannedDeliverables,
    plannedActivities: w.plannedActivities,
    plannedExpertDays: w.plannedExpertDays,
  });
  for (const [email, body, at] of w.designComments ?? []) {
    await tx
      .insert(actionDesignComments)
      .values({ actionId, authorId: need(userIds, email, 'account'), body, createdAt: new Date(at) });
  }
}

/**
 * Loads the demo workspace of the six THB and SOM Actions: the roster, their designs, activities,
 * deployments with feedback, deliverables with real (small, generated) PDF files, and timelines.
 */
export async function loadWorkspaceDemo(tx: Db, storage: FileStorage): Promise<void> {
  checkNoDoubleBooking();
  const userRows = await tx.select({ id: users.id, email: users.email }).from(users);
  const userIds: Ids = new Map(userRows.map((u) => [u.email, u.id]));
  const officer = need(userIds, 'officer@demo.tandem.test', 'account');
  const expertIds = await loadExperts(tx, userIds);
  const codes = demoWorkspaces.map((w) => w.action);
  const actionRows = await tx
    .select({ id: actions.id, code: actions.code, name: actions.name, actualStart: actions.actualStart })
    .from(actions)
    .where(inArray(actions.code, codes));
  for (const workspace of demoWorkspaces) {
    const action = actionRows.find((a) => a.code === workspace.action);
    if (!action) throw new Error(`The demo workspace names an unknown Action: ${workspace.action}`);
    await loadDesign(tx, action.id, workspace, userIds);
    if (action.actualStart) {
      await tx.insert(actionEvents).values({
        actionId: action.id,
        at: new Date(`${action.actualStart}T09:00:00Z`),
        actorId: officer,
        kind: 'action.started',
        subjectType: 'action',
        subjectId: action.id,
        label: action.name,
        details: { from: 'design', to: 'implementation' },
      });
    }
    for (const activity of workspace.activities) {
      await loadActivity(tx, action.id, activity, expertIds, officer);
    }
    for (const deliverable of workspace.deliverables) {
      await loadDeliverable(tx, storage, action.id, deliverable, {
        experts: expertIds,
        users: userIds,
        officer,
      });
    }
  }
  await recordAudit(tx, {
    actorId: null,
    event: 'demo.load.workspace',
    entityType: 'facility',
    changes: {
      experts: demoExperts.length,
      activities: demoWorkspaces.reduce((n, w) => n + w.activities.length, 0),
      deliverables: demoWorkspaces.reduce((n, w) => n + w.deliverables.length, 0),
    },
  });
}
