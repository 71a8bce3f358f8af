import i18next, { type BackendModule, type LanguageDetectorModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, directionOf, languageStorageKey, languages, matchLanguage } from './languages.ts';

type Catalog = Record<string, unknown>;

// One chunk per catalog: a reader downloads only the languages they use. The shared catalog lives in
// web/i18n; each feature may keep its own messages in web/features/<feature>/i18n/<language>.json,
// under a top-level key of its own, so that features never edit each other's files.
const catalogs = import.meta.glob<{ default: Catalog }>(['../i18n/*.json', '../features/*/i18n/*.json']);

function catalogLoaders(language: string) {
  return Object.entries(catalogs)
    .filter(([file]) => file.endsWith(`/${language}.json`))
    .map(([, load]) => load);
}

const catalogBackend: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init() {},
  read(language, _namespace, callback) {
    const loaders = catalogLoaders(language);
    if (loaders.length === 0) return callback(new Error(`No catalog for ${language}`), false);
    Promise.all(loaders.map((load) => load())).then(
      (modules) => callback(null, Object.assign({}, ...modules.map((module) => module.default))),
      (error: Error) => callback(error, false),
    );
  },
};

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

/** `serverLanguage`: the language of a page the server rendered, when it is one. */
export async function initI18n(serverLanguage?: string) {
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
      interpolation: { escapeValue: false }, // React escapes
      react: { useSuspense: true },
    });
  return i18next;
}
