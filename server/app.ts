import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { accountRequestsRoutes } from './features/account-requests/account-requests.routes.ts';
import { actionsRoutes } from './features/actions/actions.routes.ts';
import { authRoutes } from './features/auth/auth.routes.ts';
import { registerSessions } from './features/auth/session.plugin.ts';
import { eventsRoutes } from './features/events/events.routes.ts';
import { healthRoutes } from './features/health/health.routes.ts';
import { portalRoutes } from './features/portal/portal.routes.ts';
import { publicRoutes } from './features/public/public.routes.ts';
import { taxonomyRoutes } from './features/taxonomy/taxonomy.routes.ts';
import type { Config } from './kernel/config.ts';
import type { Database } from './kernel/db/database.ts';
import type { FileStorage } from './kernel/files/file-storage.ts';
import { registerErrorHandling, registerNotFound } from './kernel/http/error-handler.ts';
import { MAX_UPLOAD_BYTES } from './kernel/http/multipart.ts';
import { registerOpenApi } from './kernel/http/openapi.ts';
import { registerWebApp } from './kernel/http/web-app.ts';

export interface AppDeps {
  database: Database;
  config: Config;
  /** Where uploaded files go; a folder under the data directory unless given. */
  storage?: FileStorage;
  /** Pino options; tests pass false. */
  logger?: boolean | { level: string };
}

export async function buildApp({ database, config, logger }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets CSS variables through style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    hsts: config.secureCookies,
  });
  await app.register(compress, { threshold: 1024 });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  await registerOpenApi(app);

  const { db } = database;
  registerSessions(app, db);
  healthRoutes(app, { database });
  authRoutes(app, { db, config });
  taxonomyRoutes(app, { db });
  actionsRoutes(app, { db });
  publicRoutes(app, { db });
  eventsRoutes(app, { db, config });
  accountRequestsRoutes(app, { db });
  portalRoutes(app, { db, config });

  registerNotFound(app, { serveWebApp: await registerWebApp(app, config.webDir) });
  return app;
}
