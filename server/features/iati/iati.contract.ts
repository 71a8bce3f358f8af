import { z } from 'zod';
import { countryCode, pageOf, paginationQuery, shortCode } from '../../kernel/http/common.contract.ts';

const flag = z.enum(['true', 'false'], { error: 'must be true or false' });

export const exportQuery = z.strictObject({
  all: flag.optional().describe('true: every Action, whatever its status (admin and officer only)'),
});
export type ExportQuery = z.infer<typeof exportQuery>;

export const iatiXml = z.string().describe('An IATI 2.03 activity file (application/xml)');

export const iatiProblem = z.object({
  severity: z.enum(['error', 'warning']).describe('error: left out of the export; warning: published'),
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.string()).optional(),
});
export type IatiProblemBody = z.infer<typeof iatiProblem>;

export const problemsReport = z.object({
  generatedAt: z.string(),
  scope: z.enum(['public', 'all']),
  settings: z.object({
    reportingOrgRef: z.string(),
    reportingOrgName: z.string(),
    funderRef: z.string(),
    schemaValidation: z.boolean().describe('Whether TANDEM_IATI_SCHEMA_DIR is set'),
  }),
  checked: z.number().int(),
  included: z.number().int(),
  schema: z.enum(['valid', 'invalid', 'off']).describe('The official schema’s verdict on the export'),
  fileProblems: z.array(iatiProblem),
  actions: z
    .array(
      z.object({
        id: z.uuid(),
        code: z.string(),
        name: z.string(),
        identifier: z.string(),
        included: z.boolean(),
        problems: z.array(iatiProblem),
      }),
    )
    .describe('The Actions that have problems'),
});
export type ProblemsReport = z.infer<typeof problemsReport>;

export const importResult = z.object({
  importId: z.uuid(),
  fileName: z.string(),
  created: z.number().int(),
  updated: z.number().int(),
  activities: z.array(
    z.object({
      identifier: z.string(),
      title: z.string(),
      reportingOrg: z.string(),
      outcome: z.enum(['created', 'updated']),
    }),
  ),
  schemaValidation: z.boolean().describe('Whether the file was also checked against the official schema'),
});
export type ImportResult = z.infer<typeof importResult>;

export const externalActivityQuery = z.strictObject({
  country: countryCode.optional(),
  topic: shortCode.optional(),
  q: z.string().trim().max(200).optional(),
  ...paginationQuery,
});
export type ExternalActivityQuery = z.infer<typeof externalActivityQuery>;

const externalActivityPublic = z.object({
  id: z.uuid(),
  identifier: z.string(),
  reportingOrg: z.object({ ref: z.string().nullable(), name: z.string() }),
  title: z.string(),
  status: z.string().nullable().describe('IATI ActivityStatus code'),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  countries: z.array(z.string()),
  topics: z.array(z.string()).describe('Tandem topics the activity was matched to'),
});

export const externalActivity = externalActivityPublic.extend({
  description: z.string(),
  sectors: z.array(z.object({ vocabulary: z.string(), code: z.string(), percentage: z.number().nullable() })),
  participatingOrgs: z.array(
    z.object({ role: z.string(), ref: z.string().nullable(), type: z.string().nullable(), name: z.string() }),
  ),
  topicEvidence: z.array(z.object({ topic: z.string(), reason: z.string() })),
  importedAt: z.string(),
  sourceFile: z.string(),
});

export const externalActivityPage = pageOf(externalActivity);
export type ExternalActivityPage = z.infer<typeof externalActivityPage>;
export const publicExternalActivityPage = pageOf(externalActivityPublic);
export type PublicExternalActivityPage = z.infer<typeof publicExternalActivityPage>;
