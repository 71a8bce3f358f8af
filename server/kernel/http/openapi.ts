import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { access } from './access.ts';

/** OpenAPI 3.1 generated from the routes' Zod schemas, at /api/openapi.json, and a docs page at /api/docs. */
export async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tandem API',
        version: '0.1.0',
        description:
          'Requests for assistance, Actions, and the public portfolio of a peer-to-peer technical assistance facility on migration. Errors always come as {"error":{"code","message","details"}}. State-changing requests signed in with the session cookie must carry the x-csrf-token header.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tandem_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { access: access.public }, schema: { hide: true } }, () =>
    app.swagger(),
  );
}
