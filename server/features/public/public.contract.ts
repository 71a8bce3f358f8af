import { z } from 'zod';
import { countryCode, pageOf, paginationQuery, shortCode } from '../../kernel/http/common.contract.ts';
import { actionStatus, institutionRef } from '../actions/actions.contract.ts';

/** Public statuses: design is partner-scoped, cancelled and suspended Actions are not shown. */
export const publicStatusFilter = z.enum(['ongoing', 'completed']);

export const publicActionListQuery = z.strictObject({
  status: publicStatusFilter.optional(),
  topic: shortCode.optional(),
  region: shortCode.optional(),
  country: countryCode.optional(),
  q: z.string().trim().max(200).optional(),
  ...paginationQuery,
});

export const publicActionItem = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  title: z.string(),
  summary: z.string(),
  status: actionStatus,
  countries: z.array(z.string()),
  regions: z.array(z.string()),
  topics: z.array(z.string()),
  requestingInstitution: institutionRef.nullable(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
});
export type PublicActionItem = z.infer<typeof publicActionItem>;
export const publicActionPage = pageOf(publicActionItem);
export type PublicActionPage = z.infer<typeof publicActionPage>;

/** A deliverable published for general consultation (handbook, guidelines, SOP...), as the public sees it. */
export const publicDeliverable = z.object({
  id: z.uuid(),
  title: z.string(),
  type: z.string().describe('Deliverable type code, e.g. `handbook`'),
  typeName: z.string(),
  language: z.string().describe('ISO 639-1 code of the document'),
  publishedOn: z.string().describe('ISO 8601 date'),
  downloadUrl: z.string(),
});
export type PublicDeliverable = z.infer<typeof publicDeliverable>;

/** A published resource in a list across Actions: the deliverable and the Action that produced it. */
export const publicResource = publicDeliverable.extend({
  action: z.object({ id: z.uuid(), name: z.string() }),
});
export type PublicResource = z.infer<typeof publicResource>;
export const publicResourceList = z.object({ items: z.array(publicResource) });
export type PublicResourceList = z.infer<typeof publicResourceList>;
export const publicResourceQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(5),
});

export const publicActionDetail = publicActionItem.extend({
  institutions: z.array(institutionRef.extend({ role: z.enum(['requesting', 'beneficiary']) })),
  topicNames: z.array(z.object({ code: z.string(), name: z.string() })),
  pillars: z.array(z.object({ code: z.string(), name: z.string() })),
  approaches: z.array(z.object({ code: z.string(), name: z.string() })),
  partners: z.array(z.object({ name: z.string(), acronym: z.string().nullable() })),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  activitiesByType: z
    .array(z.object({ type: z.string(), name: z.string(), count: z.number().int() }))
    .describe('Activities held, by type; empty until the workspace publishes activities'),
  expertCountries: z
    .array(z.string())
    .describe('ISO 3166-1 alpha-2 codes of the countries the experts came from; never names'),
  publishedDeliverables: z.array(publicDeliverable),
});
export type PublicActionDetail = z.infer<typeof publicActionDetail>;

export const publicStats = z.object({
  ongoingActions: z.number().int(),
  countries: z.number().int().describe('Distinct countries with an ongoing Action'),
  activitiesHeld: z.number().int().describe('Activities held on public Actions'),
  expertsDeployed: z.number().int().describe('Expert deployments on public Actions'),
  topics: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      count: z.number().int(),
      share: z.number().describe('Fraction of ongoing Actions: 0.2 for a fifth'),
    }),
  ),
  regions: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      ongoingActions: z.number().int(),
      countries: z.number().int(),
    }),
  ),
});
export type PublicStats = z.infer<typeof publicStats>;

const named = z.object({ code: z.string(), name: z.string() });

/** Ongoing Actions per country, for the map and its table. */
export const publicCountryFigures = z.object({
  ongoingActions: z.number().int(),
  countries: z.array(
    z.object({ code: z.string(), regionCode: z.string(), ongoingActions: z.number().int() }),
  ),
});
export type PublicCountryFigures = z.infer<typeof publicCountryFigures>;

export const topicParam = z.strictObject({ code: shortCode });

/** A topic's page: its share of the ongoing Actions, the 4Ps they work on, one highlight per Action. */
export const publicTopicPage = z.object({
  code: z.string(),
  name: z.string(),
  thematicArea: named,
  ongoingActions: z.number().int().describe('Ongoing Actions on this topic'),
  allOngoingActions: z.number().int(),
  share: z.number().describe('Fraction of all ongoing Actions'),
  countries: z.number().int(),
  pillars: z.array(named.extend({ ongoingActions: z.number().int() })),
  highlights: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      title: z.string(),
      countries: z.array(z.string()),
      requestingInstitution: institutionRef.nullable(),
      pillars: z.array(named),
    }),
  ),
});
export type PublicTopicPage = z.infer<typeof publicTopicPage>;

export const regionParam = z.strictObject({ code: shortCode });

/** A region's page: its figures, its countries with ongoing Actions, and those Actions. */
export const publicRegionPage = z.object({
  code: z.string(),
  name: z.string(),
  ongoingActions: z.number().int(),
  countries: z.number().int().describe('Countries of the region with an ongoing Action'),
  activitiesHeld: z.number().int(),
  expertsDeployed: z.number().int(),
  countryFigures: z.array(z.object({ code: z.string(), ongoingActions: z.number().int() })),
  actions: z.array(publicActionItem),
});
export type PublicRegionPage = z.infer<typeof publicRegionPage>;
