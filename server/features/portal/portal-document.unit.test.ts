import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript, renderDocument } from './portal-document.ts';

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
