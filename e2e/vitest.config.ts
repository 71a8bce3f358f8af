import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The browser journeys: one real server and the built web app, driven with Debian's Chromium.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    name: 'e2e',
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    environment: 'node',
    // Journeys click through many pages; on a 2-core machine running two at once they take a while.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // A page may take more than the default second to show a change while another journey loads the
    // machine: an awaited condition (expect.poll) waits up to ten.
    expect: { poll: { timeout: 10_000 } },
    // Journeys share one server; a few at a time keeps the embedded database and the CPU calm.
    maxWorkers: 2,
  },
});
