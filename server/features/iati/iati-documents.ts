import type { PublishedDocument } from '../deliverables/deliverables.for-iati.ts';
import { narratives } from './iati-activity.build.ts';
import type { DocumentLink } from './iati-activity.model.ts';

/** DocumentCategory A08: results, outcomes and outputs, which is what a deliverable is. */
export const DELIVERABLE_DOCUMENT_CATEGORY = 'A08';

/**
 * FileFormat codes for the files Tandem stores: their IANA media types, all in the codelist; an
 * older Office file (a compound file, application/x-cfb) is published as application/msword.
 */
const fileFormats: Record<string, string> = {
  'application/pdf': 'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/x-cfb': 'application/msword',
};

/** ISO 639-1 codes only: the Language codelist has no three-letter codes. */
const isoLanguage = (code: string) => /^[a-z]{2}$/.test(code);

/**
 * A published deliverable as an IATI document link. Its URL is the public download's path; the
 * builder makes it absolute with the address the export is published at.
 */
export function documentLink(document: PublishedDocument): DocumentLink {
  const description = narratives(document.summary);
  return {
    url: document.path,
    format: fileFormats[document.mediaType ?? ''] ?? 'application/octet-stream',
    title: narratives(document.title),
    ...(description.length ? { description } : {}),
    categories: [DELIVERABLE_DOCUMENT_CATEGORY],
    languages: [...new Set(document.languages.filter(isoLanguage))],
    documentDate: document.publishedOn,
  };
}
