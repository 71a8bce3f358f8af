import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LANGUAGES, type Language } from '../../kernel/localized.ts';

/** The asset tags of the built web app (scripts, styles, icon), taken from its index.html. */
export type DocumentAssets = {
  head: string;
  /** Preload tags for a page module's chunks and a language's catalogs, from the build manifest. */
  preloads(source: string, language: string): string;
};

type Manifest = Record<string, { file: string; imports?: string[] }>;

const fallbackAssets: DocumentAssets = {
  head: '<link rel="icon" href="/favicon.svg" type="image/svg+xml">',
  preloads: () => '',
};

/**
 * Without these, a first visit fetches the entry, then (once it runs) the catalogs, then the page's
 * chunk: three round trips on a slow connection before the page can respond to a tap.
 */
function preloadsFrom(manifest: Manifest, alreadyLinked: string) {
  const memo = new Map<string, string>();
  return (source: string, language: string) => {
    const key = `${source}|${language}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const files = new Set<string>();
    const add = (name: string) => {
      const chunk = manifest[name];
      if (!chunk || files.has(chunk.file)) return;
      files.add(chunk.file);
      for (const imported of chunk.imports ?? []) add(imported);
    };
    add(source);
    // The shared catalog and the portal's: the browser loads other features' catalogs with their pages.
    const catalog = new RegExp(`^(features/portal/)?i18n/(${language}|en)\\.json$`);
    for (const name of Object.keys(manifest)) if (catalog.test(name)) add(name);
    const tags = [...files]
      .filter((file) => !alreadyLinked.includes(file))
      .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`)
      .join('\n    ');
    memo.set(key, tags);
    return tags;
  };
}

/**
 * Reads the tags Vite wrote into the built index.html (the hashed entry script, its stylesheet and
 * preloads). Without a build, pages are still rendered, with no script: readable, not interactive.
 */
export function readDocumentAssets(webDir: string): DocumentAssets {
  const file = path.join(webDir, 'index.html');
  if (!existsSync(file)) return fallbackAssets;
  const html = readFileSync(file, 'utf8');
  const head = /<head>([\s\S]*?)<\/head>/i.exec(html)?.[1] ?? '';
  const tags = (head.match(/<script\b[^>]*><\/script>|<link\b[^>]*>/gi) ?? []).join('\n    ');
  const manifestFile = path.join(webDir, '.vite', 'manifest.json');
  const manifest = existsSync(manifestFile)
    ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest)
    : {};
  return { head: tags, preloads: preloadsFrom(manifest, tags) };
}

export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * JSON that is safe inside `<script type="application/json">`: no `</script>` or `<!--` can close or
 * confuse the element, whatever the data holds.
 */
export const jsonForScript = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const ogLocales: Record<Language, string> = {
  en: 'en_GB',
  fr: 'fr_FR',
  es: 'es_ES',
  pt: 'pt_PT',
  ar: 'ar_AR',
};

export type DocumentParts = {
  assets: DocumentAssets;
  language: Language;
  direction: 'ltr' | 'rtl';
  siteName: string;
  title: string;
  description: string;
  type: 'website' | 'article';
  /** The page module's source path, to preload its chunks. */
  source: string;
  /** The page's address in this language, absolute. */
  canonical: string;
  /** The page's address in each language, and without one (x-default: the reader's own). */
  alternates: Record<Language, string> & { default: string };
  noindex: boolean;
  appHtml: string;
  dataId: string;
  data: unknown;
};

/**
 * The whole HTML document of a server-rendered page: what link previews, search engines and readers
 * without scripts need is in the head and the body of the first response.
 */
export function renderDocument(parts: DocumentParts): string {
  const e = escapeHtml;
  const alternates = LANGUAGES.map(
    (lang) => `<link rel="alternate" hreflang="${lang}" href="${e(parts.alternates[lang])}">`,
  );
  const meta = [
    '<meta charset="UTF-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(parts.title)}</title>`,
    `<meta name="description" content="${e(parts.description)}">`,
    parts.noindex ? '<meta name="robots" content="noindex">' : '',
    `<link rel="canonical" href="${e(parts.canonical)}">`,
    ...alternates,
    `<link rel="alternate" hreflang="x-default" href="${e(parts.alternates.default)}">`,
    `<meta property="og:site_name" content="${e(parts.siteName)}">`,
    `<meta property="og:type" content="${parts.type}">`,
    `<meta property="og:title" content="${e(parts.title)}">`,
    `<meta property="og:description" content="${e(parts.description)}">`,
    `<meta property="og:url" content="${e(parts.canonical)}">`,
    `<meta property="og:locale" content="${ogLocales[parts.language]}">`,
    ...LANGUAGES.filter((lang) => lang !== parts.language).map(
      (lang) => `<meta property="og:locale:alternate" content="${ogLocales[lang]}">`,
    ),
    '<meta name="twitter:card" content="summary">',
    // The offline field guide is an installable web app (the manifest names it in the page's language).
    `<link rel="manifest" href="/manifest.webmanifest?lang=${parts.language}">`,
    '<meta name="theme-color" content="#123d6b">',
    parts.assets.head,
    parts.assets.preloads(parts.source, parts.language),
  ].filter(Boolean);
  return `<!doctype html>
<html lang="${parts.language}" dir="${parts.direction}">
  <head>
    ${meta.join('\n    ')}
  </head>
  <body>
    <div id="root">${parts.appHtml}</div>
    <script type="application/json" id="${parts.dataId}">${jsonForScript(parts.data)}</script>
  </body>
</html>
`;
}
