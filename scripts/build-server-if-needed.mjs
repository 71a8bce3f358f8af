// Compiles the server into one JavaScript file, dist/server/main.mjs, when it is missing or older
// than any of its sources, so that `npm start` runs plain JavaScript: the TypeScript loader (tsx)
// costs about 120 MB resident and seconds of start-up in a process that runs for months. Packages
// stay in node_modules (imported at run time, lazily where the code says so); only the project's
// own files are bundled. See docs/decisions/106-server-build.md.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const entry = 'server/main.ts';
const outfile = 'dist/server/main.mjs';
const metafile = 'dist/server/inputs.json';

function stale() {
  if (!existsSync(outfile) || !existsSync(metafile)) return true;
  const built = statSync(outfile).mtimeMs;
  const inputs = [...JSON.parse(readFileSync(metafile, 'utf8')), 'package-lock.json'];
  return inputs.some((file) => !existsSync(file) || statSync(file).mtimeMs > built);
}

/**
 * A module that finds files beside itself (the migrations, the password list, the web app's
 * catalogs) keeps finding them once bundled: its `import.meta.url` becomes its source file's URL,
 * written relative to the bundle so that the checkout can move.
 */
const sourceUrls = {
  name: 'source-urls',
  setup(compiler) {
    compiler.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const relative = path
        .relative(path.dirname(path.resolve(outfile)), args.path)
        .split(path.sep)
        .join('/');
      const url = `new URL(${JSON.stringify(relative)}, import.meta.url).href`;
      return {
        contents: text.replaceAll('import.meta.url', url),
        loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts',
      };
    });
  },
};

if (stale()) {
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Linked, not loaded: NODE_OPTIONS=--enable-source-maps shows TypeScript lines when needed.
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [sourceUrls],
  });
  writeFileSync(metafile, JSON.stringify(Object.keys(result.metafile.inputs)));
}
