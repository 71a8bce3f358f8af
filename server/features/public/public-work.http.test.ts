import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../../kernel/http/error-handler.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { publicRoutes } from './public.routes.ts';
import type { PublicWorkSource } from './public-work.ts';

// The seam through which the Action workspace will publish its work: whatever it answers reaches
// the public through the portal's contracts, which keep out anything they do not name.
let t: TestApp;
let portal: FastifyInstance;
const deliverable = {
  id: '6f1d2c1e-5d7a-4b8e-9f60-0c1b2a3d4e5f',
  title: 'Handbook on investigating trafficking cases',
  type: 'handbook',
  typeName: 'Handbook',
  language: 'pt',
  publishedOn: '2026-10-18',
  downloadUrl: '/api/public/library/6f1d2c1e-5d7a-4b8e-9f60-0c1b2a3d4e5f/file',
};
const workspace: PublicWorkSource = {
  totals: async (_db, { region }) => ({ activitiesHeld: region ? 4 : 41, expertsDeployed: region ? 3 : 27 }),
  forAction: async () => ({
    activitiesByType: [{ type: 'training', name: 'Training', count: 2 }],
    // A careless implementation that also passes names must not leak them.
    expertCountries: ['PT', 'ES'],
    publishedDeliverables: [{ ...deliverable, authorEmail: 'expert@demo.tandem.test' } as typeof deliverable],
    expertNames: ['Erik Expert-Demo'],
  }),
  latestResources: async () => [{ ...deliverable, action: { id: deliverable.id, name: 'Timor-Leste I' } }],
};

beforeAll(async () => {
  t = await createTestApp();
  portal = Fastify({ logger: false });
  portal.setValidatorCompiler(validatorCompiler);
  portal.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(portal);
  publicRoutes(portal, { db: t.database.db, work: workspace });
  await portal.ready();
});
afterAll(async () => {
  await portal.close();
  await t.close();
});

const get = (url: string) => portal.inject({ method: 'GET', url });

describe('a workspace plugged into the portal', () => {
  it('fills the home counters and a region’s', async () => {
    const stats = (await get('/api/public/stats')).json();
    expect([stats.activitiesHeld, stats.expertsDeployed]).toEqual([41, 27]);
    const region = (await get('/api/public/regions/asia')).json();
    expect([region.activitiesHeld, region.expertsDeployed]).toEqual([4, 3]);
  });

  it('fills an Action’s activities, experts’ countries and deliverables, and nothing more', async () => {
    const [first] = (await get('/api/public/actions?pageSize=1')).json().items;
    const response = await get(`/api/public/actions/${first.id}`);
    const detail = response.json();
    expect(detail.activitiesByType).toEqual([{ type: 'training', name: 'Training', count: 2 }]);
    expect(detail.expertCountries).toEqual(['PT', 'ES']);
    expect(detail.publishedDeliverables).toEqual([deliverable]);
    expect(response.body).not.toContain('Erik Expert-Demo');
    expect(response.body).not.toContain('expert@demo.tandem.test');
  });

  it('lists the latest resources', async () => {
    const { items } = (await get('/api/public/resources?limit=3')).json();
    expect(items).toEqual([{ ...deliverable, action: { id: deliverable.id, name: 'Timor-Leste I' } }]);
  });
});
