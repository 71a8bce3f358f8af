import { z } from 'zod';

type JsonSchema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  default?: unknown;
};

/** Strings that satisfy the patterns the contracts use: codes, languages, dates, colours. */
const CANDIDATES = ['GH', 'en', 'thb', '2026-01-01', 'a@example.org', 'x', 'ABC', '1', 'a1', '123456'];

function exampleString(schema: JsonSchema): string {
  const fits = (value: string) =>
    value.length >= (schema.minLength ?? 0) &&
    value.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY) &&
    (!schema.pattern || new RegExp(schema.pattern, 'u').test(value));
  const byFormat: Record<string, string> = {
    uuid: '00000000-0000-4000-8000-000000000000',
    email: 'someone@example.org',
    date: '2026-01-01',
    'date-time': '2026-01-01T00:00:00.000Z',
    uri: 'https://example.org/',
  };
  const formatted = schema.format ? byFormat[schema.format] : undefined;
  if (formatted !== undefined) return formatted;
  const candidate = CANDIDATES.find(fits);
  if (candidate) return candidate;
  return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
}

function exampleOf(schema: JsonSchema, allProperties = false): unknown {
  if ('const' in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const first = alternatives.find((a) => a.type !== 'null') ?? alternatives[0];
    return first ? exampleOf(first, allProperties) : null;
  }
  if (schema.allOf?.[0]) return exampleOf(schema.allOf[0], allProperties);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return exampleString(schema);
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => exampleOf(schema.items ?? {}, allProperties));
    case 'object': {
      const body: Record<string, unknown> = {};
      const names = allProperties ? Object.keys(schema.properties ?? {}) : (schema.required ?? []);
      for (const name of names) body[name] = exampleOf(schema.properties?.[name] ?? {}, allProperties);
      return body;
    }
    default:
      return null;
  }
}

/**
 * The smallest body that a route's Zod schema accepts (required fields only), so a test can get
 * past validation to the rule behind it; undefined when no simple example satisfies the schema.
 */
export function exampleBody(schema: unknown): unknown {
  const zod = schema as z.ZodType;
  const json = z.toJSONSchema(zod, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  // Required fields alone, else every field at every depth (an update must change at least one).
  return [exampleOf(json), exampleOf(json, true)].find((example) => zod.safeParse(example).success);
}
