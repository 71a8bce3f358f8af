import { Readable } from 'node:stream';
import { type Actor, requireRole } from '../../kernel/auth/actor.ts';
import type { Db } from '../../kernel/db/database.ts';
import { EXAMPLE_ORG_REF, type IatiConfig } from './iati.config.ts';
import type { ExportQuery, ProblemsReport } from './iati.contract.ts';
import { activityIdentifier } from './iati-activity.build.ts';
import type { ExportScope } from './iati-export.loader.ts';
import { type ExportedAction, exportActivitiesXml } from './iati-export.ts';
import type { IatiProblem } from './iati-problems.ts';
import { activitySchemaFile, type SchemaError, validateAgainstSchema } from './xsd-validation.ts';

/** Who publishes and checks IATI data: the facility's programme staff. */
export const IATI_STAFF = ['admin', 'officer'] as const;

/** Everyone gets the public Actions; staff may ask for all of them. */
function scopeOf(actor: Actor | null, query: ExportQuery): ExportScope {
  if (query.all !== 'true') return 'public';
  requireRole(actor, IATI_STAFF);
  return 'all';
}

/** The size of the pieces the export is sent in. */
export const EXPORT_CHUNK_CHARS = 64 * 1024;

/**
 * Activities (about 6 kB each) joined into pieces of about 64 kB: each piece written costs the same
 * whatever its size (a write to the gzip stream and its round trip, a socket write), and one piece
 * per activity spent more time there than in compressing (see docs/decisions/045).
 */
async function* inPieces(texts: AsyncIterable<string>, size = EXPORT_CHUNK_CHARS): AsyncGenerator<string> {
  let piece = '';
  for await (const text of texts) {
    piece += text;
    if (piece.length >= size) {
      yield piece;
      piece = '';
    }
  }
  if (piece) yield piece;
}

/** The export as a stream: produced as the client reads it, two batches of Actions in memory. */
export function exportStream(db: Db, config: IatiConfig, actor: Actor | null, query: ExportQuery): Readable {
  const scope = scopeOf(actor, query);
  return Readable.from(inPieces(exportActivitiesXml(db, scope, config)), { objectMode: false });
}

function fileProblems(config: IatiConfig, included: number): IatiProblem[] {
  const problems: IatiProblem[] = [];
  if (config.orgRef === EXAMPLE_ORG_REF) {
    problems.push({
      severity: 'warning',
      code: 'EXAMPLE_ORG_REF',
      message: `The reporting organisation identifier is the example ${EXAMPLE_ORG_REF}: set TANDEM_IATI_ORG_REF to the facility's registered IATI identifier before publishing`,
      params: { ref: EXAMPLE_ORG_REF },
    });
  }
  if (included === 0) {
    problems.push({
      severity: 'error',
      code: 'NO_ACTIVITIES',
      message: 'The file holds no activity; the schema requires at least one',
    });
  }
  return problems;
}

/** What the report keeps of each checked Action: no texts, so memory grows with the problems. */
interface Checked {
  id: string;
  code: string;
  name: string;
  included: boolean;
  lines: ExportedAction['lines'];
  problems: IatiProblem[];
}

const slim = ({ action, included, lines, problems }: ExportedAction): Checked => ({
  id: action.id,
  code: action.code,
  name: action.name,
  included,
  lines,
  problems,
});

/** Schema errors belong to the Action whose lines they point at, or to the file. */
function assignSchemaErrors(errors: SchemaError[], checked: Checked[], file: IatiProblem[]) {
  for (const error of errors) {
    const line = error.line;
    const owner =
      line === null
        ? undefined
        : checked.find((c) => c.lines && c.lines.first <= line && line <= c.lines.last);
    const problem: IatiProblem = {
      severity: 'error',
      code: 'SCHEMA',
      message: error.line === null ? error.message : `Line ${error.line}: ${error.message}`,
      params: { detail: error.message },
    };
    (owner ? owner.problems : file).push(problem);
  }
}

/**
 * Builds the export exactly as it would be published, checks every activity, and (when the schema
 * folder is configured) pipes the file through the official schema; answers the problems per Action.
 */
export async function problemsReport(
  db: Db,
  config: IatiConfig,
  actor: Actor | null,
  query: ExportQuery,
): Promise<ProblemsReport> {
  requireRole(actor, IATI_STAFF);
  const scope = scopeOf(actor, query);
  const now = new Date();
  const checked: Checked[] = [];
  const xml = exportActivitiesXml(db, scope, config, { now, onAction: (e) => checked.push(slim(e)) });
  let schema: ProblemsReport['schema'] = 'off';
  const file: IatiProblem[] = [];
  if (config.schemaDir) {
    const result = await validateAgainstSchema(activitySchemaFile(config.schemaDir), xml);
    schema = result.valid ? 'valid' : 'invalid';
    assignSchemaErrors(result.errors, checked, file);
  } else {
    for await (const _ of xml);
  }
  const included = checked.filter((c) => c.included).length;
  return {
    generatedAt: now.toISOString(),
    scope,
    settings: {
      reportingOrgRef: config.orgRef,
      reportingOrgName: config.orgName,
      funderRef: config.funderRef,
      schemaValidation: Boolean(config.schemaDir),
    },
    checked: checked.length,
    included,
    schema,
    fileProblems: [...fileProblems(config, included), ...file],
    actions: checked
      .filter((c) => c.problems.length > 0)
      .map(({ lines: _lines, ...c }) => ({ ...c, identifier: activityIdentifier(config, c.id) })),
  };
}
