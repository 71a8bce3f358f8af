import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const demoPassword = 'tandem-demo-password';
export const demoAccounts = {
  admin: 'admin@demo.tandem.test',
  officer: 'officer@demo.tandem.test',
  steering: 'steering@demo.tandem.test',
  partnerGhana: 'partner.ghana@demo.tandem.test',
  partnerJordan: 'partner.jordan@demo.tandem.test',
  expert: 'expert@demo.tandem.test',
} as const;

/**
 * Builds the web app as `npm run build:web` does, in its own process: inside Vitest NODE_ENV is
 * "test", which would bundle React's development build.
 */
export async function buildWeb() {
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`vite build failed (exit ${code}):\n${output}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export type RunningServer = { baseUrl: string; stop: () => Promise<void> };

/**
 * Starts the real server (`node --import tsx server/main.ts`) on a free port with a fresh data folder:
 * embedded PostgreSQL, demo mode, the demo accounts. Resolves once `GET /api/health` answers 200.
 */
export async function startServer({ timeoutMs = 90_000 } = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tandem-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    TANDEM_DATA_DIR: dataDir,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  // The browser tests run on the embedded database in demo mode, whatever the shell says.
  delete env.DATABASE_URL;
  delete env.TANDEM_DEMO;
  delete env.TANDEM_WEB_DIR;

  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopChild(child, exited);
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The server exited with code ${child.exitCode} before it was healthy:\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return { baseUrl, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`The server was not healthy within ${timeoutMs} ms:\n${output}`);
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

type ContextOptions = { baseUrl: string; locale?: string; language?: string };

/**
 * A fresh browser profile (AxeBuilder needs a page of a context made with `newContext`). `language`
 * stores an interface language choice before the first page loads, as the language switch does.
 */
export async function newContext(browser: Browser, { baseUrl, locale = 'en-GB', language }: ContextOptions) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale,
    viewport: { width: 1280, height: 900 },
  });
  if (language) {
    // The switch keeps the choice in a cookie too, so that server-rendered pages come in that language.
    await context.addCookies([{ name: 'tandem_lang', value: language, url: baseUrl }]);
    await context.addInitScript((code) => {
      if (!localStorage.getItem('tandem.language')) localStorage.setItem('tandem.language', code);
    }, language);
  }
  return context;
}

/** Messages a user never sees but that mean something broke: uncaught errors, CSP refusals. */
export function collectPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
      problems.push(`console: ${message.text()}`);
    }
  });
  return problems;
}

/** Signs in through the sign-in page, as a person would, and waits for the staff Actions list. */
export async function signIn(page: Page, email: string, password = demoPassword) {
  await page.goto('/sign-in');
  // By name, not label: this helper serves journeys in every language.
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  // Sign-in allows ten attempts a minute per account and address, and the suite signs the demo
  // accounts in many times from one address: an attempt refused for that alone is made again when
  // the server's Retry-After says it may be, twice at most.
  for (let attempt = 1; ; attempt++) {
    const answer = page.waitForResponse((response) => response.url().endsWith('/api/auth/login'));
    // The sign-in form's own button: the portal's frame around it has the language form's too.
    await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
    const response = await answer;
    const limited =
      response.status() === 429 &&
      ((await response.json()) as { error?: { code?: string } }).error?.code === 'RATE_LIMITED';
    if (!limited || attempt > 2) break;
    await page.waitForTimeout(Number(response.headers()['retry-after'] ?? 60) * 1000);
  }
  await page.waitForURL('**/app/actions**');
}

/**
 * A fresh browser profile on a page signed in as `email`, with the page's problems (console errors,
 * failed requests) collected from the start.
 */
export async function signedInPage(browser: Browser, baseUrl: string, email: string) {
  const context = await newContext(browser, { baseUrl });
  const page = await context.newPage();
  const problems = collectPageProblems(page);
  await signIn(page, email);
  return { context, page, problems };
}

/** Waits until no loader is announced: the page has its data. */
export async function settled(page: Page) {
  await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root'));
}

/**
 * Waits until the page's scripts have taken over a server-rendered control (React has attached its
 * handlers to it): a choice made before that is the browser's alone, and React would not see it.
 */
export async function hydrated(control: Locator) {
  await control
    .page()
    .waitForFunction(
      (element) => element !== null && Object.keys(element).some((key) => key.startsWith('__reactProps')),
      await control.elementHandle(),
    );
}

/**
 * What axe finds serious or critical on the page (each rule, why, and up to five places): a test
 * expects none. It waits first until no loader is announced, and with `heading` until the page shows
 * its title, so that axe judges the page with its data.
 */
export async function seriousViolations(page: Page, { heading = false } = {}) {
  if (heading) await page.getByRole('heading', { level: 1 }).first().waitFor();
  await settled(page);
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
}

export type { Browser, BrowserContext, Page };
