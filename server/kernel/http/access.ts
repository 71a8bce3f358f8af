import type { FastifyInstance } from 'fastify';
import type { Role } from '../auth/actor.ts';
import { AppError, type ErrorCode } from '../errors.ts';

/**
 * Who calls a route, as the access table names them. Partner A is the institution that owns the
 * record a route is about (in the demo facility: Ghana's, and its Action Ghana III, on which the
 * demo expert is deployed); partner B is any other partner institution.
 */
export const callers = [
  'anonymous',
  'admin',
  'officer',
  'steering',
  'partnerA',
  'partnerB',
  'expert',
] as const;
export type Caller = (typeof callers)[number];

/**
 * What a caller gets from a route: `ok` means access control lets it through (the answer may
 * still be a 400 or a 409 for what it sent), 401 that it must sign in, 403 that its role may not
 * call the route at all, 404 that the record is outside what it may see.
 */
export type Outcome = 'ok' | 401 | 403 | 404;
export type RouteAccess = Readonly<Record<Caller, Outcome>>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every API route declares the outcome for each caller; see `access` for the usual tables. */
    access?: RouteAccess;
    /** The refusal a role gets from the role gate, where the API names the reason more precisely. */
    accessDenied?: { code: ErrorCode; message: string };
    /**
     * Where a versioned record is read, when not at the address that changes it (a pattern with the
     * route's parameters, such as `/api/actions/:id/design`): a 412 carries what it answers.
     */
    currentAt?: string;
  }
  interface FastifyInstance {
    /** Every API route with its declared access, for the generated access test and the docs. */
    routeTable: DeclaredRoute[];
  }
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
  /** The route's body schema, when it validates one (multipart uploads are read by the handler). */
  body: unknown;
  /** The route's query-string schema, when it has one. */
  query: unknown;
}

const every = (outcome: Outcome): Record<Caller, Outcome> =>
  Object.fromEntries(callers.map((c) => [c, outcome])) as Record<Caller, Outcome>;

/** The access tables most routes declare; a route spreads one and overrides what differs. */
export const access = {
  /** Anyone, signed in or not: the public portal, sign-in, the calendar feed. */
  public: every('ok'),
  /** Any signed-in user; what they get is their own (their notifications) or filtered to their scope. */
  signedIn: { ...every('ok'), anonymous: 401 },
  /** Administrators only. */
  admin: { ...every(403), anonymous: 401, admin: 'ok' },
  /** Programme staff: administrators and officers. */
  staff: { ...every(403), anonymous: 401, admin: 'ok', officer: 'ok' },
  /** Experts only, about their own work. */
  expert: { ...every(403), anonymous: 401, expert: 'ok' },
  /** Staff and the steering committee, who read the whole portfolio. */
  portfolioReaders: { ...every(403), anonymous: 401, admin: 'ok', officer: 'ok', steering: 'ok' },
  /**
   * A record of partner A's Action, read by everyone whose scope holds it: staff, steering, the
   * partner itself and the expert deployed on it; another institution's partner gets a 404.
   */
  actionRecord: { ...every('ok'), anonymous: 401, partnerB: 404 },
  /**
   * A record that belongs to one user, such as a notification (in the table, the officer's): anyone
   * else gets a 404, whatever their role.
   */
  ownedRecord: { ...every(404), anonymous: 401, officer: 'ok' },
  /**
   * Partner A's request for assistance while it is with the facility (in clarification): staff and
   * the institution see it; the steering committee only once it is sent to them; no expert.
   */
  requestRecord: { ...every(404), anonymous: 401, admin: 'ok', officer: 'ok', partnerA: 'ok' },
} satisfies Record<string, RouteAccess>;

const roleOf: Record<Exclude<Caller, 'anonymous'>, Role> = {
  admin: 'admin',
  officer: 'officer',
  steering: 'steering',
  partnerA: 'partner',
  partnerB: 'partner',
  expert: 'expert',
};

/** The roles a declaration lets past the role gate: those with a caller whose outcome is not 403. */
export function rolesAdmitted(declared: RouteAccess): Set<Role> {
  const admitted = new Set<Role>();
  for (const [caller, role] of Object.entries(roleOf) as [Exclude<Caller, 'anonymous'>, Role][]) {
    if (declared[caller] !== 403) admitted.add(role);
  }
  return admitted;
}

/** Paths under /api that plugins serve (the API's own documentation), which are public. */
const undeclaredPublic = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

/**
 * Makes every API route declare its access table, and enforces the role part of it before the
 * request is parsed or validated: an anonymous caller where a sign-in is needed gets 401, a role the
 * table refuses 403. Record-level outcomes (404) stay with the features' scopes, which apply them
 * in SQL. Register after the session hook, before any route.
 */
export function registerAccessControl(app: FastifyInstance) {
  const routeTable: DeclaredRoute[] = [];
  app.decorate('routeTable', routeTable);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || undeclaredPublic(route.url)) return;
    const declared = route.config?.access;
    if (!declared) {
      throw new Error(`${String(route.method)} ${route.url} does not declare its access (config.access)`);
    }
    for (const method of [route.method].flat()) {
      routeTable.push({
        method,
        url: route.url,
        access: declared,
        body: route.schema?.body,
        query: route.schema?.querystring,
      });
    }
  });

  app.addHook('onRequest', async (request) => {
    const declared = request.routeOptions.config.access;
    if (!declared) return;
    if (!request.actor) {
      if (declared.anonymous === 401) throw new AppError('UNAUTHENTICATED', 'Sign in to use this endpoint');
      return;
    }
    if (!rolesAdmitted(declared).has(request.actor.role)) {
      const denied = request.routeOptions.config.accessDenied;
      if (denied) throw new AppError(denied.code, denied.message);
      throw new AppError('FORBIDDEN', `Your role (${request.actor.role}) may not use this endpoint`);
    }
  });
}
