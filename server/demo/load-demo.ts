import {
  actionApproaches,
  actionCountries,
  actionInstitutions,
  actionPartners,
  actionPillars,
  actions,
  actionTopics,
} from '../features/actions/actions.table.ts';
import { users } from '../features/auth/auth.table.ts';
import {
  institutionMemberCountries,
  institutions,
  partnerOrganisations,
} from '../features/institutions/institutions.table.ts';
import { recordAudit } from '../kernel/audit/audit.ts';
import { hashPassword } from '../kernel/auth/password.ts';
import type { Db } from '../kernel/db/database.ts';
import type { FileStorage } from '../kernel/files/file-storage.ts';
import { demoPortfolio } from './demo-portfolio.data.ts';
import { loadDemoEvents } from './events.data.ts';
import { loadLibraryDemo } from './library.load.ts';
import { loadDemoRequests } from './load-demo-requests.ts';
import { loadDemoParticipants } from './participants.load.ts';
import { loadResultsDemo } from './results.load.ts';
import { loadWorkspaceDemo } from './workspace.load.ts';

/** The password of every demo account; demo accounts exist only in demo mode. */
export const DEMO_PASSWORD = 'tandem-demo-password';

function idOf(ids: Map<string, string>, key: string, what: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`The demo data names an unknown ${what}: ${key}`);
  return id;
}

/** Loads the demo facility (institutions, partners, Actions) and the demo accounts. */
export async function loadDemoPortfolio(tx: Db, storage: FileStorage): Promise<void> {
  const institutionIds = new Map<string, string>();
  for (const { key, memberCountries, ...institution } of demoPortfolio.institutions) {
    const [row] = await tx.insert(institutions).values(institution).returning({ id: institutions.id });
    if (!row) throw new Error(`institution ${key} was not inserted`);
    institutionIds.set(key, row.id);
    if (memberCountries?.length) {
      await tx
        .insert(institutionMemberCountries)
        .values(memberCountries.map((countryCode) => ({ institutionId: row.id, countryCode })));
    }
  }

  const partnerIds = new Map<string, string>();
  for (const { key, ...partner } of demoPortfolio.partners) {
    const [row] = await tx
      .insert(partnerOrganisations)
      .values(partner)
      .returning({ id: partnerOrganisations.id });
    if (row) partnerIds.set(key, row.id);
  }

  for (const demo of demoPortfolio.actions) {
    const { countries, requesting, beneficiaries, topics, pillars, approaches, partners, ...fields } = demo;
    const [row] = await tx.insert(actions).values(fields).returning({ id: actions.id });
    if (!row) throw new Error(`action ${demo.code} was not inserted`);
    const actionId = row.id;
    await tx.insert(actionCountries).values(countries.map((countryCode) => ({ actionId, countryCode })));
    await tx.insert(actionInstitutions).values([
      ...requesting.map((key) => ({
        actionId,
        institutionId: idOf(institutionIds, key, 'institution'),
        role: 'requesting' as const,
      })),
      ...beneficiaries.map((key) => ({
        actionId,
        institutionId: idOf(institutionIds, key, 'institution'),
        role: 'beneficiary' as const,
      })),
    ]);
    if (topics.length)
      await tx.insert(actionTopics).values(topics.map((topicCode) => ({ actionId, topicCode })));
    if (pillars.length)
      await tx.insert(actionPillars).values(pillars.map((pillarCode) => ({ actionId, pillarCode })));
    if (approaches.length) {
      await tx
        .insert(actionApproaches)
        .values(approaches.map((approachCode) => ({ actionId, approachCode })));
    }
    if (partners.length) {
      await tx
        .insert(actionPartners)
        .values(partners.map((key) => ({ actionId, partnerId: idOf(partnerIds, key, 'partner') })));
    }
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await tx.insert(users).values(
    demoPortfolio.users.map((user) => ({
      email: user.email,
      name: user.name,
      role: user.role,
      institutionId: user.institutionKey ? idOf(institutionIds, user.institutionKey, 'institution') : null,
      passwordHash,
    })),
  );

  await loadDemoRequests(tx, DEMO_PASSWORD);
  await loadDemoEvents(tx);

  await recordAudit(tx, {
    actorId: null,
    event: 'demo.load',
    entityType: 'facility',
    changes: {
      institutions: demoPortfolio.institutions.length,
      actions: demoPortfolio.actions.length,
      users: demoPortfolio.users.map((u) => u.email),
    },
  });
  await loadWorkspaceDemo(tx, storage);
  await loadDemoParticipants(tx);
  await loadResultsDemo(tx, storage);
  await loadLibraryDemo(tx, storage);
}
