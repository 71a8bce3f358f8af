import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reachableModules as reachable } from './module-graph.ts';

// The web app imports the server's contracts (Zod schemas) so that a request is described once. The
// contracts must stay free of server-only code: a table module would bring the database library
// into every staff page (it once added 10 kB gzipped to the first load).
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const serverOnly =
  /^(drizzle-orm|pg|@electric-sql\/pglite|node:|fastify|@fastify\/|exceljs|pdfkit|unpdf|mammoth)/;
describe('the browser bundle', () => {
  it('reaches the server’s contracts but no server-only module', () => {
    const modules = reachable(path.join(root, 'web/app/main.tsx'));
    const fromServer = [...modules.keys()].filter((file) => file.includes(`${path.sep}server${path.sep}`));
    expect(fromServer.some((file) => file.endsWith('.contract.ts'))).toBe(true);

    const offending = [...modules].flatMap(([file, { specifiers }]) =>
      specifiers
        .filter((s) => serverOnly.test(s) || /\.table\.ts$/.test(s))
        .map((s) => `${path.relative(root, file)} imports ${s}`),
    );
    expect(offending).toEqual([]);
  });

  it('gives the Actions list, the staff app’s first page after sign-in, no Mantine Table', () => {
    // Mantine's Table brings its ScrollArea (about 15 kB gzipped) even in native scrolling mode:
    // the list's tables are plain (components/data-table.tsx, components/table-scroller.tsx).
    const modules = reachable(path.join(root, 'web/features/actions/pages/actions-list-page.tsx'));
    const mantineImports = /import\s*\{([^}]*)\}\s*from\s*['"]@mantine\/core['"]/g;
    const offending = [...modules.keys()].flatMap((file) =>
      [...(modules.get(file)?.source ?? '').matchAll(mantineImports)]
        .flatMap((m) => (m[1] as string).split(',').map((name) => name.trim()))
        .filter((name) => /^(Table|ScrollArea)\b/.test(name))
        .map((name) => `${path.relative(root, file)} imports ${name}`),
    );
    expect(modules.size).toBeGreaterThan(5);
    expect(offending).toEqual([]);
  });
});
