import { and, eq, inArray } from 'drizzle-orm';
import { actionRequests } from '../features/actions/action-requests.table.ts';
import { actions } from '../features/actions/actions.table.ts';
import { users } from '../features/auth/auth.table.ts';
import { institutions } from '../features/institutions/institutions.table.ts';
import { notify } from '../features/notifications/notifications.service.ts';
import { notificationSettings } from '../features/notifications/notifications.table.ts';
import { checkEligibility } from '../features/requests/requests.eligibility-service.ts';
import {
  requestCountries,
  requestInstitutions,
  requestLanguages,
  requestMessages,
  requests,
  requestTargetGroups,
  requestTopics,
  requestTransitions,
} from '../features/requests/requests.table.ts';
import { recordAudit } from '../kernel/audit/audit.ts';
import { hashPassword } from '../kernel/auth/password.ts';
import type { Db } from '../kernel/db/database.ts';
import { demoPortfolio } from './demo-portfolio.data.ts';
import { demoMailLanguages, demoRequests, demoRequestUsers } from './requests.data.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

async function institutionIdsByKey(tx: Db): Promise<Map<string, string>> {
  const rows = await tx.select({ id: institutions.id, name: institutions.name }).from(institutions);
  const byName = new Map(rows.map((r) => [r.name, r.id]));
  return new Map(
    demoPortfolio.institutions.flatMap((i) => {
      const id = byName.get(i.name);
      return id ? [[i.key, id] as const] : [];
    }),
  );
}

/** Loads the demo requests after the portfolio and its accounts (see load-demo.ts). */
export async function loadDemoRequests(tx: Db, password: string): Promise<void> {
  const institutionIds = await institutionIdsByKey(tx);
  const idOf = (key: string) => {
    const id = institutionIds.get(key);
    if (!id) throw new Error(`The demo requests name an unknown institution: ${key}`);
    return id;
  };
  const passwordHash = await hashPassword(password);
  await tx.insert(users).values(
    demoRequestUsers.map((user) => ({
      email: user.email,
      name: user.name,
      role: 'partner' as const,
      institutionId: idOf(user.institutionKey),
      passwordHash,
    })),
  );
  const accounts = await tx.select({ id: users.id, email: users.email }).from(users);
  const userId = (email: string) => {
    const found = accounts.find((a) => a.email === email);
    if (!found) throw new Error(`The demo requests name an unknown account: ${email}`);
    return found.id;
  };
  await tx
    .insert(notificationSettings)
    .values(
      Object.entries(demoMailLanguages).map(([email, language]) => ({ userId: userId(email), language })),
    );

  const now = Date.now();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS);
  for (const demo of demoRequests) {
    const last = demo.steps.at(-1);
    if (!last) throw new Error(`demo request ${demo.key} has no steps`);
    const submitted = demo.steps.find((s) => s.to === 'submitted');
    const decided = demo.steps.find((s) => s.to === 'approved' || s.to === 'declined');
    const [row] = await tx
      .insert(requests)
      .values({
        status: last.to,
        channel: demo.channel,
        language: demo.language,
        title: demo.title,
        thematicAreaCode: demo.thematicArea,
        problem: demo.problem,
        expectedChange: demo.expectedChange,
        preferredTiming: demo.preferredTiming,
        earlierAssistance: demo.earlierAssistance ?? '',
        assessment: demo.assessment ?? '',
        recommendation: demo.recommendation ?? null,
        decisionReason: decided?.reason ?? null,
        steeringNotes: demo.steeringNotes ?? '',
        createdBy: userId(demo.author),
        submittedAt: submitted ? at(submitted.daysAgo) : null,
        decidedAt: decided ? at(decided.daysAgo) : null,
        statusChangedAt: at(last.daysAgo),
        createdAt: at(demo.steps[0]?.daysAgo ?? 0),
        updatedAt: at(last.daysAgo),
      })
      .returning({ id: requests.id });
    if (!row) throw new Error(`demo request ${demo.key} was not inserted`);
    const requestId = row.id;
    await tx
      .insert(requestInstitutions)
      .values([
        { requestId, institutionId: idOf(demo.requesting), role: 'requesting' as const },
        ...(demo.joint ?? []).map((key) => ({ requestId, institutionId: idOf(key), role: 'joint' as const })),
      ]);
    await tx
      .insert(requestCountries)
      .values(demo.countries.map((countryCode) => ({ requestId, countryCode })));
    await tx.insert(requestTopics).values(demo.topics.map((topicCode) => ({ requestId, topicCode })));
    if (demo.targetGroups.length) {
      await tx
        .insert(requestTargetGroups)
        .values(demo.targetGroups.map((group, sortOrder) => ({ requestId, ...group, sortOrder })));
    }
    await tx
      .insert(requestLanguages)
      .values(demo.workingLanguages.map((languageCode) => ({ requestId, languageCode })));
    let from: (typeof demo.steps)[number]['to'] | null = null;
    for (const step of demo.steps) {
      await tx.insert(requestTransitions).values({
        requestId,
        fromStatus: from,
        toStatus: step.to,
        actorId: userId(step.by),
        reason: step.reason ?? null,
        createdAt: at(step.daysAgo),
      });
      if (step.to === 'clarification' && step.reason) {
        await tx.insert(requestMessages).values({
          requestId,
          authorId: userId(step.by),
          kind: 'question',
          body: step.reason,
          createdAt: at(step.daysAgo),
        });
      }
      from = step.to;
    }
    for (const message of demo.messages ?? []) {
      await tx.insert(requestMessages).values({
        requestId,
        authorId: userId(message.by),
        body: message.body,
        createdAt: at(message.daysAgo),
      });
    }
    if (demo.actionCode) {
      const [action] = await tx
        .select({ id: actions.id })
        .from(actions)
        .where(eq(actions.code, demo.actionCode));
      if (!action) throw new Error(`demo request ${demo.key} names an unknown Action ${demo.actionCode}`);
      await tx.insert(actionRequests).values({ actionId: action.id, requestId, createdAt: at(last.daysAgo) });
    }
    if (submitted) await checkEligibility(tx, requestId);
  }

  // A few unread notifications, so that the list in the header is not empty on a first look.
  const officerId = userId('officer@demo.tandem.test');
  const steeringId = userId('steering@demo.tandem.test');
  const numbered = await tx
    .select({ id: requests.id, number: requests.number, title: requests.title, status: requests.status })
    .from(requests)
    .where(and(inArray(requests.status, ['submitted', 'steering_review'])));
  const offline = { mailEnabled: false, publicUrl: undefined, afterCommit: () => {} };
  for (const request of numbered) {
    const steeringReview = request.status === 'steering_review';
    await notify(tx, offline, {
      recipients: [steeringReview ? steeringId : officerId],
      kind: steeringReview ? 'request.steering_review' : 'request.submitted',
      params: { number: request.number, title: request.title, actor: 'Olga Officer-Demo' },
      link: `/app/requests/${request.id}`,
    });
  }
  await recordAudit(tx, {
    actorId: null,
    event: 'demo.load_requests',
    entityType: 'facility',
    changes: { requests: demoRequests.length, users: demoRequestUsers.map((u) => u.email) },
  });
}
