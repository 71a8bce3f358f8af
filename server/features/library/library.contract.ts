import { z } from 'zod';
import { countryCode, languageCode, shortCode } from '../../kernel/http/common.contract.ts';
import { deliverableTypes } from '../deliverables/deliverables.values.ts';

export const LIBRARY_PAGE_SIZE = 10;
/**
 * The newest matches in scope ranked by relevance, and what a search counts to ("more than" beyond);
 * beyond them a search is told to narrow down.
 */
export const LIBRARY_CANDIDATES = 100;
/** The newest matches of a search within which the reader's scope, the filters and phrases are checked. */
export const LIBRARY_MATCHES = 1000;
/** The list without words is counted up to this; more are announced as "more than". */
export const LIBRARY_COUNT_CAP = 1000;

/** Practical notes, aide-mémoires and procedures: what officers and shelter staff keep at hand. */
export const FIELD_GUIDE_TYPES = ['practical_notes', 'standard_operating_procedures', 'protocol'] as const;

export const libraryQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  type: z.enum(deliverableTypes).optional(),
  topic: shortCode.optional(),
  country: countryCode.optional(),
  language: languageCode.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});
export type LibraryQuery = z.infer<typeof libraryQuery>;

/** A piece of a snippet; `mark` where it matches the words searched for. */
export const snippetPart = z.object({ text: z.string(), mark: z.boolean() });

export const libraryItem = z.object({
  id: z.uuid(),
  title: z.string(),
  summary: z.string(),
  type: z.string(),
  typeName: z.string(),
  language: z.string().describe('ISO 639-1 code of the document'),
  publishedOn: z.string().describe('ISO 8601 date'),
  action: z.object({ id: z.uuid(), name: z.string() }),
  snippet: z.array(snippetPart).describe('Where the words searched for occur in the text; empty without q'),
  downloadUrl: z.string().nullable().describe('Null when the deliverable has no file'),
  fieldGuide: z.boolean().describe('Practical notes, SOPs and protocols, which can be saved to read offline'),
  textAvailable: z.boolean().describe('False when no text could be read from the file'),
});
export type LibraryItem = z.infer<typeof libraryItem>;

export const libraryPage = z.object({
  items: z.array(libraryItem),
  total: z
    .number()
    .int()
    .describe(`Matches, counted up to ${LIBRARY_CANDIDATES} with q, up to ${LIBRARY_COUNT_CAP} without`),
  totalIsLowerBound: z.boolean().describe('True when there are more matches than `total`'),
  order: z.enum(['relevance', 'recency']),
  rankedWithin: z
    .number()
    .int()
    .nullable()
    .describe('With q: the number of newest matches that were ranked by relevance'),
  page: z.number().int(),
  pageSize: z.number().int(),
  years: z.array(z.number().int()).describe('Years of publication the filter offers, newest first'),
  types: z
    .array(z.object({ code: z.string(), name: z.string() }))
    .describe('The deliverable types the filter offers, named in the reader’s language'),
});
export type LibraryPage = z.infer<typeof libraryPage>;

/** One public document to read on the page (and offline): its text as paragraphs. */
export const libraryDocument = libraryItem.omit({ snippet: true }).extend({
  paragraphs: z.array(z.string()),
});
export type LibraryDocument = z.infer<typeof libraryDocument>;

export const fieldGuideList = z.object({ items: z.array(libraryItem) });
export type FieldGuideList = z.infer<typeof fieldGuideList>;
