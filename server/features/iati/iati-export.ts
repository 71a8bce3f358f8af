import type { Db } from '../../kernel/db/database.ts';
import type { IatiConfig } from './iati.config.ts';
import { buildActivity } from './iati-activity.build.ts';
import type { IatiActivity } from './iati-activity.model.ts';
import { type ActionSource, type ExportScope, loadActionBatches } from './iati-export.loader.ts';
import { checkActivity, hasErrors, type IatiProblem } from './iati-problems.ts';
import { IatiXmlWriter } from './iati-xml.writer.ts';

/** What the export did with one Action; `lines` is where its activity sits in the file. */
export interface ExportedAction {
  action: ActionSource;
  activity: IatiActivity;
  problems: IatiProblem[];
  included: boolean;
  lines: { first: number; last: number } | null;
}

export interface ExportOptions {
  now?: Date;
  /** Told about every Action, written or left out (the problems list listens here). */
  onAction?: (exported: ExportedAction) => void;
  /** Where the Actions come from; the benchmark's floor passes them from memory. */
  batches?: AsyncIterable<ActionSource[]> | Iterable<ActionSource[]>;
}

const newlines = (text: string) => {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
};

/**
 * The IATI activity file of a scope, as text chunks: one per activity, produced as the consumer
 * reads, from one batch of Actions at a time. Actions whose activity has an error are left out, so
 * that the file stays valid; a closing comment says how many and where to see why.
 */
export async function* exportActivitiesXml(
  db: Db,
  scope: ExportScope,
  config: IatiConfig,
  options: ExportOptions = {},
): AsyncGenerator<string> {
  const now = options.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const writer = new IatiXmlWriter();
  let line = 1;
  let leftOut = 0;
  // Line numbers are counted only for a listener (the problems list points schema errors at them).
  const emit = (text: string) => {
    if (options.onAction) line += newlines(text);
    return text;
  };
  yield emit(writer.start(now));
  for await (const batch of options.batches ?? loadActionBatches(db, scope)) {
    for (const action of batch) {
      const activity = buildActivity(action, config);
      const problems = checkActivity(activity, today);
      const included = !hasErrors(problems);
      let lines: ExportedAction['lines'] = null;
      if (included) {
        const first = line + 1;
        const text = emit(writer.activity(activity));
        lines = { first, last: line };
        options.onAction?.({ action, activity, problems, included, lines });
        yield text;
      } else {
        leftOut++;
        options.onAction?.({ action, activity, problems, included, lines });
      }
    }
  }
  if (leftOut > 0) {
    yield emit(
      writer.comment(
        `${leftOut} Action(s) left out because of problems that would make this file invalid; see GET /api/iati/problems`,
      ),
    );
  }
  yield emit(writer.end());
}
