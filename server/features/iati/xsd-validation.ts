import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface SchemaError {
  /** Line in the document, when xmllint names one. */
  line: number | null;
  /** What is wrong, in words a person can act on. */
  message: string;
}

export interface SchemaResult {
  valid: boolean;
  errors: SchemaError[];
}

/** The activity schema in a configured folder (iati-common.xsd and xml.xsd must sit beside it). */
export function activitySchemaFile(schemaDir: string): string {
  const file = path.join(schemaDir, 'iati-activities-schema.xsd');
  if (!existsSync(file)) {
    throw new Error(`TANDEM_IATI_SCHEMA_DIR has no iati-activities-schema.xsd: ${schemaDir}`);
  }
  return file;
}

const MAX_ERRORS = 200;

/**
 * Validates a document against an XSD with libxml2's xmllint (Debian: libxml2-utils). The document
 * is piped in as it is produced and read by xmllint in streaming mode, so neither process holds a
 * large file whole. `--nonet` keeps a document from making xmllint fetch anything.
 */
export async function validateAgainstSchema(
  schemaFile: string,
  document: AsyncIterable<string | Buffer> | Buffer,
): Promise<SchemaResult> {
  const child = spawn('xmllint', ['--noout', '--nonet', '--stream', '--schema', schemaFile, '-'], {
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < 1_000_000) stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error('XSD validation needs xmllint (Debian and Ubuntu: apt-get install libxml2-utils)')
          : error,
      ),
    );
    child.once('close', resolve);
  });
  // A closed pipe (xmllint gave up early) is not an error of ours: its exit code tells the result.
  child.stdin.on('error', () => {});
  try {
    if (Buffer.isBuffer(document)) child.stdin.end(document);
    else {
      for await (const chunk of document) {
        if (child.stdin.destroyed) break;
        if (!child.stdin.write(chunk)) await Promise.race([once(child.stdin, 'drain'), exited]);
      }
      child.stdin.end();
    }
  } catch (error) {
    child.kill();
    throw error;
  }
  const code = await exited;
  const errors = parseXmllintOutput(stderr);
  // 0: valid; 3 and 4: invalid document or schema errors; 1: not well-formed.
  if (code === 0) return { valid: true, errors: [] };
  if (errors.length === 0) errors.push({ line: null, message: `xmllint failed (exit ${code})` });
  return { valid: false, errors: errors.slice(0, MAX_ERRORS) };
}

/** xmllint writes `-:8: element title: Schemas validity error : Element 'title': ...`. */
export function parseXmllintOutput(output: string): SchemaError[] {
  const errors: SchemaError[] = [];
  for (const line of output.split('\n')) {
    if (!line.trim() || /\b(validates|fails to validate)$/.test(line.trim())) continue;
    const match = /^[^:]*:(\d+): (?:element [^:]+: )?(?:[^:]*error )?: ?(.*)$/.exec(line);
    if (match) errors.push({ line: Number(match[1]), message: readableSchemaMessage(match[2] ?? '') });
    else if (!/^\s|^\^|^-$/.test(line) && /error/i.test(line)) {
      errors.push({ line: null, message: readableSchemaMessage(line) });
    }
  }
  return errors;
}

const expected = (list: string) =>
  list
    .replace(/[()]/g, '')
    .split(',')
    .map((name) => (name.trim().startsWith('##other') ? 'an extension element' : `<${name.trim()}>`))
    .join(', ');

/** libxml2's schema messages, rephrased for the person who has to fix the file. */
export function readableSchemaMessage(raw: string): string {
  const message = raw.trim();
  let m = /^Element '([^']+)': Missing child element\(s\)\. Expected is (?:one of )?\((.*)\)\.?$/.exec(
    message,
  );
  if (m) return `<${m[1]}> lacks a required child element: ${expected(m[2] ?? '')}`;
  m = /^Element '([^']+)': This element is not expected\.(?: Expected is (?:one of )?\((.*)\))?\.?$/.exec(
    message,
  );
  if (m) {
    return m[2]
      ? `<${m[1]}> is not allowed here (in this position, or this many times); expected ${expected(m[2])}`
      : `<${m[1]}> is not allowed here (in this position, or this many times)`;
  }
  m = /^Element '([^']+)': The attribute '([^']+)' is required but missing\.?$/.exec(message);
  if (m) return `<${m[1]}> needs the attribute ${m[2]}`;
  m = /^Element '([^']+)', attribute '([^']+)': The attribute '[^']+' is not allowed\.?$/.exec(message);
  if (m) return `<${m[1]}> may not carry the attribute ${m[2]} (extensions need a namespace of their own)`;
  m =
    /^Element '([^']+)', attribute '([^']+)': '([^']*)' is not a valid value of the atomic type '(?:xs:)?([^']+)'\.?$/.exec(
      message,
    );
  if (m) return `<${m[1]}> attribute ${m[2]}: "${m[3]}" is not a valid ${typeName(m[4] ?? '')}`;
  m = /^Element '([^']+)': '([^']*)' is not a valid value of the atomic type '(?:xs:)?([^']+)'\.?$/.exec(
    message,
  );
  if (m) return `<${m[1]}>: "${m[2]}" is not a valid ${typeName(m[3] ?? '')}`;
  m = /^Element '([^']+)': Character content other than whitespace is not allowed.*$/.exec(message);
  if (m) return `<${m[1]}> may not contain text, only elements and attributes`;
  m = /^Element '([^']+)': No matching global declaration available for the validation root\.?$/.exec(
    message,
  );
  if (m) return `<${m[1]}> is not an IATI activity file's root element (expected <iati-activities>)`;
  m = /^Element '([^']+)': Element content is not allowed, because the content type is a simple type.*$/.exec(
    message,
  );
  if (m) return `<${m[1]}> may not contain elements`;
  return message.replace(/^Schemas validity error : /, '');
}

function typeName(type: string): string {
  const names: Record<string, string> = {
    date: 'date (YYYY-MM-DD)',
    dateTime: 'date and time (YYYY-MM-DDThh:mm:ss)',
    decimal: 'decimal number',
    boolean: 'boolean (true, false, 1 or 0)',
    positiveInteger: 'positive whole number',
    nonNegativeInteger: 'whole number of zero or more',
    anyURI: 'URI',
  };
  return names[type] ?? `value of type ${type}`;
}
