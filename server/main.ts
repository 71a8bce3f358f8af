import { buildApp } from './app.ts';
import { bootstrapFacility } from './db/bootstrap.ts';
import { readConfig } from './kernel/config.ts';
import { openDatabase } from './kernel/db/database.ts';
import { DiskStorage } from './kernel/files/file-storage.ts';

const config = readConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await database.migrate();
const storage = new DiskStorage(config.filesDir);
const loaded = await bootstrapFacility(database.db, { demo: config.demo, storage });

const app = await buildApp({ database, config, storage });
if (loaded.demo)
  app.log.info('loaded the demo facility; demo accounts use the password tandem-demo-password');
app.log.info(
  {
    database: database.kind,
    dataDir: database.kind === 'pglite' ? config.dataDir : undefined,
    demo: config.demo,
  },
  'database ready',
);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
