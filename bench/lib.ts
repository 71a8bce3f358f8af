import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import autocannon from 'autocannon';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Polls a URL until it answers 200; resolves with the milliseconds it took. */
export async function waitForOk(
  url: string,
  timeoutMs: number,
  started = performance.now(),
): Promise<number> {
  while (performance.now() - started < timeoutMs) {
    try {
      const response = await fetch(url);
      if (response.ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export function startProcess(command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  return child;
}

/**
 * Starts Tandem as `npm start` runs it in production (compiled, with its heap setting; package.json,
 * "start"), so that memory and speed are those of a deployed server; the web app is built already.
 */
export function startTandem(env: Record<string, string>): ChildProcess {
  execFileSync('node', ['scripts/build-server-if-needed.mjs'], { stdio: 'inherit' });
  return startProcess('node', ['--max-old-space-size=512', 'dist/server/main.mjs'], env);
}

/** A benchmark's server: Tandem (`server/main.ts`) as `npm start` runs it, a baseline through tsx. */
export function startServer(script: string, env: Record<string, string>): ChildProcess {
  return script === 'server/main.ts'
    ? startTandem(env)
    : startProcess('node', ['--import', 'tsx', script], env);
}

/** Ends a process and every child it started (npm start runs node under a shell). */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export async function load(url: string, connections: number, seconds: number): Promise<LoadResult> {
  const result = await autocannon({ url, connections, duration: seconds });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Prints rows as an aligned table. */
export function printTable(header: string[], rows: (string | number)[][]) {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]?.length ?? 0)));
  for (const [index, row] of cells.entries()) {
    console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
    if (index === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export interface LatencyResult extends LoadResult {
  requests: number;
  /** The most requests one connection sent. */
  busiestConnection: number;
  p95: number;
}

/** What a browser says it accepts: the server compresses its answers as it would for one. */
const BROWSER_ACCEPT_ENCODING = { 'accept-encoding': 'gzip, deflate, br' };

/**
 * Loads a server with a set of paths taken in turn, as a browser asks for them (compressed answers),
 * and keeps every response's time: autocannon's own percentiles stop at 90 and 97.5, and the
 * budgets are written as p95.
 *
 * Each connection walks the paths from the first (autocannon's way); with `shared: false` each takes
 * its own share of them instead (the first connection the 1st, the 9th, ... of eight), so that no
 * path is asked twice until a connection has asked its whole share. With `sessions`, the connections
 * sign their requests with those sessions' headers in turn (the first connection the first session),
 * as several people would. With `rate`, the connections together send that many requests a second,
 * a steady load rather than as many as the server answers.
 */
export async function loadWithLatencies(
  base: string,
  paths: string[],
  options: {
    connections: number;
    seconds: number;
    headers?: Record<string, string>;
    sessions?: Record<string, string>[];
    shared?: boolean;
    rate?: number;
  },
): Promise<LatencyResult> {
  const latencies: number[] = [];
  const perConnection = new Map<unknown, number>();
  const { sessions, shared = true } = options;
  const requestsOf = (share: string[], headers?: Record<string, string>) =>
    share.map((path) => ({ method: 'GET' as const, path, ...(headers && { headers }) }));
  let connection = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: options.connections,
        duration: options.seconds,
        headers: { ...BROWSER_ACCEPT_ENCODING, ...options.headers },
        requests: requestsOf(paths),
        ...((!shared || sessions) && {
          setupClient: (client: autocannon.Client) => {
            const own = connection++;
            const share = shared ? paths : paths.filter((_, i) => i % options.connections === own);
            client.setRequests(requestsOf(share, sessions?.[own % sessions.length]));
          },
        }),
        ...(options.rate && { overallRate: options.rate }),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
      perConnection.set(client, (perConnection.get(client) ?? 0) + 1);
    });
  });
  return {
    requests: latencies.length,
    busiestConnection: Math.max(0, ...perConnection.values()),
    requestsPerSecond: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Peak and current resident memory of a process, from /proc (Linux). */
export function memoryOf(pid: number): { peakMb: number; currentMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { peakMb: kb('VmHWM') / 1024, currentMb: kb('VmRSS') / 1024 };
}

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const CLOCK_TICKS = 100;

/**
 * CPU time (user and system, in seconds) used so far by one process and by all of PostgreSQL's
 * processes on this host (Linux /proc): taken before and after a run, the difference per request
 * says where a request's cost lies. A backend that ends during the run takes its time out of the
 * live processes' sum; the postmaster, which waits for its ended children, counts it among its
 * children's times (cutime, cstime), so PostgreSQL's are counted with those.
 */
export function cpuSecondsOf(pid: number): { process: number; postgres: number } {
  const used = { process: 0, postgres: 0 };
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // the process ended meanwhile
    }
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    const endedChildren = (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
    if (Number(entry) === pid) used.process += own;
    else if (name === 'postgres') used.postgres += own + endedChildren;
  }
  return used;
}

/**
 * Signs in `count` times as the same person, one after another: the headers of as many sessions, as
 * that many people at their desks would send them (sign-in allows ten a minute per account and address).
 */
export async function signInSessions(base: string, email: string, count: number) {
  const sessions: Awaited<ReturnType<typeof signIn>>[] = [];
  for (let i = 0; i < count; i++) sessions.push(await signIn(base, email));
  return sessions;
}

/** Signs in through the API; the headers a signed-in client sends (session cookie, CSRF token). */
export async function signIn(base: string, email: string, password = 'tandem-demo-password') {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in of ${email}: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}
