import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** A PostgreSQL connection string; when unset the embedded database (PGlite) is used. */
  databaseUrl: string | undefined;
  /** Where the embedded database keeps its files. */
  dataDir: string;
  /** Where uploaded files are kept: outside the web root, under generated names. */
  filesDir: string;
  /** Demo mode loads the demo facility and its accounts on first start. */
  demo: boolean;
  /** Send the session cookie only over HTTPS; on when the public URL is https. */
  secureCookies: boolean;
  /** The address users reach Tandem at (no trailing slash), for canonical links, sitemaps, feeds and mails. */
  publicUrl: string | undefined;
  /** Where the built web app lives. */
  webDir: string;
  logLevel: string;
  /** Behind a reverse proxy, take the client address from X-Forwarded-For (for rate limits). */
  trustProxy: boolean;
  /** The SMTP server for notification mails, e.g. smtp://user:pass@mail.example.org:587; unset: no mail. */
  smtpUrl: string | undefined;
  /** The sender of notification mails. */
  mailFrom: string;
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number between 0 and 65535, not "${value}"`);
  }
  return port;
}

function parseFlag(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  throw new Error(`${name} must be 1 or 0, not "${value}"`);
}

function parseSmtpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^smtps?:\/\//.test(value)) {
    throw new Error(
      'TANDEM_SMTP_URL must start with smtp:// or smtps://, such as smtp://mail.example.org:587',
    );
  }
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  // Demo mode is the default for the embedded database (a first look at Tandem) and off for a real
  // PostgreSQL (a real deployment), unless asked for.
  const demo = parseFlag('TANDEM_DEMO', env.TANDEM_DEMO) ?? databaseUrl === undefined;
  return {
    port: parsePort(env.PORT),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(env.TANDEM_DATA_DIR || 'data'),
    filesDir: path.resolve(env.TANDEM_FILES_DIR || path.join(env.TANDEM_DATA_DIR || 'data', 'files')),
    demo,
    secureCookies: (env.TANDEM_PUBLIC_URL ?? '').startsWith('https://'),
    publicUrl: env.TANDEM_PUBLIC_URL ? env.TANDEM_PUBLIC_URL.replace(/\/+$/, '') : undefined,
    webDir: path.resolve(env.TANDEM_WEB_DIR || 'web/dist'),
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: parseFlag('TANDEM_TRUST_PROXY', env.TANDEM_TRUST_PROXY) ?? false,
    smtpUrl: parseSmtpUrl(env.TANDEM_SMTP_URL),
    mailFrom: env.TANDEM_MAIL_FROM || 'Tandem <tandem@localhost>',
  };
}
