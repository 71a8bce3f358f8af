import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../kernel/db/database.ts';
import { access } from '../../kernel/http/access.ts';
import { requestLanguage } from '../../kernel/http/language.ts';
import { taxonomyBody } from './taxonomy.contract.ts';
import { readTaxonomies } from './taxonomy.service.ts';

export function taxonomyRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/taxonomy',
    {
      config: { access: access.public },
      schema: {
        tags: ['taxonomy'],
        summary: 'Regions, countries, thematic areas, topics, 4Ps and approaches in the reader’s language',
        response: { 200: taxonomyBody },
      },
    },
    (request) => readTaxonomies(db, requestLanguage(request)),
  );
}
