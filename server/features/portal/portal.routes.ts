import type { FastifyInstance } from 'fastify';
import type { Config } from '../../kernel/config.ts';
import type { Db } from '../../kernel/db/database.ts';
import { portalMapRoutes } from './portal-map.routes.ts';
import { portalPagesRoutes } from './portal-pages.routes.ts';
import { portalSeoRoutes } from './portal-seo.routes.ts';

/** The public portal: server-rendered pages, the map image, the sitemap and robots.txt. */
export function portalRoutes(app: FastifyInstance, deps: { db: Db; config: Config }) {
  portalPagesRoutes(app, deps);
  portalMapRoutes(app, deps);
  portalSeoRoutes(app, deps);
}
