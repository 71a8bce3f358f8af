import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import helmet from 'helmet';
import type { DestinationStream } from 'pino';
import { accountRequestsRoutes } from './features/account-requests/account-requests.routes.ts';
import { actionWorkspaceRoutes } from './features/actions/action-workspace.routes.ts';
import { actionsRoutes } from './features/actions/actions.routes.ts';
import { activitiesRoutes } from './features/activities/activities.routes.ts';
import { auditRoutes } from './features/audit/audit.routes.ts';
import { authRoutes } from './features/auth/auth.routes.ts';
import { registerSessions } from './features/auth/session.plugin.ts';
import { dashboardRoutes } from './features/dashboard/dashboard.routes.ts';
import { deliverablesRoutes } from './features/deliverables/deliverables.routes.ts';
import { publicDeliverablesRoutes } from './features/deliverables/public-deliverables.routes.ts';
import { workspacePublicWork } from './features/deliverables/public-work.ts';
import { eventsRoutes } from './features/events/events.routes.ts';
import { deploymentsRoutes } from './features/experts/deployments.routes.ts';
import { expertsRoutes } from './features/experts/experts.routes.ts';
import { exportsRoutes } from './features/exports/exports.routes.ts';
import { ficheRoutes } from './features/fiche/fiche.routes.ts';
import { healthRoutes } from './features/health/health.routes.ts';
import { readIatiConfig } from './features/iati/iati.config.ts';
import { iatiRoutes } from './features/iati/iati.routes.ts';
import { libraryRoutes } from './features/library/library.routes.ts';
import { createMailOutbox, type MailOutbox } from './features/notifications/mail-outbox.ts';
import { notificationsRoutes } from './features/notifications/notifications.routes.ts';
import { participantsRoutes } from './features/participants/participants.routes.ts';
import { portalRoutes } from './features/portal/portal.routes.ts';
import { publicRoutes } from './features/public/public.routes.ts';
import { requestsRoutes } from './features/requests/requests.routes.ts';
import { resultsRoutes } from './features/results/results.routes.ts';
import { taxonomyRoutes } from './features/taxonomy/taxonomy.routes.ts';
import type { Config } from './kernel/config.ts';
import type { Database } from './kernel/db/database.ts';
import { DiskStorage, type FileStorage } from './kernel/files/file-storage.ts';
import { registerAccessControl } from './kernel/http/access.ts';
import { registerInPlaceCompression } from './kernel/http/compress-in-place.ts';
import { frameworkErrors, registerErrorHandling, registerNotFound } from './kernel/http/error-handler.ts';
import { logSerializers } from './kernel/http/log-serializers.ts';
import { MAX_UPLOAD_BYTES } from './kernel/http/multipart.ts';
import { registerOpenApi } from './kernel/http/openapi.ts';
import { registerWebApp } from './kernel/http/web-app.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Notification mails waiting to be sent; tests flush it. */
    mailOutbox: MailOutbox;
  }
}

export interface AppDeps {
  database: Database;
  config: Config;
  /** Where uploaded files go; a folder under the data directory unless given. */
  storage?: FileStorage;
  /** The log: off (most tests), or its level and where it goes (standard output unless given). */
  logger?: false | { level: string; stream?: DestinationStream };
}

export async function buildApp({
  database,
  config,
  logger,
  storage: given,
}: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger === false ? false : { level: config.logLevel, ...logger, serializers: logSerializers },
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    frameworkErrors,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  // The security headers. Helmet's middleware is made once: the Fastify plugin made it again, and
  // parsed the policy again, at every request.
  const securityHeaders = helmet({
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
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)),
  );
  // Answers of the API are compressed in one step; streams, files and large bodies by the plugin.
  registerInPlaceCompression(app);
  await app.register(compress, { threshold: 1024 });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  const { db } = database;
  registerSessions(app, db);
  registerAccessControl(app);
  await registerOpenApi(app);

  const storage = given ?? new DiskStorage(config.filesDir);
  const mailOutbox = await createMailOutbox(db, config.smtpUrl, config.mailFrom, app.log);
  app.decorate('mailOutbox', mailOutbox);
  app.addHook('onReady', async () => mailOutbox.start());
  app.addHook('onClose', async () => mailOutbox.stop());
  const notifier = {
    mailEnabled: mailOutbox.enabled,
    publicUrl: config.publicUrl,
    afterCommit: () => mailOutbox.kick(),
  };
  healthRoutes(app, { database });
  authRoutes(app, { db, config });
  taxonomyRoutes(app, { db });
  actionsRoutes(app, { db });
  actionWorkspaceRoutes(app, { db });
  activitiesRoutes(app, { db, storage });
  expertsRoutes(app, { db, storage });
  deploymentsRoutes(app, { db });
  deliverablesRoutes(app, { db, storage });
  publicDeliverablesRoutes(app, { db, storage });
  publicRoutes(app, { db, work: workspacePublicWork });
  iatiRoutes(app, { db, iati: readIatiConfig(process.env) });
  requestsRoutes(app, { db, storage, notifier });
  notificationsRoutes(app, { db });
  eventsRoutes(app, { db, config });
  accountRequestsRoutes(app, { db });
  libraryRoutes(app, { db });
  portalRoutes(app, { db, config });
  participantsRoutes(app, { db });
  resultsRoutes(app, { db, storage, config });
  dashboardRoutes(app, { db });
  ficheRoutes(app, { db });
  exportsRoutes(app, { db });
  auditRoutes(app, { db });

  registerNotFound(app, { serveWebApp: await registerWebApp(app, config.webDir) });
  return app;
}
