import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Actor, readsWholePortfolio, requireActor } from '../../kernel/auth/actor.ts';
import { VersionedCache } from '../../kernel/cache/versioned-cache.ts';
import type { Db } from '../../kernel/db/database.ts';
import { access } from '../../kernel/http/access.ts';
import { sendCached, serializeWith } from '../../kernel/http/cached-reply.ts';
import { errorBody, notModified, uuidParam } from '../../kernel/http/common.contract.ts';
import { requestLanguage } from '../../kernel/http/language.ts';
import { fieldGuideRoutes } from './field-guide.routes.ts';
import {
  fieldGuideList,
  type LibraryQuery,
  libraryDocument,
  libraryPage,
  libraryQuery,
} from './library.contract.ts';
import { readFieldGuide, readLibrary, readLibraryDocument } from './library.service.ts';

const tags = ['library'];
/** How many different searches are kept (each answer is a page of ten results, 5–15 kB). */
const SEARCHES_KEPT = 1000;
const filtersDescription =
  'q is parsed like a web search (words, "a phrase", -excluded, or) in the text-search configuration of each language, or of `language` when given. With q, the newest 100 matches in scope (within the newest 1,000 matches) are ranked by relevance, counted up to 100, and each result carries a snippet with the matched words marked; a phrase is looked for among the newest 1,000 documents holding all its words. Without q, newest first, counted up to 1,000. Page size 10.';

/**
 * The library: published deliverables, searched in their own languages. The public endpoint answers
 * what is published for general consultation; the signed-in one adds what the caller's role allows.
 * Every search is bounded (decision 061); answers are also kept until the portfolio changes
 * (decision 109) where many readers share them: the public's, and the staff's and steering's (they
 * all read the whole published library). A partner's or an expert's depend on their own reach and
 * are computed each time.
 */
export function libraryRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  fieldGuideRoutes(app);
  const cache = new VersionedCache(db, 'portfolio');
  // Searches in a map of their own, so that a run of different searches never pushes out the
  // documents and the field guide.
  const searches = new VersionedCache(db, 'portfolio', SEARCHES_KEPT);
  /**
   * A search as the public or the whole portfolio's readers find it. The key holds the query as
   * validated (defaults filled in, keys in the contract's order), so one search written two ways is
   * kept once.
   */
  const keptSearch = (request: FastifyRequest<{ Querystring: LibraryQuery }>, reader: Actor | 'public') => {
    const lang = requestLanguage(request);
    const readers = reader === 'public' ? 'public' : 'whole-portfolio';
    return searches.get(
      `library-search|${readers}|${lang}|${JSON.stringify(request.query)}`,
      async () => serializeWith(libraryPage, await readLibrary(db, reader, request.query, lang)),
      request.knownVersions,
    );
  };

  api.get(
    '/api/public/library',
    {
      config: { access: access.public },
      schema: {
        tags: [...tags, 'public'],
        summary: 'Searches the deliverables published for general consultation',
        description: filtersDescription,
        querystring: libraryQuery,
        response: { 200: libraryPage, 304: notModified, 400: errorBody },
      },
    },
    async (request, reply) => sendCached(request, reply, await keptSearch(request, 'public')),
  );

  api.get(
    '/api/library',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Searches the published deliverables the caller may read (the public ones and their scope)',
        description: filtersDescription,
        querystring: libraryQuery,
        response: { 200: libraryPage, 304: notModified, 400: errorBody, 401: errorBody },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      if (!readsWholePortfolio(actor)) return readLibrary(db, actor, request.query, requestLanguage(request));
      return sendCached(request, reply, await keptSearch(request, actor), undefined, { private: true });
    },
  );

  api.get(
    '/api/public/library/:id',
    {
      config: { access: access.public },
      schema: {
        tags: [...tags, 'public'],
        summary: 'One public document of the library with its text, to read on the page or offline',
        params: uuidParam,
        response: { 200: libraryDocument, 304: notModified, 400: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const lang = requestLanguage(request);
      const cached = await cache.get(`library-document|${lang}|${request.params.id}`, async () =>
        serializeWith(libraryDocument, await readLibraryDocument(db, 'public', request.params.id, lang)),
      );
      return sendCached(request, reply, cached);
    },
  );

  api.get(
    '/api/library/:id',
    {
      config: { access: { ...access.actionRecord, expert: 404 } },
      schema: {
        tags,
        summary: 'One published document the caller may read, with its text',
        params: uuidParam,
        response: { 200: libraryDocument, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    (request) => readLibraryDocument(db, request.actor, request.params.id, requestLanguage(request)),
  );

  api.get(
    '/api/public/field-guide',
    {
      config: { access: access.public },
      schema: {
        tags: [...tags, 'public'],
        summary: 'The field guide: public practical notes, standard operating procedures and protocols',
        response: { 200: fieldGuideList, 304: notModified },
      },
    },
    async (request, reply) => {
      const lang = requestLanguage(request);
      const cached = await cache.get(`field-guide|${lang}`, async () =>
        serializeWith(fieldGuideList, await readFieldGuide(db, lang)),
      );
      return sendCached(request, reply, cached);
    },
  );
}
