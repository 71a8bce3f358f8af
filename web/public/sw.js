// The service worker of the offline field guide. It answers, when the network is gone, the pages
// and files a reader saved (cache "tandem-field-guide", filled by the page's "Save for offline"), the
// field guide's own page (the shell, kept from the last visit) and the app's hashed assets (kept as
// they are loaded: their names change with their content, so a kept copy is never stale).
const GUIDES = 'tandem-field-guide';
const SHELL = 'tandem-shell-v1';
const ASSETS = 'tandem-assets-v1';
const SHELL_PAGE = '/field-guide';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL);
      const response = await fetch(SHELL_PAGE, { credentials: 'same-origin' });
      if (response.ok) {
        const html = await response.clone().text();
        await shell.put(SHELL_PAGE, response);
        const assets = [...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]))];
        await (await caches.open(ASSETS)).addAll(assets);
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const kept = new Set([GUIDES, SHELL, ASSETS]);
      for (const name of await caches.keys()) if (!kept.has(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

const PORTAL_PAGE = /^\/(field-guide|library(\/[0-9a-f-]{36})?)?$/;

async function fromNetworkElseSaved(request, { keepAs } = {}) {
  try {
    const response = await fetch(request);
    if (keepAs && response.ok) await (await caches.open(SHELL)).put(keepAs, response.clone());
    return response;
  } catch (error) {
    // Pages vary by language (cookie, Accept-Language); a saved copy is the one the reader saved.
    const saved =
      (await caches.match(request, { ignoreVary: true })) ||
      (await caches.match(request, { ignoreSearch: true, ignoreVary: true })) ||
      (request.mode === 'navigate'
        ? await caches.match(SHELL_PAGE, { ignoreSearch: true, ignoreVary: true })
        : undefined);
    if (saved) return saved;
    throw error;
  }
}

async function assetFromCache(request) {
  const cached = await caches.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(ASSETS)).put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(assetFromCache(request));
  } else if (request.mode === 'navigate' && PORTAL_PAGE.test(url.pathname)) {
    event.respondWith(
      fromNetworkElseSaved(request, { keepAs: url.pathname === SHELL_PAGE ? SHELL_PAGE : undefined }),
    );
  } else if (
    /^\/api\/public\/(deliverables\/[0-9a-f-]{36}\/download|library\/|field-guide)/.test(url.pathname)
  ) {
    event.respondWith(fromNetworkElseSaved(request));
  }
});
