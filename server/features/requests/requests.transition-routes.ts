import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { access, type RouteAccess } from '../../kernel/http/access.ts';
import { errorBody, uuidParam } from '../../kernel/http/common.contract.ts';
import { requireIfMatch, setVersionHeader } from '../../kernel/http/versioning.ts';
import { requestDetail, transitionBodies } from './requests.contract.ts';
import { type TransitionName, transitionNames, transitions } from './requests.policy.ts';
import type { RequestsDeps } from './requests.routes.ts';
import { transitionRequest } from './requests.transitions.ts';

/** Who may take each kind of step; the services check the requesting institution and the state. */
const accessBy: Record<(typeof transitions)[TransitionName]['by'], RouteAccess> = {
  requester: access.requestRecord,
  staff: { ...access.requestRecord, partnerA: 403 },
  steering: { ...access.requestRecord, admin: 403, officer: 403, partnerA: 403 },
};
const decisionIsForSteering = {
  code: 'REQUEST_DECISION_IS_FOR_STEERING',
  message: 'Only a steering committee member approves or declines a request',
} as const;

/** One verb endpoint per step of the lifecycle: POST /api/requests/:id/submit, .../approve ... */
export function transitionRoutes(app: FastifyInstance, { db, notifier }: RequestsDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  for (const name of transitionNames) {
    const rule = transitions[name];
    api.post(
      `/api/requests/:id/${name}`,
      {
        config: {
          access: accessBy[rule.by],
          ...(rule.by === 'steering' ? { accessDenied: decisionIsForSteering } : {}),
        },
        schema: {
          tags: ['requests'],
          summary: `${rule.from.join(' | ')} → ${rule.to}; If-Match is optional and checked when sent`,
          params: uuidParam,
          body: transitionBodies[name].nullish(),
          response: {
            200: requestDetail,
            400: errorBody,
            401: errorBody,
            403: errorBody,
            404: errorBody,
            409: errorBody,
            412: errorBody,
          },
        },
      },
      async (request, reply) => {
        const version = request.headers['if-match'] ? requireIfMatch(request) : null;
        const detail = await transitionRequest(
          db,
          notifier,
          request.actor,
          request.params.id,
          name,
          (request.body ?? {}) as never,
          version,
        );
        setVersionHeader(reply, detail.version);
        return detail;
      },
    );
  }
}
