import fc from 'fast-check';
import { exampleBody } from './example-body.ts';

/** Text that has broken other systems: injection, traversal, control and unusual unicode, odd dates. */
const nastyText = fc.constantFrom(
  "' OR '1'='1' --",
  '"; DROP TABLE actions; --',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: text that looks like a template is the point
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '\u0000',
  '\uD800',
  '\u202Eevil\u202C',
  'é'.normalize('NFD'),
  '𝕿𝖆𝖓𝖉𝖊𝖒',
  'تاندم',
  ' ',
  '',
  '9999-99-99',
  '2026-02-30',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '=HYPERLINK("http://x")',
  'null',
  'NaN',
  '-1',
);

const strangeNumber = fc.constantFrom(-1, 0, -0, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308);

/** One hostile value of any JSON type. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyText,
  strangeNumber,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ minLength: 20_000, maxLength: 20_000 }).map((s) => s || 'x'.repeat(20_000)),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A value nested far deeper than any contract allows. */
const deeplyNested = fc
  .integer({ min: 100, max: 400 })
  .map((depth) => JSON.parse(`${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`) as unknown);

/** A body for a route: its valid example broken in one place, or something else entirely. */
export function hostileBody(schema: unknown): fc.Arbitrary<unknown> {
  const example = (schema ? exampleBody(schema) : undefined) ?? {};
  const fields =
    example && typeof example === 'object' && !Array.isArray(example) ? Object.keys(example) : [];
  const broken: fc.Arbitrary<unknown>[] = [
    hostileValue,
    deeplyNested,
    fc.record({ extra: hostileValue }).map((extra) => ({ ...(example as object), ...extra })),
  ];
  if (fields.length > 0) {
    const field = fc.constantFrom(...fields);
    broken.push(
      fc.tuple(field, hostileValue).map(([name, value]) => ({ ...(example as object), [name]: value })),
      field.map((name) => {
        const { [name]: _dropped, ...rest } = example as Record<string, unknown>;
        return rest;
      }),
    );
  }
  return fc.oneof(...broken);
}

/** Query strings with known and unknown keys set to hostile text. */
export function hostileQuery(keys: string[]): fc.Arbitrary<Record<string, string>> {
  const key =
    keys.length > 0 ? fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 10 })) : fc.string();
  return fc.dictionary(key, fc.oneof(nastyText, fc.string({ maxLength: 30 }), strangeNumber.map(String)), {
    maxKeys: 3,
  });
}

/** A path parameter: hostile text, a well-formed id of nothing, or a very long segment. */
export const hostileParam = fc.oneof(
  nastyText,
  fc.uuid(),
  fc.string({ maxLength: 20 }),
  fc.constant('a'.repeat(500)),
);

/** How the body is sent: as JSON, as broken JSON, as multipart with no file, as plain text. */
export const hostileEncoding = fc.constantFrom('json', 'broken-json', 'multipart', 'text');
