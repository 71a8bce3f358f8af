/**
 * The next date (today included) on which a day that recurs every year on `month`/`day` falls,
 * as an ISO date. A 29 February day falls on 28 February in other years.
 */
export function nextOccurrence(month: number, day: number, today: string): string {
  const year = Number(today.slice(0, 4));
  for (const candidateYear of [year, year + 1]) {
    const candidate = isoDate(candidateYear, month, day);
    if (candidate >= today) return candidate;
  }
  return isoDate(year + 1, month, day);
}

function isoDate(year: number, month: number, day: number): string {
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(Math.min(day, lastDay))}`;
}

/** Today's date in UTC, as the server decides what is upcoming. */
export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);
