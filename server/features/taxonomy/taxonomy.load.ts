import { recordAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/database.ts';
import { taxonomies } from './taxonomies.data.ts';
import { approaches, countries, pillars, regions, thematicAreas, topics } from './taxonomy.table.ts';

/** Loads the starting taxonomies into a new facility; admins edit them afterwards. */
export async function loadTaxonomies(tx: Db): Promise<void> {
  await tx.insert(regions).values(taxonomies.regions);
  await tx.insert(countries).values(taxonomies.countries);
  await tx.insert(thematicAreas).values(taxonomies.thematicAreas);
  await tx.insert(topics).values(taxonomies.topics);
  await tx.insert(pillars).values(taxonomies.pillars);
  await tx.insert(approaches).values(taxonomies.approaches);
  await recordAudit(tx, {
    actorId: null,
    event: 'taxonomy.load',
    entityType: 'taxonomy',
    changes: {
      regions: taxonomies.regions.length,
      countries: taxonomies.countries.length,
      topics: taxonomies.topics.length,
    },
  });
}
