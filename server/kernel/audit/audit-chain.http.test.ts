import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { auditEvents } from './audit.table.ts';
import { recordAudit } from './audit.ts';
import { pseudonymiseAuditEvents, verifyAuditChain } from './audit-chain.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Runs statements with the table's triggers off, as someone with direct database access could. */
async function behindTheAppsBack(app: TestApp, statement: ReturnType<typeof sql>) {
  await app.database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger user`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_events enable trigger user`);
  });
}

describe('the audit chain', () => {
  it('links every event to the one before, across concurrent transactions', async () => {
    await t.signIn('officer@demo.tandem.test');
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.database.db.transaction((tx) =>
          recordAudit(tx, {
            actorId: null,
            event: 'test.concurrent',
            entityType: 'test',
            entityId: String(i),
          }),
        ),
      ),
    );
    const result = await verifyAuditChain(t.database.db);
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.events).toBeGreaterThan(30);
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.event, 'test.concurrent'));
    expect(rows).toHaveLength(30);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash ?? ''))).toBe(true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of events', async () => {
    const db = t.database.db;
    const [first] = await db.select({ id: auditEvents.id }).from(auditEvents).limit(1);
    await expect(
      db.execute(sql`update audit_events set event = 'x' where id = ${first?.id}`),
    ).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_events where id = ${first?.id}`)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_events`)).rejects.toThrow();
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('keeps the chain verifiable when personal values are pseudonymised after an erasure', async () => {
    const db = t.database.db;
    await db.transaction((tx) =>
      recordAudit(tx, {
        actorId: null,
        event: 'test.personal',
        entityType: 'person',
        entityId: 'p-1',
        changes: { name: 'Amina Diallo', email: 'amina@example.org', role: 'expert' },
      }),
    );
    const count = await db.transaction((tx) =>
      pseudonymiseAuditEvents(tx, {
        actorId: null,
        entityType: 'person',
        entityId: 'p-1',
        fields: ['name', 'email'],
      }),
    );
    expect(count).toBe(1);
    const [row] = await db.select().from(auditEvents).where(eq(auditEvents.event, 'test.personal'));
    expect(row?.changes.name).toMatch(/^erased:/);
    expect(row?.changes.role).toBe('expert');
    expect(row?.erasedAt).not.toBeNull();
    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.erased).toBe(1);
  });

  it('shows a changed event, naming the first broken one', async () => {
    const db = t.database.db;
    const [victim] = await db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(eq(auditEvents.event, 'test.concurrent'))
      .limit(1);
    await behindTheAppsBack(
      t,
      sql`update audit_events set changes = '{"forged": true}' where id = ${victim?.id}`,
    );
    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({ ok: false, brokenAt: victim?.id });
  });
});

describe('the audit chain after removals', () => {
  let u: TestApp;
  beforeAll(async () => {
    u = await createTestApp();
  });
  afterAll(() => u.close());

  it('shows an event removed from the middle and events removed at the end', async () => {
    const db = u.database.db;
    for (const i of [1, 2, 3])
      await db.transaction((tx) =>
        recordAudit(tx, { actorId: null, event: 'test.seq', entityType: 'test', entityId: String(i) }),
      );
    const ids = (
      await db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.event, 'test.seq'))
    ).map((r) => r.id);
    expect((await verifyAuditChain(u.database.db)).ok).toBe(true);
    await behindTheAppsBack(u, sql`delete from audit_events where id = ${ids[2]}`);
    const tail = await verifyAuditChain(db);
    expect(tail.ok).toBe(false);
    if (!tail.ok) expect(tail.reason).toMatch(/removed at the end/);
    await behindTheAppsBack(u, sql`delete from audit_events where id = ${ids[0]}`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: ids[1] });
  });
});
