import { eq } from 'drizzle-orm';
import { loadAwarenessDays } from '../features/events/awareness-days.data.ts';
import { indexUnindexedDeliverables } from '../features/library/library-index.ts';
import { loadTaxonomies } from '../features/taxonomy/taxonomy.load.ts';
import type { Db } from '../kernel/db/database.ts';
import type { FileStorage } from '../kernel/files/file-storage.ts';
import { settings } from '../kernel/settings/settings.table.ts';

const TAXONOMIES_LOADED = 'taxonomies_loaded_at';
const DEMO_LOADED = 'demo_loaded_at';
const AWARENESS_DAYS_LOADED = 'awareness_days_loaded_at';

async function once(db: Db, key: string, load: (tx: Db) => Promise<void>): Promise<boolean> {
  return db.transaction(async (tx) => {
    // The marker row is written in the same transaction as the data, so a crash leaves neither.
    const [marker] = await tx.select().from(settings).where(eq(settings.key, key)).for('update');
    if (marker) return false;
    await load(tx);
    await tx.insert(settings).values({ key, value: new Date().toISOString() });
    return true;
  });
}

/**
 * Gives a new database what every facility starts with (the taxonomies) and, in demo mode, the demo
 * facility and its accounts. Each is loaded once: a second start finds its marker and loads nothing.
 */
export async function bootstrapFacility(db: Db, { demo, storage }: { demo: boolean; storage: FileStorage }) {
  const taxonomies = await once(db, TAXONOMIES_LOADED, loadTaxonomies);
  await once(db, AWARENESS_DAYS_LOADED, loadAwarenessDays);
  // The demo's data is read only on the start that loads it, not kept by every later start.
  const demoLoaded = demo
    ? await once(db, DEMO_LOADED, async (tx) =>
        (await import('../demo/load-demo.ts')).loadDemoPortfolio(tx, storage),
      )
    : false;
  // Published deliverables the library does not hold yet (the demo's, or one cut short) get indexed.
  await indexUnindexedDeliverables(db, storage);
  return { taxonomies, demo: demoLoaded };
}
