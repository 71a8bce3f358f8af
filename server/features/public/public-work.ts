import type { Db } from '../../kernel/db/database.ts';
import type { Language } from '../../kernel/localized.ts';
import type { PublicDeliverable, PublicResource } from './public.contract.ts';

/**
 * What the Action workspace (activities, expert deployments, deliverables) tells the public, seen
 * from the portal. The portal asks through this interface and never reads the workspace's tables, so
 * the workspace can plug in its own implementation (`publicRoutes(app, { db, work })`) without the
 * portal changing. Until it does, `nothingPublishedYet` answers zeros and empty lists: the portal
 * shows its slots ("no activity held yet") rather than invented figures.
 *
 * Whatever implements it must answer aggregates and public records only (never an expert's name),
 * and its tables must bump the 'portfolio' cache version (see decision 005), or the portal would
 * serve stale figures.
 */
export interface PublicWorkSource {
  /** Activities held and experts deployed on public Actions, for the whole portfolio or one region. */
  totals(db: Db, filter: { region?: string }): Promise<{ activitiesHeld: number; expertsDeployed: number }>;
  /** One public Action's work: activities held by type, where its experts came from, what it published. */
  forAction(db: Db, actionId: string, lang: Language): Promise<PublicActionWork>;
  /** The most recently published public deliverables, newest first. */
  latestResources(db: Db, lang: Language, limit: number): Promise<PublicResource[]>;
}

export interface PublicActionWork {
  activitiesByType: { type: string; name: string; count: number }[];
  /** ISO 3166-1 alpha-2 codes of the countries the Action's experts came from; never names. */
  expertCountries: string[];
  publishedDeliverables: PublicDeliverable[];
}

export const nothingPublishedYet: PublicWorkSource = {
  totals: async () => ({ activitiesHeld: 0, expertsDeployed: 0 }),
  forAction: async () => ({ activitiesByType: [], expertCountries: [], publishedDeliverables: [] }),
  latestResources: async () => [],
};
