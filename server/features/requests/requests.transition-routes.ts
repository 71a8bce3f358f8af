import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody, uuidParam } from '../../kernel/http/common.contract.ts';
import { requireIfMatch, setVersionHeader } from '../../kernel/http/versioning.ts';
import { requestDetail, transitionBodies } from './requests.contract.ts';
import { transitionNames, transitions } from './requests.policy.ts';
import type { RequestsDeps } from './requests.routes.ts';
import { transitionRequest } from './requests.transitions.ts';

/** One verb endpoint per step of the lifecycle: POST /api/requests/:id/submit, .../approve ... */
export function transitionRoutes(app: FastifyInstance, { db, notifier }: RequestsDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  for (const name of transitionNames) {
    const rule = transitions[name];
    api.post(
      `/api/requests/:id/${name}`,
      {
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
