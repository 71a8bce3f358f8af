import { readFileSync } from 'node:fs';
import path from 'node:path';

// For tests that check what the browser bundle reaches: the web app's own modules, read as text.
const importPattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/**
 * Every module the browser bundle can reach from `entry`, following relative imports (dynamic ones
 * too), each with the specifiers it imports and its source.
 */
export function reachableModules(entry: string) {
  const seen = new Map<string, { specifiers: string[]; source: string }>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    const source = readFileSync(file, 'utf8').replace(/^\s*(import|export) type [^;]*;/gm, '');
    const specifiers = [...source.matchAll(importPattern)].map((m) => (m[1] ?? m[2]) as string);
    seen.set(file, { specifiers, source });
    for (const specifier of specifiers) {
      if (specifier.startsWith('.') && /\.tsx?$/.test(specifier)) {
        queue.push(path.resolve(path.dirname(file), specifier));
      }
    }
  }
  return seen;
}
