import { DrizzleQueryError } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { logSafeError, withoutQueryValues } from './log-serializers.ts';

const NAME = 'Abena Owusu-Mensah';
const EMAIL = 'abena.owusu@example.test';

function refusedInsert() {
  const refused = new pg.DatabaseError(
    'duplicate key value violates unique constraint "people_email_key"',
    120,
    'error',
  );
  Object.assign(refused, {
    code: '23505',
    detail: `Key (email)=(${EMAIL}) already exists.`,
    constraint: 'people_email_key',
    table: 'people',
  });
  return refused;
}

/** What the log would hold, as the JSON line pino writes. */
const logged = (error: unknown) => JSON.stringify(logSafeError(error));

describe('requests as the log writes them', () => {
  it('keeps the path and the names of the query parameters, not their values', () => {
    expect(withoutQueryValues('/api/experts?q=Ana%20Ruiz&page=2')).toBe('/api/experts?q&page');
    expect(withoutQueryValues('/api/experts?q=a=b&&flag')).toBe('/api/experts?q&flag');
    expect(withoutQueryValues('/api/actions')).toBe('/api/actions');
    expect(withoutQueryValues('/api/actions?')).toBe('/api/actions?');
  });
});

describe('errors as the log writes them', () => {
  it('keeps a failed statement and why it failed, not the values it was sent with', () => {
    const query = 'insert into "people" ("full_name", "email") values ($1, $2)';
    const error = new DrizzleQueryError(query, [NAME, EMAIL], refusedInsert());
    // Without the serializer, the values are in the message, the stack and the fields.
    expect(JSON.stringify({ message: error.message, stack: error.stack, params: error.params })).toContain(
      EMAIL,
    );

    const line = logged(error);
    expect(line).not.toContain(EMAIL);
    expect(line).not.toContain('Owusu');
    const entry = logSafeError(error) as unknown as Record<string, string>;
    expect(entry.type).toBe('DrizzleQueryError');
    expect(entry.query).toBe(query);
    expect(entry.message).toContain(query);
    expect(entry.message).toContain('violates unique constraint "people_email_key"');
    expect(entry.stack).toContain('caused by: error: duplicate key value');
    expect(entry.stack).toMatch(/\n {4}at /);
  });

  it("keeps a database error's code, constraint and table, not the row it quotes", () => {
    const entry = logSafeError(refusedInsert()) as unknown as Record<string, string>;
    expect(entry).toMatchObject({ code: '23505', constraint: 'people_email_key', table: 'people' });
    expect(entry.detail).toBeUndefined();
    expect(JSON.stringify(entry)).not.toContain(EMAIL);
  });

  it('leaves every other error as it is', () => {
    const error = Object.assign(new Error('the mail server refused the message'), { statusCode: 502 });
    const entry = logSafeError(error) as unknown as Record<string, unknown>;
    expect(entry).toMatchObject({
      type: 'Error',
      message: 'the mail server refused the message',
      stack: error.stack,
      statusCode: 502,
    });
    expect(logSafeError('not an error')).toBe('not an error');
  });
});
