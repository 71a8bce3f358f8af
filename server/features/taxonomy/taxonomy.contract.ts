import { z } from 'zod';

const named = z.object({ code: z.string(), name: z.string() });

/** Every taxonomy in the reader's language, for filters and forms. */
export const taxonomyBody = z.object({
  regions: z.array(named),
  countries: z.array(named.extend({ regionCode: z.string() })),
  thematicAreas: z.array(named),
  topics: z.array(named.extend({ thematicAreaCode: z.string() })),
  pillars: z.array(named),
  approaches: z.array(named),
});
export type TaxonomyBody = z.infer<typeof taxonomyBody>;
