import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from './database.ts';

/**
 * A logical backup written by Tandem itself, the same for PGlite and PostgreSQL (so a backup of the
 * embedded database restores into PostgreSQL and back): gzip'd JSON lines, a header naming the
 * migrations it was taken at, then one line per table and one per row (`row_to_json`). Restore
 * loads it into a freshly migrated database of the same migrations.
 */
export const BACKUP_FORMAT = 'tandem-backup/1';

type Row = Record<string, unknown>;
const ident = (name: string) => sql.raw(`"${name.replaceAll('"', '""')}"`);

/** The tables of the public schema, parents before children (by foreign keys). */
export async function tablesInLoadOrder(db: Db): Promise<string[]> {
  const tables = (
    await queryRows<Row>(
      db,
      sql`select tablename from pg_tables where schemaname = 'public' order by tablename`,
    )
  ).map((r) => String(r.tablename));
  const edges = await queryRows<Row>(
    db,
    sql`
      select child.relname as child, parent.relname as parent
        from pg_constraint c
        join pg_class child on child.oid = c.conrelid
        join pg_class parent on parent.oid = c.confrelid
        join pg_namespace n on n.oid = child.relnamespace
       where c.contype = 'f' and n.nspname = 'public' and child.relname <> parent.relname`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const e of edges) parents.get(String(e.child))?.add(String(e.parent));
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (t) => !placed.has(t) && [...(parents.get(t) ?? [])].every((p) => placed.has(p)),
    );
    if (ready.length === 0) throw new Error('the tables have a cycle of foreign keys');
    for (const t of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered;
}

async function migrationsApplied(db: Db): Promise<string[]> {
  return (await queryRows<Row>(db, sql`select hash from drizzle.__drizzle_migrations order by id`)).map((r) =>
    String(r.hash),
  );
}

export interface BackupSummary {
  tables: number;
  rows: number;
}

/** Writes every table's rows to `file`, in one repeatable-read transaction (a consistent snapshot). */
export async function backupDatabase(db: Db, file: string): Promise<BackupSummary> {
  const gzip = createGzip();
  const out = createWriteStream(file, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  let rowCount = 0;
  const tables = await tablesInLoadOrder(db);
  await db.transaction(
    async (tx) => {
      await write({
        format: BACKUP_FORMAT,
        takenAt: new Date().toISOString(),
        migrations: await migrationsApplied(tx),
      });
      for (const table of tables) {
        await write({ table });
        await tx.execute(
          sql`declare backup_rows no scroll cursor for select row_to_json(t)::text as row from ${ident(table)} t`,
        );
        for (;;) {
          const batch = await queryRows<Row>(tx, sql`fetch 1000 from backup_rows`);
          for (const r of batch) {
            if (!gzip.write(`{"row":${String(r.row)}}\n`)) await once(gzip, 'drain');
            rowCount++;
          }
          if (batch.length < 1000) break;
        }
        await tx.execute(sql`close backup_rows`);
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  gzip.end();
  await once(out, 'close');
  return { tables: tables.length, rows: rowCount };
}

/**
 * Loads a backup into a database that was just migrated (and holds nothing else of value): in one
 * transaction, every table is emptied and refilled, with user triggers off (the audit chain and
 * the cache versions are restored as they were, not recomputed), then sequences (serial and
 * identity columns') are moved past the highest ids. Refuses a backup taken at other migrations.
 */
export async function restoreDatabase(db: Db, file: string): Promise<BackupSummary> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = first.done ? null : (JSON.parse(first.value) as { format?: string; migrations?: string[] });
  if (header?.format !== BACKUP_FORMAT) throw new Error(`${file} is not a Tandem backup`);
  const applied = await migrationsApplied(db);
  if (JSON.stringify(applied) !== JSON.stringify(header.migrations)) {
    throw new Error(
      `the backup was taken at ${header.migrations?.length ?? 0} migrations and this database has ${applied.length}: restore it with the same version of Tandem`,
    );
  }
  const tables = await tablesInLoadOrder(db);
  let rowCount = 0;
  await db.transaction(async (tx) => {
    for (const table of tables) await tx.execute(sql`alter table ${ident(table)} disable trigger user`);
    await tx.execute(sql.raw(`truncate ${tables.map((t) => `"${t}"`).join(', ')} cascade`));
    let table: string | null = null;
    let pending: string[] = [];
    const flush = async () => {
      if (!table || pending.length === 0) return;
      const json = `[${pending.join(',')}]`;
      // The rows keep their ids, identity columns' included (which would otherwise refuse them).
      await tx.execute(
        sql`insert into ${ident(table)} overriding system value
            select * from json_populate_recordset(null::${ident(table)}, ${json}::json)`,
      );
      rowCount += pending.length;
      pending = [];
    };
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      const line = next.value;
      if (line.startsWith('{"row":')) {
        pending.push(line.slice(7, -1));
        if (pending.length >= 500) await flush();
        continue;
      }
      await flush();
      const entry = JSON.parse(line) as { table?: string };
      if (!entry.table || !tables.includes(entry.table))
        throw new Error(`the backup has an unknown table: ${line}`);
      table = entry.table;
    }
    await flush();
    const serials = await queryRows<Row>(
      tx,
      sql`
        select table_name, column_name from information_schema.columns
         where table_schema = 'public' and (column_default like 'nextval(%' or is_identity = 'YES')`,
    );
    for (const s of serials) {
      const t = String(s.table_name);
      const c = String(s.column_name);
      await tx.execute(
        sql`select setval(pg_get_serial_sequence(${`"${t}"`}, ${c}), coalesce((select max(${ident(c)}) from ${ident(t)}), 0) + 1, false)`,
      );
    }
    for (const t of tables) await tx.execute(sql`alter table ${ident(t)} enable trigger user`);
  });
  return { tables: tables.length, rows: rowCount };
}

/** Every table's rows as sorted JSON texts, to compare two databases (tests use it). */
export async function tableContents(db: Db): Promise<Record<string, string[]>> {
  const contents: Record<string, string[]> = {};
  for (const table of await tablesInLoadOrder(db)) {
    const rows = await queryRows<Row>(db, sql`select row_to_json(t)::text as row from ${ident(table)} t`);
    contents[table] = rows.map((r) => String(r.row)).sort();
  }
  return contents;
}
