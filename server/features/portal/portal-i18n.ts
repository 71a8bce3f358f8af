import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n as I18n } from 'i18next';
import { LANGUAGES, type Language } from '../../kernel/localized.ts';

type Catalog = Record<string, unknown>;
const webDir = fileURLToPath(new URL('../../../web/', import.meta.url));

/**
 * The web app's message catalogs for one language, merged as the browser merges them (the shared
 * catalog, then each feature's own), so that a page rendered here reads exactly as it will there.
 */
function catalogOf(language: Language): Catalog {
  const files = [path.join(webDir, 'i18n', `${language}.json`)];
  const featuresDir = path.join(webDir, 'features');
  for (const feature of readdirSync(featuresDir).sort()) {
    const file = path.join(featuresDir, feature, 'i18n', `${language}.json`);
    if (existsSync(file)) files.push(file);
  }
  return Object.assign({}, ...files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as Catalog));
}

const instances = new Map<Language, I18n>();

/** An i18next instance per language, loaded once, for server-side rendering and server texts. */
export function serverI18n(language: Language): I18n {
  const existing = instances.get(language);
  if (existing) return existing;
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    load: 'languageOnly',
    resources: Object.fromEntries(
      [...new Set([language, 'en' as const])].map((lang) => [lang, { translation: catalogOf(lang) }]),
    ),
    initAsync: false,
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  instances.set(language, instance);
  return instance;
}
