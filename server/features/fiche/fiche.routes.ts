import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../kernel/db/database.ts';
import { access } from '../../kernel/http/access.ts';
import { errorBody, uuidParam } from '../../kernel/http/common.contract.ts';
import { requestLanguage } from '../../kernel/http/language.ts';
import { type FicheResultsSource, loadFiche } from './fiche.data.ts';
import { type FicheFonts, readFicheFonts } from './fiche.fonts.ts';
import { type FicheLanguage, ficheLanguages } from './fiche.labels.ts';
import { renderFichePdf } from './fiche.pdf.ts';
import { indicatorResults } from './fiche.results.ts';

export const ficheQuery = z.strictObject({
  lang: z
    .enum(ficheLanguages, {
      error: 'must be en, fr, es or pt (the fiche is not made in Arabic: see the README)',
    })
    .optional()
    .describe(
      'The fiche’s language; by default that of Accept-Language when it is one of these, else English',
    ),
});

export interface FicheDeps {
  db: Db;
  /** The results framework's indicators against their targets (by default, the results feature's). */
  results?: FicheResultsSource;
  fonts?: FicheFonts;
}

export function ficheRoutes(
  app: FastifyInstance,
  { db, results = indicatorResults, fonts = readFicheFonts() }: FicheDeps,
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/actions/:id/fiche.pdf',
    {
      config: { access: access.actionRecord },
      schema: {
        tags: ['actions'],
        summary: 'The Action fiche: a PDF of one or two pages for steering meetings and donors',
        description:
          'Summary, institutions, countries, topics, activities held and planned, deliverables and results against targets, as the caller may see them.',
        params: uuidParam,
        querystring: ficheQuery,
        produces: ['application/pdf'],
        response: {
          200: z.any().describe('The fiche as application/pdf'),
          400: errorBody,
          401: errorBody,
          404: errorBody,
        },
      },
    },
    async (request, reply) => {
      const accepted = requestLanguage(request);
      const lang: FicheLanguage =
        request.query.lang ??
        ((ficheLanguages as readonly string[]).includes(accepted) ? (accepted as FicheLanguage) : 'en');
      const data = await loadFiche(db, request.actor, request.params.id, lang, results);
      const pdf = await renderFichePdf(data, fonts);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="fiche-${data.code}-${lang}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
}
