import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript, readDocumentAssets, renderDocument } from './portal-document.ts';

const parts = {
  assets: {
    head: '<script type="module" crossorigin src="/assets/index-abc.js"></script>',
    preloads: () => '',
  },
  language: 'ar' as const,
  direction: 'rtl' as const,
  siteName: 'Tandem',
  title: 'Ghana III · Tandem',
  description: 'Say "hello" <now> & then',
  type: 'article' as const,
  source: 'features/portal/pages/action-page.tsx',
  canonical: 'https://tandem.example.org/actions/1?lang=ar',
  alternates: {
    en: 'https://tandem.example.org/actions/1?lang=en',
    fr: 'https://tandem.example.org/actions/1?lang=fr',
    es: 'https://tandem.example.org/actions/1?lang=es',
    pt: 'https://tandem.example.org/actions/1?lang=pt',
    ar: 'https://tandem.example.org/actions/1?lang=ar',
    default: 'https://tandem.example.org/actions/1',
  },
  noindex: false,
  appHtml: '<h1>Ghana III</h1>',
  dataId: 'tandem-data',
  data: { note: '</script><script>alert(1)</script>' },
};

describe('the document of a server-rendered page', () => {
  it('keeps data from closing its script element, whatever it holds', () => {
    const json = jsonForScript(parts.data);
    expect(json).not.toContain('</script>');
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual(parts.data);
  });

  it('escapes text put into attributes', () => {
    expect(escapeHtml(`a "b" <c> & 'd'`)).toBe('a &quot;b&quot; &lt;c&gt; &amp; &#39;d&#39;');
    const html = renderDocument(parts);
    expect(html).toContain(
      '<meta name="description" content="Say &quot;hello&quot; &lt;now&gt; &amp; then">',
    );
  });

  it('names its language and direction, its versions and its preview', () => {
    const html = renderDocument(parts);
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain(
      '<link rel="alternate" hreflang="x-default" href="https://tandem.example.org/actions/1">',
    );
    expect(html).toContain('<meta property="og:locale" content="ar_AR">');
    expect(html).toContain('<meta property="og:locale:alternate" content="en_GB">');
    expect(html).toContain('<div id="root"><h1>Ghana III</h1></div>');
    expect(html).not.toContain('noindex');
    expect(renderDocument({ ...parts, noindex: true })).toContain('<meta name="robots" content="noindex">');
  });
});

describe('the preloads of a public page', () => {
  it('are its chunks and the catalogs the browser starts with, not every feature’s', () => {
    const webDir = mkdtempSync(path.join(tmpdir(), 'tandem-document-'));
    try {
      mkdirSync(path.join(webDir, '.vite'));
      writeFileSync(path.join(webDir, 'index.html'), '<head><script src="/assets/index.js"></script></head>');
      const chunk = (file: string, imports?: string[]) => ({ file, imports });
      const manifest = {
        'features/portal/pages/home-page.tsx': chunk('assets/home.js', ['_common.js']),
        '_common.js': chunk('assets/common.js'),
        'i18n/fr.json': chunk('assets/fr.js'),
        'i18n/en.json': chunk('assets/en.js'),
        'i18n/es.json': chunk('assets/es.js'),
        'features/portal/i18n/fr.json': chunk('assets/portal-fr.js'),
        'features/portal/i18n/en.json': chunk('assets/portal-en.js'),
        'features/requests/i18n/fr.json': chunk('assets/requests-fr.js'),
      };
      writeFileSync(path.join(webDir, '.vite', 'manifest.json'), JSON.stringify(manifest));
      const preloaded = [
        ...readDocumentAssets(webDir)
          .preloads('features/portal/pages/home-page.tsx', 'fr')
          .matchAll(/href="\/([^"]+)"/g),
      ].map((m) => m[1]);
      expect(preloaded.sort()).toEqual(
        ['home', 'common', 'fr', 'en', 'portal-fr', 'portal-en'].map((name) => `assets/${name}.js`).sort(),
      );
    } finally {
      rmSync(webDir, { recursive: true, force: true });
    }
  });
});
