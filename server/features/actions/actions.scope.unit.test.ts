import { describe, expect, it } from 'vitest';
import type { Actor } from '../../kernel/auth/actor.ts';
import { scopeFor } from './actions.scope.ts';

const actor = (role: Actor['role'], institutionId: string | null = null): Actor => ({
  id: 'u',
  email: 'e@x.test',
  name: 'n',
  role,
  institutionId,
});

describe('scopeFor', () => {
  it('lets officers, admins and steering members see the whole portfolio', () => {
    for (const role of ['officer', 'admin', 'steering'] as const)
      expect(scopeFor(actor(role))).toEqual({ kind: 'all' });
  });

  it('limits a partner to its institution, and a partner without one to nothing', () => {
    expect(scopeFor(actor('partner', 'inst-1'))).toEqual({ kind: 'institution', institutionId: 'inst-1' });
    expect(scopeFor(actor('partner'))).toEqual({ kind: 'none' });
  });

  it('limits an expert to the Actions they are deployed on', () => {
    expect(scopeFor(actor('expert'))).toEqual({ kind: 'deployed', userId: 'u' });
  });
});
