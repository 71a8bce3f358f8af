import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { bootstrapFacility } from '../db/bootstrap.ts';
import { openDatabase, pgliteClient } from '../kernel/db/database.ts';
import { DiskStorage } from '../kernel/files/file-storage.ts';
import { databaseUrl, onServer, type TestEngine, uniqueName } from './engines.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    engine: TestEngine;
    /** PGlite: a dump of the migrated, seeded data directory. PostgreSQL: the template database's name. */
    template: string;
    /** The uploaded files of the run: the demo's, loaded with the template, and the tests' own. */
    filesDir: string;
  }
}

/**
 * Migrates and seeds one template database per run; every test file then starts from a copy of it
 * (a PGlite dump loaded in memory, or CREATE DATABASE ... TEMPLATE on PostgreSQL), so files never
 * see each other's writes and the suite needs no clean-up between tests.
 */
export default async function setup(project: TestProject) {
  const engine = (project.config.env?.TANDEM_TEST_ENGINE ?? 'pglite') as TestEngine;
  project.provide('engine', engine);
  const filesDir = mkdtempSync(path.join(tmpdir(), 'tandem-test-files-'));
  project.provide('filesDir', filesDir);
  const storage = new DiskStorage(filesDir);
  const removeFiles = () => rmSync(filesDir, { recursive: true, force: true });

  if (engine === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'tandem-template-'));
    const database = await openDatabase({});
    await database.migrate();
    await bootstrapFacility(database.db, { demo: true, storage });
    const dump = await pgliteClient(database).dumpDataDir('none');
    const file = path.join(dir, 'template.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    project.provide('template', file);
    return () => {
      rmSync(dir, { recursive: true, force: true });
      removeFiles();
    };
  }

  const template = uniqueName('tandem_template');
  await onServer((client) => client.query(`create database ${template}`));
  const database = await openDatabase({ databaseUrl: databaseUrl(template), poolSize: 1 });
  try {
    await database.migrate();
    await bootstrapFacility(database.db, { demo: true, storage });
  } finally {
    await database.close();
  }
  project.provide('template', template);
  return async () => {
    await onServer((client) => client.query(`drop database if exists ${template} with (force)`));
    removeFiles();
  };
}
