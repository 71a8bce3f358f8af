import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/database.ts';
import { recordAudit } from './audit.ts';

/** The hash before the first event. */
export const GENESIS_HASH = '0'.repeat(64);

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A length-prefixed field, so that no two different events share a canonical form. */
const field = (value: string | null) =>
  value === null ? '-1:' : `${Buffer.byteLength(value, 'utf8')}:${value}`;

export interface ChainRow {
  id: number;
  at: string;
  actorId: string | null;
  event: string;
  entityType: string;
  entityId: string | null;
  changes: string;
  contentHash: string | null;
  prevHash: string | null;
  hash: string | null;
  erased: boolean;
}

/**
 * The hash of one event: over its id, time (UTC, microseconds), actor, event, entity and the digest of
 * its changes, and the previous hash. The database trigger computes the same (migration 0011).
 */
export function eventHash(row: Omit<ChainRow, 'changes' | 'hash' | 'erased'>): string {
  return sha256(
    field(row.prevHash) +
      field(String(row.id)) +
      field(row.at) +
      field(row.actorId) +
      field(row.event) +
      field(row.entityType) +
      field(row.entityId) +
      field(row.contentHash),
  );
}

export type VerifyResult =
  | { ok: true; events: number; erased: number }
  | { ok: false; events: number; brokenAt: number | null; reason: string };

const BATCH = 2000;

/**
 * Walks the chain in id order and recomputes every hash here, independently of the database's
 * trigger: a row changed, inserted or removed behind the application's back breaks it.
 */
export async function verifyAuditChain(db: Db): Promise<VerifyResult> {
  let previous = GENESIS_HASH;
  let lastId = 0;
  let events = 0;
  let erased = 0;
  for (;;) {
    const rows = await queryRows<Record<string, unknown>>(
      db,
      sql`
      select id::text as id,
             to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
             actor_id::text as actor_id, event, entity_type, entity_id,
             changes::text as changes, content_hash, prev_hash, hash, erased_at is not null as erased
        from audit_events where audit_events.id > ${lastId} order by audit_events.id limit ${BATCH}`,
    );
    for (const raw of rows) {
      const row: ChainRow = {
        id: Number(raw.id),
        at: String(raw.at),
        actorId: (raw.actor_id as string | null) ?? null,
        event: String(raw.event),
        entityType: String(raw.entity_type),
        entityId: (raw.entity_id as string | null) ?? null,
        changes: String(raw.changes),
        contentHash: (raw.content_hash as string | null) ?? null,
        prevHash: (raw.prev_hash as string | null) ?? null,
        hash: (raw.hash as string | null) ?? null,
        erased: raw.erased === true,
      };
      events++;
      if (row.erased) erased++;
      const broken = (reason: string): VerifyResult => ({ ok: false, events, brokenAt: row.id, reason });
      if (row.prevHash !== previous)
        return broken('its previous hash is not the hash of the event before it');
      if (!row.erased && sha256(row.changes) !== row.contentHash)
        return broken('its changes are not the ones it was written with');
      if (eventHash(row) !== row.hash) return broken('its hash does not match its content');
      previous = row.hash;
      lastId = row.id;
    }
    if (rows.length < BATCH) break;
  }
  const [headRow] = await queryRows<Record<string, unknown>>(
    db,
    sql`select last_id::text as last_id, hash from audit_chain_head where singleton = 1`,
  );
  if (!headRow || Number(headRow.last_id) !== lastId || headRow.hash !== previous) {
    return {
      ok: false,
      events,
      brokenAt: lastId || null,
      reason: `the chain ends at event ${lastId}, but the head says ${String(headRow?.last_id ?? 'nothing')}: events were removed at the end`,
    };
  }
  return { ok: true, events, erased };
}

/**
 * The erasure path: replaces the named personal values in the changes of the events about one
 * record with a pseudonym. The chain stays verifiable (it covers the digest of the changes as first
 * written, kept in content_hash), and the erasure is itself an event.
 */
export async function pseudonymiseAuditEvents(
  tx: Db,
  input: { actorId: string | null; entityType: string; entityId: string; fields: string[] },
): Promise<number> {
  if (input.fields.length === 0) return 0;
  const pseudonym = `erased:${sha256(`${input.entityType}:${input.entityId}`).slice(0, 12)}`;
  const fields = sql`array[${sql.join(
    input.fields.map((f) => sql`${f}`),
    sql`, `,
  )}]::text[]`;
  await tx.execute(sql`select set_config('tandem.audit_erasure', 'on', true)`);
  const replaced = await queryRows<Record<string, unknown>>(
    tx,
    sql`
    update audit_events
       set changes = (select coalesce(jsonb_object_agg(key,
                        case when key = any(${fields}) then to_jsonb(${pseudonym}::text) else value end), '{}'::jsonb)
                        from jsonb_each(changes)),
           erased_at = now()
     where (entity_type = ${input.entityType} and entity_id = ${input.entityId})
       and changes ?| ${fields}
     returning id`,
  );
  await tx.execute(sql`select set_config('tandem.audit_erasure', 'off', true)`);
  const count = replaced.length;
  await recordAudit(tx, {
    actorId: input.actorId,
    event: 'audit.pseudonymise',
    entityType: input.entityType,
    entityId: input.entityId,
    changes: { fields: input.fields, events: count },
  });
  return count;
}
