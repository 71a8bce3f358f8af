import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogAreas } from '../lib/i18n.ts';
import { reachableModules } from '../lib/module-graph.ts';

// A page renders once the catalogs its route loads are there (router.tsx): a message from a catalog
// the route does not load would show as its key. Each feature's catalog holds one top-level key.
const appDir = path.dirname(fileURLToPath(import.meta.url));
const featuresDir = path.join(appDir, '../features');
const areasWithCatalogs = readdirSync(featuresDir).filter((feature) =>
  existsSync(path.join(featuresDir, feature, 'i18n', 'en.json')),
);
const topKeyOf = (area: string) =>
  Object.keys(JSON.parse(readFileSync(path.join(featuresDir, area, 'i18n', 'en.json'), 'utf8')));

/** The feature catalogs whose keys appear, as string literals, in the modules `entry` reaches. */
function areasUsedFrom(entry: string) {
  const patterns = areasWithCatalogs.map((area) => ({
    area,
    key: new RegExp(`['"\`](${topKeyOf(area).join('|')})\\.[a-zA-Z]`),
  }));
  const used = new Set<string>();
  for (const { source } of reachableModules(entry).values()) {
    for (const { area, key } of patterns) if (key.test(source)) used.add(area);
  }
  return [...used].sort();
}

const router = readFileSync(path.join(appDir, 'router.tsx'), 'utf8');
const listOf = (text: string) => [...text.matchAll(/'([a-zA-Z]+)'/g)].map((m) => m[1] as string);
const named = Object.fromEntries(
  [...router.matchAll(/const (\w+) = \[([^\]]*)\] as const;/g)].map((m) => [m[1], listOf(m[2] ?? '')]),
);
const routes = [
  ...router.matchAll(
    /const (\w+) = page\(\s*\(\) => import\('([^']+)'\),\s*'\w+',?\s*(?:(\w+)|\[([^\]]*)\])?/g,
  ),
].map((m) => ({
  name: m[1] as string,
  file: path.resolve(appDir, m[2] as string),
  areas: m[3] ? (named[m[3]] ?? []) : listOf(m[4] ?? ''),
}));

describe('the catalogs each page loads', () => {
  it('are named after the features that have one, one top-level key each', () => {
    expect([...catalogAreas].sort()).toEqual(areasWithCatalogs.sort());
    for (const area of areasWithCatalogs) expect(topKeyOf(area), area).toHaveLength(1);
  });

  it('cover every feature message a staff page or the sign-in pages show', () => {
    expect(routes.length).toBeGreaterThan(20);
    const missing = routes.flatMap(({ name, file, areas }) =>
      areasUsedFrom(file)
        .filter((area) => !areas.includes(area))
        .map((area) => `${name} shows messages of ${area} but does not load its catalog`),
    );
    expect(missing).toEqual([]);
  });

  it('leave the portal needing its own catalog only, which its frame waits for', () => {
    const entries = [
      path.join(appDir, 'public-layout.tsx'),
      ...readdirSync(path.join(featuresDir, 'portal/pages'))
        .filter((file) => file.endsWith('.tsx'))
        .map((file) => path.join(featuresDir, 'portal/pages', file)),
    ];
    const others = entries.flatMap((entry) => areasUsedFrom(entry).filter((area) => area !== 'portal'));
    expect(others).toEqual([]);
    expect(areasUsedFrom(entries[0] as string)).toEqual(['portal']);
    expect(readFileSync(entries[0] as string, 'utf8')).toContain("useTranslation(['translation', 'portal'])");
  });
});
