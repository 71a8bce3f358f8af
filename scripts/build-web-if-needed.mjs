// Builds the web app when web/dist is missing or older than its sources, so that `npm start`
// serves the current app without rebuilding it at every start.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const built = 'web/dist/index.html';

function newest(entry) {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry)
    .filter((name) => name !== 'dist')
    .reduce((latest, name) => Math.max(latest, newest(path.join(entry, name))), stat.mtimeMs);
}

const sources = ['web', 'vite.config.ts', 'package-lock.json'].filter((p) => existsSync(p));
const stale = !existsSync(built) || sources.some((source) => newest(source) > statSync(built).mtimeMs);
if (stale) {
  console.log('building the web app...');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
