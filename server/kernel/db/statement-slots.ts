import type { SQL } from 'drizzle-orm';
import { type Db, queryRows } from './database.ts';

/**
 * A bound on how many tasks run at once; the others wait their turn, first come, first served.
 * A task that fails frees its place as one that succeeds does.
 */
export class Slots {
  #free: number;
  readonly #waiting: Array<() => void> = [];

  constructor(size: number) {
    this.#free = size;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free -= 1;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await task();
    } finally {
      // The place passes straight to the next in line, so no newcomer can take it in between.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free += 1;
    }
  }
}

/**
 * The reports' statements (the dashboard's charts, the portfolio results' counts) in this process:
 * a cold report runs them side by side to answer sooner, but never on more than three of the pool's
 * ten connections, so that the pages of every other reader still find one (decision 112).
 */
const reportingSlots = new Slots(3);

/** One statement of a report, run when one of the reports' places is free (`queryRows` otherwise). */
export function queryReportRows<T>(db: Db, statement: SQL): Promise<T[]> {
  return reportingSlots.run(() => queryRows<T>(db, statement));
}
