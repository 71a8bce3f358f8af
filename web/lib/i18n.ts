import i18next, { type BackendModule, type LanguageDetectorModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, directionOf, languageStorageKey, languages, matchLanguage } from './languages.ts';

type Catalog = Record<string, unknown>;

// One chunk per catalog and language: a reader downloads only the languages and the areas they use.
// The shared catalog (web/i18n/<language>.json) is i18next's default namespace and loads at start;
// each feature keeps its own messages in web/features/<feature>/i18n/<language>.json, under a
// top-level key of its own (so that features never edit each other's files), as a namespace named
// after the feature that a page loads with its own chunk (`loadCatalogs`). Keys stay as they are
// (`t('requests.title')`): a key not in the shared catalog is looked up in the feature namespaces.
const sharedCatalogs = import.meta.glob<{ default: Catalog }>('../i18n/*.json');
const featureCatalogs = import.meta.glob<{ default: Catalog }>('../features/*/i18n/*.json');

const sharedNamespace = 'translation';

/** The features that have a catalog of their own (web/features/<area>/i18n), each a namespace. */
export const catalogAreas = [
  'account',
  'actions',
  'activities',
  'audit',
  'deliverables',
  'experts',
  'iati',
  'notifications',
  'participants',
  'portal',
  'reporting',
  'requests',
  'results',
] as const;
export type CatalogArea = (typeof catalogAreas)[number];

function catalogLoader(language: string, namespace: string) {
  return namespace === sharedNamespace
    ? sharedCatalogs[`../i18n/${language}.json`]
    : featureCatalogs[`../features/${namespace}/i18n/${language}.json`];
}

// i18next asks for each namespace in use in each language it needs: at start, when a page loads an
// area's catalog (`loadCatalogs`), and on a language change (every namespace loaded so far, before
// the change takes effect, so that every area on screen switches in place).
const catalogBackend: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init() {},
  read(language, namespace, callback) {
    const load = catalogLoader(language, namespace);
    if (!load) return callback(new Error(`No ${namespace} catalog for ${language}`), false);
    load().then(
      (module) => callback(null, module.default),
      (error: Error) => callback(error, false),
    );
  },
};

/**
 * Loads the catalogs of these areas (features) in the languages in use. A page's lazy loader awaits
 * it beside the page's code, so that the page never renders before its messages are there.
 */
export function loadCatalogs(areas: readonly CatalogArea[]): Promise<void> {
  return areas.length ? i18next.loadNamespaces([...areas]) : Promise.resolve();
}

/** The cookie that tells the server the reader's choice, so that it renders pages in that language. */
const languageCookie = 'tandem_lang';

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(languageStorageKey);
  } catch {
    return null; // storage can be disabled; the browser's language still applies
  }
}

/** The choice the server renders pages in, as the browser holds it. */
const cookieLanguage = () =>
  new RegExp(`(?:^|;\\s*)${languageCookie}=([^;]*)`).exec(document.cookie)?.[1] ?? null;

/** The language the address asks for (`?lang=fr`, as the portal's hreflang links give it). */
const addressLanguage = () => new URLSearchParams(window.location.search).get('lang');

let renderedLanguage: string | undefined;
let storedBeforeStart: string | undefined;
let cookieBeforeStart: string | undefined;

/**
 * The language of a page the server rendered (the browser must take it over in that language), else
 * the address's, then the stored choice, then the browser's preferred languages, then English.
 */
const languageDetector: LanguageDetectorModule = {
  type: 'languageDetector',
  detect() {
    const candidates = [
      renderedLanguage,
      addressLanguage(),
      readStoredLanguage(),
      ...(navigator.languages ?? []),
      navigator.language,
    ];
    for (const candidate of candidates) {
      const match = matchLanguage(candidate);
      if (match) return match;
    }
    return defaultLanguage;
  },
  cacheUserLanguage(language) {
    try {
      localStorage.setItem(languageStorageKey, language);
    } catch {
      // Not persisted; the choice still holds for this visit.
    }
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser partners use
    document.cookie = `${languageCookie}=${language}; path=/; max-age=31536000; samesite=lax`;
  },
};

/** Keep `<html lang dir>` true to the interface language, for screen readers and RTL layout. */
function applyToDocument(language: string) {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

/**
 * The reader's stored choice when it differs from the language the server rendered the page in (the
 * cookie that tells the server was lost, say), unless the address asks for that language or the
 * server followed the cookie (set by the language form sent before scripts ran, the newer choice):
 * the app switches to it once it has taken the page over.
 */
export function storedChoiceAfterRender(): string | undefined {
  if (!renderedLanguage || addressLanguage() || cookieBeforeStart === renderedLanguage) return undefined;
  return storedBeforeStart && storedBeforeStart !== renderedLanguage ? storedBeforeStart : undefined;
}

/**
 * `serverLanguage`: the language of a page the server rendered, when it is one; `areas`: the feature
 * catalogs the first page needs beside the shared one, loaded before it renders (or hydrates).
 */
export async function initI18n(serverLanguage?: string, areas: readonly CatalogArea[] = []) {
  renderedLanguage = serverLanguage;
  storedBeforeStart = matchLanguage(readStoredLanguage());
  cookieBeforeStart = matchLanguage(cookieLanguage());
  i18next.on('languageChanged', applyToDocument);
  await i18next
    .use(catalogBackend)
    .use(languageDetector)
    .use(initReactI18next)
    .init({
      supportedLngs: languages.map((language) => language.code),
      fallbackLng: defaultLanguage,
      load: 'languageOnly',
      ns: [sharedNamespace, ...areas],
      defaultNS: sharedNamespace,
      fallbackNS: [...catalogAreas],
      interpolation: { escapeValue: false }, // React escapes
      react: { useSuspense: true },
    });
  return i18next;
}
