import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('./web', import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server's Content-Security-Policy forbids inline scripts; Vite's module preload
    // polyfill is injected into the entry chunk (not inline), and no asset is inlined as script.
    assetsInlineLimit: 0,
    sourcemap: false,
    // The server reads it to preload, in the first response, the chunks a server-rendered page needs.
    manifest: true,
    rolldownOptions: {
      output: {
        // The libraries every page needs, in one long-cached chunk. Mantine is left to automatic
        // splitting so that staff-only components (AppShell, NavLink...) stay out of the portal.
        codeSplitting: {
          groups: [
            {
              name: 'vendor',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|i18next|react-i18next|@tanstack)[\\/]/,
            },
            // The small modules every public page shares (API client, formatting, the portal's
            // components), in one chunk rather than a dozen requests on a slow connection.
            {
              name: 'portal-common',
              test: /web[\\/](lib[\\/]|components[\\/](skip-link|use-page-title)|features[\\/]portal[\\/](api|lib|components)[\\/])/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
