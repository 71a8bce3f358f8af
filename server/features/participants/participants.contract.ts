import { z } from 'zod';
import { isoDate } from '../../kernel/http/common.contract.ts';
import { ageBands, lawfulBases, participationRoles, positionLevels, sexes } from './participants.values.ts';

export const sex = z.enum(sexes);
export const ageBand = z.enum(ageBands);
export const positionLevel = z.enum(positionLevels);
export const participationRole = z.enum(participationRoles);
export const lawfulBasis = z.enum(lawfulBases);

const text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

/** Who a person is, as an officer or a partner enters it. */
export const personInput = z
  .strictObject({
    fullName: text(200),
    /** One of the facility's institutions... */
    institutionId: z.uuid({ error: 'must be a UUID' }).nullish(),
    /** ...or, for another institution, its name. */
    institutionName: optionalText(300),
    sex,
    ageBand: ageBand.nullish(),
    positionLevel,
    position: optionalText(200),
    email: z.email({ error: 'must be an e-mail address' }).max(254).nullish().or(z.literal('')),
    phone: optionalText(50),
    lawfulBasis,
    consentTextVersion: optionalText(50),
    consentGivenOn: isoDate.nullish(),
  })
  .superRefine((value, ctx) => {
    if (value.lawfulBasis === 'consent') {
      if (!value.consentTextVersion) {
        ctx.addIssue({
          code: 'custom',
          path: ['consentTextVersion'],
          message: 'say which version of the consent text the person was shown',
        });
      }
      if (!value.consentGivenOn) {
        ctx.addIssue({ code: 'custom', path: ['consentGivenOn'], message: 'say when consent was given' });
      }
    }
  });
export type PersonInput = z.infer<typeof personInput>;

/**
 * Registers someone for an activity. A new person (`person`) is checked for duplicates by name and
 * institution: if others match, the answer is 409 with the candidates, unless the caller confirms it
 * is someone new (`confirmNew`) or names the existing person (`existingPersonId`).
 */
export const registrationInput = z
  .strictObject({
    role: participationRole.default('participant'),
    person: personInput.optional(),
    existingPersonId: z.uuid({ error: 'must be a UUID' }).optional(),
    confirmNew: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    if (!value.person && !value.existingPersonId) {
      ctx.addIssue({
        code: 'custom',
        path: ['person'],
        message: 'give the person, or an existing person’s id',
      });
    }
  });
export type RegistrationInput = z.infer<typeof registrationInput>;

export const duplicateQuery = z.strictObject({
  fullName: text(200),
  institutionId: z.uuid({ error: 'must be a UUID' }).nullish(),
  institutionName: optionalText(300),
});

export const personDetail = z.object({
  id: z.uuid(),
  fullName: z.string(),
  institutionId: z.uuid().nullable(),
  institutionName: z.string().nullable(),
  sex,
  ageBand: ageBand.nullable(),
  positionLevel,
  position: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  lawfulBasis,
  consentTextVersion: z.string().nullable(),
  consentGivenOn: z.string().nullable(),
  lawfulBasisRecordedAt: z.string().nullable(),
  lawfulBasisRecordedBy: z.string().nullable().describe('The name of who recorded it'),
  pseudonymised: z.boolean(),
  erased: z.boolean(),
  version: z.number().int(),
});
export type PersonDetail = z.infer<typeof personDetail>;

export const duplicateCandidate = z.object({
  id: z.uuid(),
  fullName: z.string(),
  institutionName: z.string(),
  positionLevel,
  sex,
  activityCount: z.number().int(),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidate>;

export const duplicateAnswer = z.object({
  error: z.object({
    code: z.literal('PARTICIPANT_POSSIBLE_DUPLICATE'),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
  candidates: z.array(duplicateCandidate),
});

export const duplicateList = z.object({ candidates: z.array(duplicateCandidate) });

export const participationItem = z.object({
  id: z.uuid(),
  role: participationRole,
  person: personDetail.extend({ institutionLabel: z.string() }),
  /** Days of the activity with a recorded attendance (YYYY-MM-DD → present). */
  attendance: z.record(z.string(), z.boolean()),
  daysPresent: z.number().int(),
  version: z.number().int(),
});
export type ParticipationItem = z.infer<typeof participationItem>;

const countsOf = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<T[number], z.ZodNumber>);

export const registerAggregate = z.object({
  total: z.number().int(),
  bySex: countsOf(sexes),
  byRole: countsOf(participationRoles),
  byPositionLevel: countsOf(positionLevels),
});
export type RegisterAggregate = z.infer<typeof registerAggregate>;

export const participantRegister = z.object({
  activityId: z.uuid(),
  days: z.array(z.string()).describe('Every day of the activity, start to end'),
  hoursPerDay: z.number(),
  registerVersion: z.number().int(),
  /** Whether the caller sees names (staff; a partner for its own institution's people). */
  seesNames: z.boolean(),
  /** Whether the caller may register people and record attendance. */
  canRegister: z.boolean(),
  /** Counts over the whole register, whoever the caller is. */
  aggregate: registerAggregate,
  /** The participations whose names the caller may see. */
  items: z.array(participationItem),
});
export type ParticipantRegister = z.infer<typeof participantRegister>;

export const participationPatch = z.strictObject({ role: participationRole });

export const personPatch = personInput;

export const attendanceInput = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        participationId: z.uuid({ error: 'must be a UUID' }),
        day: isoDate,
        present: z.boolean(),
      }),
    )
    .min(1)
    .max(5000),
});
export type AttendanceInput = z.infer<typeof attendanceInput>;

export const registerSettingsInput = z.strictObject({
  hoursPerDay: z.number().min(0.5).max(24),
});

export const importMode = z.enum(['check', 'all', 'valid-only']);
export type ImportMode = z.infer<typeof importMode>;

export const importQuery = z.strictObject({
  mode: importMode
    .default('check')
    .describe('check: report only; all: import if every row is valid; valid-only: import the valid rows'),
});

export const importProblem = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblem>;

export const importReport = z.object({
  mode: importMode,
  rows: z.number().int().describe('Data rows read'),
  validRows: z.number().int(),
  problems: z.array(importProblem),
  /** Rows that name a person already on record (same name and institution): they are linked to it. */
  matchedExisting: z.array(z.object({ row: z.number().int(), personId: z.uuid(), fullName: z.string() })),
  imported: z.number().int().describe('Participations created (0 for check)'),
  written: z.boolean(),
});
export type ImportReport = z.infer<typeof importReport>;

export const templateQuery = z.strictObject({
  lang: z.enum(['en', 'fr', 'es', 'pt', 'ar']).optional(),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});

export const erasureInput = z.strictObject({
  reason: text(1000),
});

export const retentionSetting = z.object({
  years: z.number().int().nullable().describe('Years after an activity ends; null: no retention rule'),
  version: z.number().int().describe('The rule’s version, also its ETag; 0 while no rule was ever set'),
});
export const retentionInput = z.strictObject({
  years: z.number().int().min(1).max(50).nullable(),
});

export const retentionRunQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export const retentionReport = z.object({
  dryRun: z.boolean(),
  years: z.number().int().nullable(),
  cutoff: z.string().nullable().describe('People whose last activity ended before this day'),
  people: z.array(z.object({ id: z.uuid(), lastActivityEnd: z.string() })),
  pseudonymised: z.number().int(),
});
export type RetentionReport = z.infer<typeof retentionReport>;

export const personExport = z.object({
  exportedAt: z.string(),
  person: personDetail,
  participations: z.array(
    z.object({
      activityId: z.uuid(),
      activityTitle: z.string(),
      actionName: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      role: participationRole,
      attendance: z.array(z.object({ day: z.string(), present: z.boolean() })),
    }),
  ),
});
export type PersonExport = z.infer<typeof personExport>;
