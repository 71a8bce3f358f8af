// The public portal's budgets, measured in Debian's Chromium:
//  - Lighthouse 12 with its mobile defaults (simulated slow 4G and a slowed CPU) on the home page and
//    an Action page: performance at least 95, accessibility 100;
//  - the JavaScript a first visit to a portal page downloads, gzipped: at most 200 kB, and none of the
//    staff app's code (its shell, Mantine).
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';

const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const chromeFlags = ['--headless', '--no-sandbox', '--disable-gpu'];

export type LighthouseFigures = {
  performance: number;
  accessibility: number;
  metrics: Record<'fcp' | 'lcp' | 'tbt' | 'cls' | 'si', string>;
  /** Accessibility audits that failed, by id: what to fix when the score is under 100. */
  failing: string[];
};

export async function lighthouseRun(url: string): Promise<LighthouseFigures> {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    const { categories, audits } = result.lhr;
    const metric = (id: string) => audits[id]?.displayValue ?? '?';
    return {
      performance: Math.round((categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
      metrics: {
        fcp: metric('first-contentful-paint'),
        lcp: metric('largest-contentful-paint'),
        tbt: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
        si: metric('speed-index'),
      },
      failing: (categories.accessibility?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && audits[ref.id]?.score === 0)
        .map((ref) => ref.id),
    };
  } finally {
    chrome.kill();
  }
}

/** Code that belongs to the staff app and must never load on a public page. */
const staffChunk = /staff-layout|mantine-root|actions-list-page|sign-in-page|MantineThemeProvider/;

export async function firstLoadJavaScript(url: string) {
  const browser = await chromium.launch({ executablePath: chromePath, args: chromeFlags });
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    const scripts = new Map<string, number>();
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      scripts.set(response.url(), gzipSync(body).length);
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    const names = [...scripts.keys()].map((u) => new URL(u).pathname.split('/').pop() ?? u);
    return {
      gzipBytes: [...scripts.values()].reduce((sum, size) => sum + size, 0),
      files: names.length,
      staff: names.filter((name) => staffChunk.test(name)),
    };
  } finally {
    await browser.close();
  }
}
