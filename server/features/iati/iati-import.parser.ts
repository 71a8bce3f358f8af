import { type SaxesAttributeNS, SaxesParser, type SaxesTagNS } from 'saxes';
import type { ForeignText } from './iati.table.ts';

/** What Tandem keeps of another publisher's activity, as read from the file. */
export interface ParsedActivity {
  line: number;
  identifiers: string[];
  lastUpdated: string | null;
  reportingOrgs: { ref: string | null; type: string | null; name: ForeignText }[];
  titles: ForeignText[];
  descriptions: { type: string; text: ForeignText }[];
  statuses: string[];
  dates: { type: string; isoDate: string; line: number }[];
  countries: { code: string; percentage: string | null; line: number }[];
  sectors: { vocabulary: string; code: string; percentage: string | null; line: number }[];
  participatingOrgs: { role: string; ref: string | null; type: string | null; name: ForeignText }[];
  tags: { vocabulary: string; code: string }[];
}

export interface ParsedFile {
  root: string | null;
  version: string | null;
  activities: ParsedActivity[];
  /** The first well-formedness error, if the file is not XML. */
  syntaxError: { line: number; message: string } | null;
}

/** Elements whose narratives Tandem keeps, and where they go. */
type TextTarget = { text: ForeignText };

const attr = (tag: SaxesTagNS, name: string): string | null => {
  const attribute = tag.attributes[name] as SaxesAttributeNS | undefined;
  // Extension attributes live in other namespaces; only the standard's own (no namespace) count.
  return attribute && (attribute.uri === '' || name === 'xml:lang') ? attribute.value.trim() : null;
};

const emptyActivity = (line: number): ParsedActivity => ({
  line,
  identifiers: [],
  lastUpdated: null,
  reportingOrgs: [],
  titles: [],
  descriptions: [],
  statuses: [],
  dates: [],
  countries: [],
  sectors: [],
  participatingOrgs: [],
  tags: [],
});

/**
 * Reads an IATI activity file with a streaming, non-validating parser that never fetches or expands
 * external entities. Elements of other namespaces (extensions) are skipped with their content.
 */
export function parseIatiFile(xml: string): ParsedFile {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const file: ParsedFile = { root: null, version: null, activities: [], syntaxError: null };
  const path: string[] = [];
  let foreignDepth = 0;
  let activity: ParsedActivity | null = null;
  let activityLang = '';
  let narrativeTarget: TextTarget | null = null;
  let narrativeLang = '';
  let text = '';

  parser.on('error', (error) => {
    file.syntaxError ??= { line: parser.line, message: error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '') };
  });

  parser.on('opentag', (tag) => {
    if (foreignDepth > 0 || tag.uri !== '') {
      foreignDepth++;
      return;
    }
    const name = tag.local;
    const parent = path[path.length - 1];
    path.push(name);
    text = '';
    if (path.length === 1) {
      file.root = name;
      file.version = attr(tag, 'version');
      return;
    }
    if (name === 'iati-activity' && path.length === 2) {
      activity = emptyActivity(parser.line);
      activityLang = attr(tag, 'xml:lang') ?? '';
      activity.lastUpdated = attr(tag, 'last-updated-datetime');
      file.activities.push(activity);
      return;
    }
    if (!activity) return;
    const line = parser.line;
    if (path.length === 3) {
      const code = attr(tag, 'code') ?? '';
      const percentage = attr(tag, 'percentage');
      switch (name) {
        case 'reporting-org':
          activity.reportingOrgs.push({ ref: attr(tag, 'ref'), type: attr(tag, 'type'), name: {} });
          break;
        case 'title':
          activity.titles.push({});
          break;
        case 'description':
          activity.descriptions.push({ type: attr(tag, 'type') ?? '1', text: {} });
          break;
        case 'participating-org':
          activity.participatingOrgs.push({
            role: attr(tag, 'role') ?? '',
            ref: attr(tag, 'ref'),
            type: attr(tag, 'type'),
            name: {},
          });
          break;
        case 'activity-status':
          activity.statuses.push(code);
          break;
        case 'activity-date':
          activity.dates.push({ type: attr(tag, 'type') ?? '', isoDate: attr(tag, 'iso-date') ?? '', line });
          break;
        case 'recipient-country':
          activity.countries.push({ code: code.toUpperCase(), percentage, line });
          break;
        case 'sector':
          activity.sectors.push({ vocabulary: attr(tag, 'vocabulary') ?? '1', code, percentage, line });
          break;
        case 'tag':
          activity.tags.push({ vocabulary: attr(tag, 'vocabulary') ?? '', code });
          break;
      }
      return;
    }
    if (name === 'narrative' && path.length === 4) {
      narrativeTarget = narrativeOwner(activity, parent);
      narrativeLang = attr(tag, 'xml:lang') ?? activityLang;
    }
  });

  parser.on('text', (chunk) => {
    if (foreignDepth === 0) text += chunk;
  });
  parser.on('cdata', (chunk) => {
    if (foreignDepth === 0) text += chunk;
  });

  parser.on('closetag', () => {
    if (foreignDepth > 0) {
      foreignDepth--;
      return;
    }
    const name = path.pop();
    const content = text.trim();
    text = '';
    if (!activity) return;
    if (name === 'iati-identifier' && path.length === 2) activity.identifiers.push(content);
    else if (name === 'narrative' && narrativeTarget) {
      const lang = (narrativeLang || 'und').toLowerCase();
      // Two narratives in one language: keep them both, as one text.
      if (content) {
        narrativeTarget.text[lang] = narrativeTarget.text[lang]
          ? `${narrativeTarget.text[lang]}\n${content}`
          : content;
      }
      narrativeTarget = null;
    } else if (name === 'iati-activity' && path.length === 1) activity = null;
  });

  try {
    parser.write(xml).close();
  } catch (error) {
    file.syntaxError ??= {
      line: parser.line,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  return file;
}

/** The text a narrative belongs to: the last element of its kind opened in the activity. */
function narrativeOwner(activity: ParsedActivity, parent: string | undefined): TextTarget | null {
  const last = <T>(list: T[]) => list[list.length - 1];
  switch (parent) {
    case 'title': {
      const title = last(activity.titles);
      return title ? { text: title } : null;
    }
    case 'description':
      return last(activity.descriptions) ?? null;
    case 'reporting-org': {
      const org = last(activity.reportingOrgs);
      return org ? { text: org.name } : null;
    }
    case 'participating-org': {
      const org = last(activity.participatingOrgs);
      return org ? { text: org.name } : null;
    }
    default:
      return null;
  }
}
