import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/audit.ts';
import { type Actor, isStaff, requireRole } from '../../kernel/auth/actor.ts';
import { type KeptRead, listKey } from '../../kernel/cache/kept-list.ts';
import { type Db, pageOf } from '../../kernel/db/database.ts';
import { AppError, type FieldProblem, notFound } from '../../kernel/errors.ts';
import { findStoredFile, presentFile } from '../../kernel/files/files.service.ts';
import { staleVersion } from '../../kernel/http/versioning.ts';
import { type Language, pickText } from '../../kernel/localized.ts';
import { users } from '../auth/auth.table.ts';
import { countries, regions, topics } from '../taxonomy/taxonomy.table.ts';
import { deployments } from './deployments.table.ts';
import type {
  ExpertDetail,
  ExpertInput,
  ExpertListItem,
  ExpertListQuery,
  ExpertPage,
  ExpertPatch,
} from './experts.contract.ts';
import {
  countExperts,
  deploymentsCount,
  expertTags,
  expertWhere,
  selectDeploymentHistory,
  selectExpertExperience,
  selectExperts,
} from './experts.queries.ts';
import {
  expertAvailability,
  expertCountries,
  expertLanguages,
  expertRegions,
  expertSkillRows,
  experts,
  expertTopics,
} from './experts.table.ts';

const STAFF = ['admin', 'officer'] as const;
/** Who may read the roster: staff fully, steering members without contact data. */
const ROSTER_READERS = ['admin', 'officer', 'steering'] as const;

type ExpertRow = typeof experts.$inferSelect;
type ExpertTags = Pick<Awaited<ReturnType<typeof selectExperts>>[number], keyof typeof expertTags>;

function present(row: ExpertRow, deploymentCount: number, tags: ExpertTags): ExpertListItem {
  return {
    id: row.id,
    fullName: row.fullName,
    gender: row.gender,
    administration: row.administration,
    countryCode: row.countryCode,
    publicSectorStatus: row.publicSectorStatus,
    languages: tags.languages,
    topics: tags.topics,
    skills: tags.skills,
    deployments: deploymentCount,
    feedback: {
      count: row.feedbackCount,
      average: row.feedbackCount ? Math.round((row.feedbackScoreSum / row.feedbackCount) * 10) / 10 : null,
    },
  };
}

/** The roster, filtered and paginated (staff and steering); as a read the route may keep. */
export function expertListRead(db: Db, actor: Actor | null, query: ExpertListQuery): KeptRead<ExpertPage> {
  requireRole(actor, ROSTER_READERS);
  const { page, pageSize, ...filters } = query;
  const where = expertWhere(filters);
  return {
    key: listKey('experts', where, page, pageSize),
    read: async () => {
      const [rows, total] = await Promise.all([
        pageOf(selectExperts(db, where), page, pageSize),
        countExperts(db, where),
      ]);
      return { items: rows.map((r) => present(r.expert, r.deployments, r)), total, page, pageSize };
    },
  };
}

export async function getExpert(
  db: Db,
  actor: Actor | null,
  id: string,
  lang: Language,
): Promise<ExpertDetail> {
  const reader = requireRole(actor, ROSTER_READERS);
  const [found] = await db
    .select({ expert: experts, deployments: deploymentsCount, ...expertTags })
    .from(experts)
    .where(eq(experts.id, id));
  if (!found) throw notFound('Expert');
  const { expert } = found;
  const [experience, history, cv] = await Promise.all([
    selectExpertExperience(db, id),
    selectDeploymentHistory(db, eq(deployments.expertId, id)),
    expert.cvFileId ? findStoredFile(db, expert.cvFileId) : null,
  ]);
  const contact = isStaff(reader);
  return {
    ...present(expert, found.deployments, found),
    email: contact ? expert.email : null,
    phone: contact ? expert.phone : null,
    cv: contact && cv ? presentFile(cv) : null,
    contactHidden: !contact,
    nationality: expert.nationality,
    nominatedBy: expert.nominatedBy,
    experienceCountries: experience.countries.map((c) => c.code),
    experienceRegions: experience.regions.map((r) => r.code),
    availability: experience.windows,
    conflictOfInterest: expert.conflictOfInterest,
    conflictDeclaredOn: expert.conflictDeclaredOn,
    hasAccount: expert.userId !== null,
    deploymentHistory: history.map(({ activityTitle, score, comment, ...d }) => ({
      ...d,
      activityTitle: pickText(activityTitle, lang),
      feedback: score === null ? null : { score, comment: comment ?? '' },
    })),
    version: expert.version,
  };
}

/** Codes that must exist in the taxonomies: a wrong one is the caller's mistake (400), not ours. */
async function checkCodes(tx: Db, input: ExpertPatch) {
  const problems: FieldProblem[] = [];
  const missing = async (
    field: string,
    given: string[],
    table: typeof topics | typeof regions | typeof countries,
  ) => {
    if (given.length === 0) return;
    const found = await tx.select({ code: table.code }).from(table).where(inArray(table.code, given));
    const known = new Set(found.map((f) => f.code.trim()));
    for (const code of given)
      if (!known.has(code)) problems.push({ field, message: `"${code}" is not a known code` });
  };
  await missing('topics', input.topics ?? [], topics);
  await missing('experienceRegions', input.experienceRegions ?? [], regions);
  const countryCodes = [
    ...(input.experienceCountries ?? []),
    ...(input.countryCode ? [input.countryCode] : []),
    ...(input.nationality ? [input.nationality] : []),
  ];
  await missing('countries', countryCodes, countries);
  if (problems.length)
    throw new AppError('VALIDATION_FAILED', problems[0]?.message ?? 'Unknown code', problems);
}

async function accountOf(tx: Db, email: string | null | undefined, expertId: string | null) {
  if (email === undefined) return undefined;
  if (email === null) return null;
  const [user] = await tx
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(eq(users.email, email.toLowerCase()));
  if (user?.role !== 'expert') {
    throw new AppError('VALIDATION_FAILED', `No expert account has the e-mail ${email}`, [
      { field: 'accountEmail', message: 'is not the e-mail of an expert account' },
    ]);
  }
  const [taken] = await tx
    .select({ id: experts.id })
    .from(experts)
    .where(and(eq(experts.userId, user.id), expertId ? ne(experts.id, expertId) : undefined));
  if (taken) throw new AppError('CONFLICT', `The account ${email} is already linked to another expert`);
  return user.id;
}

async function replaceRelations(tx: Db, expertId: string, input: ExpertPatch) {
  const unique = <T>(items: T[]) => [...new Set(items)];
  if (input.languages) {
    await tx.delete(expertLanguages).where(eq(expertLanguages.expertId, expertId));
    const byLanguage = new Map(input.languages.map((l) => [l.language, l.level]));
    const rows = [...byLanguage].map(([language, level]) => ({ expertId, language, level }));
    if (rows.length) await tx.insert(expertLanguages).values(rows);
  }
  if (input.topics) {
    await tx.delete(expertTopics).where(eq(expertTopics.expertId, expertId));
    const rows = unique(input.topics).map((topicCode) => ({ expertId, topicCode }));
    if (rows.length) await tx.insert(expertTopics).values(rows);
  }
  if (input.skills) {
    await tx.delete(expertSkillRows).where(eq(expertSkillRows.expertId, expertId));
    const rows = unique(input.skills).map((skill) => ({ expertId, skill }));
    if (rows.length) await tx.insert(expertSkillRows).values(rows);
  }
  if (input.experienceCountries) {
    await tx.delete(expertCountries).where(eq(expertCountries.expertId, expertId));
    const rows = unique(input.experienceCountries).map((countryCode) => ({ expertId, countryCode }));
    if (rows.length) await tx.insert(expertCountries).values(rows);
  }
  if (input.experienceRegions) {
    await tx.delete(expertRegions).where(eq(expertRegions.expertId, expertId));
    const rows = unique(input.experienceRegions).map((regionCode) => ({ expertId, regionCode }));
    if (rows.length) await tx.insert(expertRegions).values(rows);
  }
  if (input.availability) {
    await tx.delete(expertAvailability).where(eq(expertAvailability.expertId, expertId));
    const rows = input.availability.map((window) => ({ expertId, ...window }));
    if (rows.length) await tx.insert(expertAvailability).values(rows);
  }
}

/** The fields stored on the expert's own row (the rest are relations). */
const columnKeys = [
  'fullName',
  'gender',
  'email',
  'phone',
  'administration',
  'countryCode',
  'nationality',
  'publicSectorStatus',
  'nominatedBy',
  'conflictOfInterest',
  'conflictDeclaredOn',
] as const;
type ProfileColumns = Pick<ExpertInput, (typeof columnKeys)[number]>;

function profileColumns(input: ExpertPatch): Partial<ProfileColumns> {
  return Object.fromEntries(
    columnKeys.filter((key) => input[key] !== undefined).map((key) => [key, input[key]]),
  );
}

export async function createExpert(db: Db, actor: Actor | null, input: ExpertInput, lang: Language) {
  const id = await db.transaction(async (tx) => {
    const staff = requireRole(actor, STAFF);
    await checkCodes(tx, input);
    const userId = await accountOf(tx, input.accountEmail, null);
    const [row] = await tx
      .insert(experts)
      .values({ ...(profileColumns(input) as ProfileColumns), userId: userId ?? null })
      .returning({ id: experts.id });
    if (!row) throw new Error('the expert was not inserted');
    await replaceRelations(tx, row.id, input);
    await recordAudit(tx, {
      actorId: staff.id,
      event: 'expert.create',
      entityType: 'expert',
      entityId: row.id,
      // Personal data stays out of the audit log: which fields were set, not their values.
      changes: { fields: Object.keys(input) },
    });
    return row.id;
  });
  return getExpert(db, actor, id, lang);
}

export async function updateExpert(
  db: Db,
  actor: Actor | null,
  id: string,
  expectedVersion: number,
  patch: ExpertPatch,
  lang: Language,
) {
  await db.transaction(async (tx) => {
    const staff = requireRole(actor, STAFF);
    const [current] = await tx.select().from(experts).where(eq(experts.id, id)).for('update');
    if (!current) throw notFound('Expert');
    if (current.version !== expectedVersion) throw staleVersion('The expert', current.version);
    await checkCodes(tx, patch);
    const userId = await accountOf(tx, patch.accountEmail, id);
    await tx
      .update(experts)
      .set({
        ...profileColumns(patch),
        ...(userId !== undefined ? { userId } : {}),
        version: sql`${experts.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(experts.id, id), eq(experts.version, expectedVersion)));
    await replaceRelations(tx, id, patch);
    await recordAudit(tx, {
      actorId: staff.id,
      event: 'expert.update',
      entityType: 'expert',
      entityId: id,
      changes: { fields: Object.keys(patch) },
    });
  });
  return getExpert(db, actor, id, lang);
}
