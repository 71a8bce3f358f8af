import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every language has every message of the English catalog, with the plural forms its grammar needs
// (Arabic has six), and translates rather than copies.
const catalogDir = fileURLToPath(new URL('.', import.meta.url));
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(name, value);
    else for (const [k, v] of flatten(value, name)) flat.set(k, v);
  }
  return flat;
}

const featuresDir = fileURLToPath(new URL('../features', import.meta.url));

/** The shared catalog of a language merged with every feature's own catalog, as the app loads them. */
async function load(language: string) {
  const files = [path.join(catalogDir, `${language}.json`)];
  for (const feature of await readdir(featuresDir)) {
    const file = path.join(featuresDir, feature, 'i18n', `${language}.json`);
    if (
      await readFile(file).then(
        () => true,
        () => false,
      )
    )
      files.push(file);
  }
  const merged: Tree = {};
  for (const file of files) Object.assign(merged, JSON.parse(await readFile(file, 'utf8')) as Tree);
  return flatten(merged);
}

const baseKeys = (catalog: Map<string, string>) =>
  new Set([...catalog.keys()].map((key) => key.replace(pluralSuffix, '')));

describe('the message catalogs', async () => {
  const languages = (await readdir(catalogDir))
    .filter((file) => file.endsWith('.json'))
    .map((f) => f.slice(0, -5));
  const english = await load('en');

  it('exist for the five interface languages', () => {
    expect(languages.sort()).toEqual(['ar', 'en', 'es', 'fr', 'pt']);
  });

  it.each(languages)(
    '%s has every message, none empty, and the plural forms of its language',
    async (language) => {
      const catalog = await load(language);
      expect([...baseKeys(catalog)].sort()).toEqual([...baseKeys(english)].sort());
      for (const [key, value] of catalog) expect(value.trim(), key).not.toBe('');
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const plurals = new Set(
        [...english.keys()].filter((key) => pluralSuffix.test(key)).map((k) => k.replace(pluralSuffix, '')),
      );
      for (const key of plurals) {
        for (const category of needed)
          expect(catalog.has(`${key}_${category}`), `${key}_${category}`).toBe(true);
      }
    },
  );

  it('translates rather than copies English', async () => {
    for (const language of languages.filter((l) => l !== 'en')) {
      const catalog = await load(language);
      // Words, not placeholders and punctuation ("{{institution}}, {{role}}" is the same everywhere).
      const words = (value: string) =>
        value
          .replace(/\{\{[^}]*\}\}/g, '')
          .replace(/[^\p{L}]+/gu, ' ')
          .trim();
      const same = [...english].filter(
        ([key, value]) => catalog.get(key) === value && words(value).length > 12,
      );
      expect(same.map(([key]) => `${language}:${key}`)).toEqual([]);
    }
  });
});
