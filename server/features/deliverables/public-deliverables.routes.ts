import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../kernel/db/database.ts';
import { notFound } from '../../kernel/errors.ts';
import type { FileStorage } from '../../kernel/files/file-storage.ts';
import { findStoredFile, sendStoredFile } from '../../kernel/files/files.service.ts';
import { access } from '../../kernel/http/access.ts';
import { errorBody, uuidParam } from '../../kernel/http/common.contract.ts';
import { actions } from '../actions/actions.table.ts';
import { deliverables, deliverableVersions } from './deliverables.table.ts';
import { publiclyAvailable } from './public-work.ts';

/**
 * The download behind a public deliverable's `downloadUrl`: no sign-in, the latest version's file,
 * and only for a deliverable published with public visibility by a public Action. Anything else
 * answers 404, so the route does not tell drafts or internal documents from ids that do not exist.
 */
export function publicDeliverablesRoutes(
  app: FastifyInstance,
  { db, storage }: { db: Db; storage: FileStorage },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/public/deliverables/:id/download',
    {
      config: { access: access.public },
      schema: {
        tags: ['public'],
        summary: 'Downloads a deliverable published for general consultation (its latest version)',
        params: uuidParam,
        response: { 200: z.any().describe('The file, as an attachment'), 400: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const [latest] = await db
        .select({ fileId: deliverableVersions.fileId })
        .from(deliverableVersions)
        .innerJoin(deliverables, eq(deliverables.id, deliverableVersions.deliverableId))
        .innerJoin(actions, eq(actions.id, deliverables.actionId))
        .where(and(eq(deliverables.id, request.params.id), publiclyAvailable))
        .orderBy(desc(deliverableVersions.number))
        .limit(1);
      if (!latest) throw notFound('Deliverable');
      return sendStoredFile(reply, storage, await findStoredFile(db, latest.fileId));
    },
  );
}
