import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { VersionedCache } from '../../kernel/cache/versioned-cache.ts';
import type { Db } from '../../kernel/db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import { access } from '../../kernel/http/access.ts';
import { sendCached } from '../../kernel/http/cached-reply.ts';
import { errorBody, notModified, shortCode } from '../../kernel/http/common.contract.ts';
import { requestLanguage } from '../../kernel/http/language.ts';
import { publicCountryFigures } from '../public/public.service.ts';
import { readTaxonomies } from '../taxonomy/taxonomy.service.ts';
import { serverI18n } from './portal-i18n.ts';
import { renderMapSvg } from './portal-map.ts';

export const mapQuery = z.strictObject({
  region: shortCode.optional().describe('Frame the map on one region'),
});

/** The choropleth of ongoing Actions per country, as an SVG image drawn on the server. */
export function portalMapRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const cache = new VersionedCache(db, 'portfolio');
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/public/map.svg',
    {
      config: { access: access.public },
      schema: {
        tags: ['public'],
        summary: 'A map of the countries with ongoing Actions (SVG), of the world or of one region',
        querystring: mapQuery,
        response: {
          200: z.string().describe('image/svg+xml'),
          304: notModified,
          400: errorBody,
          404: errorBody,
        },
      },
    },
    async (request, reply) => {
      const lang = requestLanguage(request);
      const region = request.query.region;
      const cached = await cache.get(`map|${lang}|${region ?? ''}`, async () => {
        const [figures, taxonomy] = await Promise.all([
          publicCountryFigures(db, lang),
          readTaxonomies(db, lang),
        ]);
        const counts = new Map(figures.countries.map((c) => [c.code, c.ongoingActions]));
        const t = serverI18n(lang).t;
        if (!region) return renderMapSvg({ counts, title: t('portal.map.svgTitle') });
        const regionName = taxonomy.regions.find((r) => r.code === region)?.name;
        if (!regionName) throw new AppError('NOT_FOUND', 'Region not found');
        const countries = new Set(
          taxonomy.countries.filter((c) => c.regionCode === region).map((c) => c.code),
        );
        return renderMapSvg({
          counts,
          title: t('portal.map.svgRegionTitle', { region: regionName }),
          frame: { key: region, countries },
        });
      });
      return sendCached(request, reply, cached, 'image/svg+xml; charset=utf-8');
    },
  );
}
