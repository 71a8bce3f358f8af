import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Browser,
  type BrowserContext,
  collectPageProblems,
  launchBrowser,
  newContext,
  type Page,
  seriousViolations,
} from './harness.ts';

// Stories: a reader searches the library in Spanish and finds the handbook by a word of its text; an
// officer at a border post saves an aide-mémoire on the phone, loses the connection, and reads it.
const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function guideId(title: string) {
  const guides = await (await fetch(`${baseUrl}/api/public/field-guide`)).json();
  const guide = guides.items.find((g: { title: string }) => g.title.startsWith(title));
  if (!guide) throw new Error(`no guide ${title}`);
  return guide.id as string;
}

describe('searching the library', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await newContext(browser, { baseUrl, language: 'es' });
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  it('finds the Spanish handbook by an inflected word, with the word marked, then opens it', async () => {
    const problems = collectPageProblems(page);
    await page.goto('/library?lang=es');
    await page.getByLabel('Palabras que buscar').fill('albergue');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await page.waitForURL(/q=albergue/);
    const result = page.locator('.library-result').first();
    await expect
      .poll(() => result.locator('h3').textContent())
      .toBe('Manual de protección y asistencia a víctimas de trata de personas');
    expect(await result.locator('mark').allTextContents()).toContain('albergues');
    await result.getByRole('link', { name: 'Descargar el archivo' }).waitFor();
    await result.locator('h3 a').click();
    await page.getByRole('heading', { level: 1, name: /Manual de protección/ }).waitFor();
    await page.getByText('Las personas rescatadas fueron acompañadas', { exact: false }).waitFor();
    expect(problems).toEqual([]);
  });
});

describe('the offline field guide', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await newContext(browser, { baseUrl, language: 'fr' });
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  it('saves an aide-mémoire, and reads it with no connection', async () => {
    const problems = collectPageProblems(page);
    const id = await guideId('Aide-mémoire for officers at border posts');
    await page.goto('/field-guide?lang=fr');
    await page.getByText('Aucun guide n’est encore enregistré sur cet appareil.').waitFor();
    // The service worker takes control of the page once it is active.
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
      timeout: 30_000,
    });
    const guide = page.locator('.library-result', { has: page.locator(`a[href="/library/${id}"]`) });
    await guide.getByRole('button', { name: 'Enregistrer pour lire hors ligne' }).click();
    await guide.getByText('Enregistré : ce guide s’ouvre sans connexion.').waitFor();

    await context.setOffline(true);
    try {
      // The list of saved guides, then the guide itself, come from the device.
      await page.reload();
      const saved = page.locator('#saved-guides a', { hasText: 'Aide-mémoire pour les agents' });
      await saved.waitFor();
      await saved.click();
      await page.waitForURL(new RegExp(`/library/${id}`));
      await page.getByRole('heading', { level: 1, name: /Aide-mémoire pour les agents/ }).waitFor();
      await page.getByText('Un migrant objet de trafic n’est pas un délinquant', { exact: false }).waitFor();
      // Opened straight from its address, as from the home screen, it still reads.
      await page.goto(`/library/${id}`);
      await page.getByText('Questions à poser, séparément et calmement', { exact: false }).waitFor();
      // So does its file.
      const file = await page.evaluate(async (url) => {
        const response = await fetch(url);
        return { status: response.status, type: response.headers.get('content-type') };
      }, `/api/public/deliverables/${id}/download`);
      expect(file).toEqual({ status: 200, type: 'application/pdf' });
    } finally {
      await context.setOffline(false);
    }
    expect(problems).toEqual([]);
  });

  it('is an installable web app: a manifest in the page’s language and a service worker at the root', async () => {
    await page.goto('/field-guide?lang=fr');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest?lang=fr');
    const manifest = await (await fetch(`${baseUrl}${href}`)).json();
    expect(manifest).toMatchObject({
      display: 'standalone',
      start_url: '/field-guide?lang=fr',
      name: 'Guide de terrain Tandem',
    });
    const worker = await fetch(`${baseUrl}/sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toMatch(/javascript/);
  });
});

describe.each(['en', 'ar'])('the library’s pages in %s', (language) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await newContext(browser, { baseUrl, language });
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  it('have no serious or critical violation and read in their language and direction', async () => {
    const id = await guideId(
      language === 'ar' ? 'Standard operating procedures' : 'Aide-mémoire for airport',
    );
    for (const path of [
      '/library',
      '/library?q=trafficking',
      '/library?q=zzzz',
      `/library/${id}`,
      '/field-guide',
    ]) {
      await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=${language}`);
      expect(await page.locator('html').getAttribute('dir'), path).toBe(language === 'ar' ? 'rtl' : 'ltr');
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });
});
