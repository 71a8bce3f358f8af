import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../kernel/db/database.ts';
import { access } from '../../kernel/http/access.ts';
import { errorBody, uuidParam } from '../../kernel/http/common.contract.ts';
import { requestLanguage } from '../../kernel/http/language.ts';
import { requireIfMatch, setVersionHeader } from '../../kernel/http/versioning.ts';
import {
  actionDesign,
  actionDesignPatch,
  actionTimeline,
  designCommentBody,
  partnerOrganisationList,
  transitionBody,
  transitionResult,
} from './action-design.contract.ts';
import {
  addDesignComment,
  getActionDesign,
  listPartnerOrganisations,
  updateActionDesign,
} from './action-design.service.ts';
import { transitionAction } from './action-status.service.ts';
import { actionVerbs } from './action-status.ts';
import { getActionTimeline } from './action-timeline.service.ts';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const tags = ['actions'];

/** The Action workspace: its design, its status verbs, its timeline. */
export function actionWorkspaceRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/actions/:id/design',
    {
      config: { access: access.actionRecord },
      schema: {
        tags,
        summary: 'The design of an Action, its closure texts and the comments on it',
        params: uuidParam,
        response: { 200: actionDesign, ...errors },
      },
    },
    async (request, reply) => {
      const design = await getActionDesign(db, request.actor, request.params.id);
      setVersionHeader(reply, design.version);
      return design;
    },
  );

  api.patch(
    '/api/actions/:id',
    {
      config: { access: access.staff, currentAt: '/api/actions/:id/design' },
      schema: {
        tags,
        summary: 'Changes the design of an Action (staff); needs If-Match with the Action’s ETag',
        description: 'A completed or cancelled Action answers 409 ACTION_COMPLETED or ACTION_CANCELLED.',
        params: uuidParam,
        body: actionDesignPatch,
        response: { 200: actionDesign, ...errors, 412: errorBody, 428: errorBody },
      },
    },
    async (request, reply) => {
      const design = await updateActionDesign(
        db,
        request.actor,
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setVersionHeader(reply, design.version);
      return design;
    },
  );

  api.post(
    '/api/actions/:id/design-comments',
    {
      config: { access: { ...access.staff, partnerA: 'ok', partnerB: 404 } },
      schema: {
        tags,
        summary: 'Comments on the design (the partner’s focal point, or staff)',
        params: uuidParam,
        body: designCommentBody,
        response: { 201: actionDesign, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addDesignComment(db, request.actor, request.params.id, request.body.body)),
  );

  for (const verb of actionVerbs) {
    api.post(
      `/api/actions/:id/${verb}`,
      {
        config: { access: access.staff },
        schema: {
          tags,
          summary: `Applies "${verb}" to an Action (staff)`,
          description:
            verb === 'complete'
              ? 'Refused (409) while an activity is neither held nor cancelled, or without a closing summary.'
              : verb === 'suspend' || verb === 'cancel'
                ? 'Needs a reason.'
                : undefined,
          params: uuidParam,
          body: transitionBody.nullish(),
          response: { 200: transitionResult, ...errors },
        },
      },
      async (request, reply) => {
        const result = await transitionAction(
          db,
          request.actor,
          request.params.id,
          verb,
          request.body?.reason,
        );
        setVersionHeader(reply, result.version);
        return result;
      },
    );
  }

  api.get(
    '/api/actions/:id/timeline',
    {
      config: { access: access.actionRecord },
      schema: {
        tags,
        summary: 'The life of an Action in date order: status changes, activities, deployments, deliverables',
        params: uuidParam,
        response: { 200: actionTimeline, ...errors },
      },
    },
    (request) => getActionTimeline(db, request.actor, request.params.id, requestLanguage(request)),
  );

  api.get(
    '/api/partner-organisations',
    {
      config: { access: access.portfolioReaders },
      schema: {
        tags,
        summary: 'Co-implementing partner organisations, to choose an Action’s partners (staff)',
        response: { 200: partnerOrganisationList, 401: errorBody, 403: errorBody },
      },
    },
    (request) => listPartnerOrganisations(db, request.actor),
  );
}
