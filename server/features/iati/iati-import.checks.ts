import type { ParsedActivity, ParsedFile } from './iati-import.parser.ts';

export interface ImportProblem {
  line: number | null;
  message: string;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (value: string) => isoDate.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
const decimal = /^\d+(\.\d+)?$/;

function checkPercentage(value: string | null, line: number, what: string): ImportProblem[] {
  if (value === null || value === '') return [];
  if (!decimal.test(value) || Number(value) > 100) {
    return [{ line, message: `${what}: percentage "${value}" is not a number from 0 to 100` }];
  }
  return [];
}

function checkActivity(a: ParsedActivity): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const at = (message: string, line = a.line) => problems.push({ line, message });
  const id = a.identifiers[0];
  const which = id ? `activity ${id}` : 'an <iati-activity>';
  if (a.identifiers.length === 0) at(`${which} has no <iati-identifier>`);
  if (a.identifiers.length > 1)
    at(`${which} has ${a.identifiers.length} <iati-identifier> elements; it may have one`);
  if (a.reportingOrgs.length !== 1) {
    at(`${which} has ${a.reportingOrgs.length} <reporting-org> elements; it must have exactly one`);
  }
  if (a.titles.length !== 1) at(`${which} has ${a.titles.length} <title> elements; it must have exactly one`);
  else if (Object.keys(a.titles[0] ?? {}).length === 0)
    at(`${which}: its <title> has no <narrative> with text`);
  if (a.statuses.length > 1)
    at(`${which} has ${a.statuses.length} <activity-status> elements; it may have one`);
  for (const date of a.dates) {
    if (!validDate(date.isoDate)) {
      at(`${which}: activity-date iso-date "${date.isoDate}" is not a date (YYYY-MM-DD)`, date.line);
    }
  }
  for (const country of a.countries) {
    if (!/^[A-Z]{2}$/.test(country.code)) {
      at(`${which}: recipient-country "${country.code}" is not an ISO 3166-1 alpha-2 code`, country.line);
    }
    problems.push(
      ...checkPercentage(country.percentage, country.line, `${which}, recipient-country ${country.code}`),
    );
  }
  for (const sector of a.sectors) {
    if (!sector.code) at(`${which}: a <sector> has no code`, sector.line);
    problems.push(...checkPercentage(sector.percentage, sector.line, `${which}, sector ${sector.code}`));
  }
  return problems;
}

/**
 * Tandem's own checks of an imported file, whether or not the official schema is configured: what
 * the tables need to hold the activities faithfully, and what would make "re-import updates" ambiguous.
 */
export function checkParsedFile(file: ParsedFile): ImportProblem[] {
  if (file.syntaxError) {
    return [
      {
        line: file.syntaxError.line,
        message: `The file is not well-formed XML: ${file.syntaxError.message}`,
      },
    ];
  }
  if (file.root !== 'iati-activities') {
    return [
      {
        line: 1,
        message: `The root element is <${file.root ?? 'none'}>, not <iati-activities>: this is not an IATI activity file`,
      },
    ];
  }
  const problems: ImportProblem[] = [];
  if (!file.version) problems.push({ line: 1, message: '<iati-activities> needs the attribute version' });
  if (file.activities.length === 0)
    problems.push({ line: null, message: 'The file holds no <iati-activity>' });
  const seen = new Map<string, number>();
  for (const activity of file.activities) {
    problems.push(...checkActivity(activity));
    const id = activity.identifiers[0];
    if (!id) continue;
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({
        line: activity.line,
        message: `activity ${id} appears twice (first at line ${first})`,
      });
    } else seen.set(id, activity.line);
  }
  return problems;
}
