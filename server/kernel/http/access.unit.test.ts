import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { access, registerAccessControl, rolesAdmitted } from './access.ts';

describe('access declarations', () => {
  it('refuses to register an API route that does not declare its access', async () => {
    const app = Fastify();
    registerAccessControl(app);
    expect(() => app.get('/api/forgotten', async () => 'open')).toThrow(
      'GET /api/forgotten does not declare its access',
    );
    // Pages outside /api are not API routes.
    expect(() => app.get('/about', async () => 'page')).not.toThrow();
    await app.close();
  });

  it('admits a role when any of its callers may get past the gate', () => {
    expect([...rolesAdmitted(access.staff)].sort()).toEqual(['admin', 'officer']);
    // Partner B's 404 is the partner role's record scope, not a refusal of the role.
    expect(rolesAdmitted(access.actionRecord).has('partner')).toBe(true);
    expect(rolesAdmitted({ ...access.staff, partnerA: 'ok' }).has('partner')).toBe(true);
  });
});
