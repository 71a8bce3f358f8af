import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../kernel/db/database.ts';
import { access } from '../../kernel/http/access.ts';
import { errorBody, uuidParam } from '../../kernel/http/common.contract.ts';
import {
  assignExpertBody,
  deploymentView,
  expertOnActivityParams,
  feedbackBody,
} from './deployments.contract.ts';
import { assignExpert, recordFeedback, withdrawExpert } from './deployments.service.ts';
import { expertMatches, matchQuery } from './matching.contract.ts';
import { matchExperts } from './matching.service.ts';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const tags = ['experts'];

export function deploymentsRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/activities/:id/expert-matches',
    {
      config: { access: access.staff },
      schema: {
        tags,
        summary: 'The roster ranked for an activity, each expert with the reasons (staff)',
        description:
          'Ranks by topic fit, working language, experience of the country or region, declared availability, past feedback and the balance of the team. Experts deployed elsewhere on overlapping dates are left out.',
        params: uuidParam,
        querystring: matchQuery,
        response: { 200: expertMatches, ...errors },
      },
    },
    (request) => matchExperts(db, request.actor, request.params.id, request.query.limit),
  );

  api.post(
    '/api/activities/:id/experts',
    {
      config: { access: access.staff },
      schema: {
        tags,
        summary: 'Deploys an expert on an activity (staff)',
        description:
          'An expert deployed elsewhere on overlapping dates answers 409 EXPERT_DOUBLE_BOOKED, naming the other activity.',
        params: uuidParam,
        body: assignExpertBody,
        response: { 201: deploymentView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await assignExpert(db, request.actor, request.params.id, request.body)),
  );

  api.delete(
    '/api/activities/:id/experts/:expertId',
    {
      config: { access: access.staff },
      schema: {
        tags,
        summary: 'Withdraws an expert from an open activity (staff)',
        params: expertOnActivityParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await withdrawExpert(db, request.actor, request.params.id, request.params.expertId);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/activities/:id/experts/:expertId/feedback',
    {
      config: { access: access.staff },
      schema: {
        tags,
        summary: 'Feedback on an expert’s deployment, once the activity is held (staff)',
        params: expertOnActivityParams,
        body: feedbackBody,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await recordFeedback(db, request.actor, request.params.id, request.params.expertId, request.body);
      return reply.status(204).send(null);
    },
  );
}
