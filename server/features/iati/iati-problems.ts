import { dateType } from './iati.codes.ts';
import type { IatiActivity } from './iati-activity.model.ts';
import { sumOfPercentages } from './iati-shares.ts';

/**
 * An error leaves the Action out of the export (the file would break the schema or the standard's
 * rules); a warning is published but should be fixed. `code` lets the web app say it in the reader's
 * language, `params` fills its blanks; `message` is the English text for API users.
 */
export interface IatiProblem {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  params?: Record<string, string>;
}

const error = (code: string, message: string, params?: Record<string, string>): IatiProblem => ({
  severity: 'error',
  code,
  message,
  params,
});
const warning = (code: string, message: string, params?: Record<string, string>): IatiProblem => ({
  severity: 'warning',
  code,
  message,
  params,
});

const dateOf = (a: IatiActivity, type: string) => a.dates.find((d) => d.type === type)?.isoDate;

function checkTexts(a: IatiActivity): IatiProblem[] {
  const problems: IatiProblem[] = [];
  if (a.title.length === 0) {
    problems.push(error('TITLE_WITHOUT_NARRATIVE', 'The title has no text in any language'));
  }
  if (a.descriptions.every((d) => d.narratives.length === 0)) {
    problems.push(error('DESCRIPTION_WITHOUT_NARRATIVE', 'The summary has no text in any language'));
  }
  return problems;
}

function checkDates(a: IatiActivity, today: string): IatiProblem[] {
  if (a.dates.length === 0) {
    return [error('NO_DATES', 'The Action has no planned or actual date; IATI needs at least a start date')];
  }
  const problems: IatiProblem[] = [];
  const plannedStart = dateOf(a, dateType.plannedStart);
  const actualStart = dateOf(a, dateType.actualStart);
  const plannedEnd = dateOf(a, dateType.plannedEnd);
  const actualEnd = dateOf(a, dateType.actualEnd);
  if (!plannedStart && !actualStart)
    problems.push(warning('NO_START_DATE', 'No planned or actual start date'));
  if (!plannedEnd && !actualEnd) problems.push(warning('NO_END_DATE', 'No planned or actual end date'));
  // Implementation, finalisation and closed activities have started; closed ones have ended.
  if (['2', '3', '4'].includes(a.status) && !actualStart) {
    problems.push(warning('NO_ACTUAL_START', 'The Action is under way or over but has no actual start date'));
  }
  if (a.status === '4' && !actualEnd) {
    problems.push(warning('NO_ACTUAL_END', 'The Action is completed but has no actual end date'));
  }
  for (const [date, which] of [
    [actualStart, 'start'],
    [actualEnd, 'end'],
  ] as const) {
    if (date && date > today) {
      problems.push(
        warning('ACTUAL_DATE_IN_FUTURE', `The actual ${which} date ${date} is in the future`, {
          which,
          date,
        }),
      );
    }
  }
  for (const [start, end, which] of [
    [plannedStart, plannedEnd, 'planned'],
    [actualStart, actualEnd, 'actual'],
  ] as const) {
    if (start && end && end < start) {
      problems.push(
        warning('END_BEFORE_START', `The ${which} end ${end} is before the ${which} start ${start}`, {
          which,
          start,
          end,
        }),
      );
    }
  }
  return problems;
}

function checkShares(a: IatiActivity): IatiProblem[] {
  const problems: IatiProblem[] = [];
  const recipients = [...a.recipientCountries, ...a.recipientRegions];
  if (recipients.length === 0) {
    problems.push(
      warning('NO_RECIPIENT', 'No recipient country: the Action names no country outside the EU'),
    );
  } else {
    const total = sumOfPercentages(recipients.map((r) => r.percentage ?? 0));
    if (total !== 100) {
      problems.push(
        error('RECIPIENT_PERCENTAGES', `Recipient percentages add up to ${total}, not 100`, {
          total: String(total),
        }),
      );
    }
  }
  const vocabularies = new Set(a.sectors.map((s) => s.vocabulary ?? '1'));
  for (const vocabulary of vocabularies) {
    const total = sumOfPercentages(
      a.sectors.filter((s) => (s.vocabulary ?? '1') === vocabulary).map((s) => s.percentage ?? 0),
    );
    if (total !== 100) {
      problems.push(
        error(
          'SECTOR_PERCENTAGES',
          `Sector percentages (vocabulary ${vocabulary}) add up to ${total}, not 100`,
          {
            vocabulary,
            total: String(total),
          },
        ),
      );
    }
  }
  return problems;
}

/** What is wrong with one activity as Tandem would publish it. `today` is an ISO date. */
export function checkActivity(activity: IatiActivity, today: string): IatiProblem[] {
  return [...checkTexts(activity), ...checkDates(activity, today), ...checkShares(activity)];
}

export const hasErrors = (problems: IatiProblem[]) => problems.some((p) => p.severity === 'error');
