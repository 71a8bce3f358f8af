/**
 * Guides saved on this device to read without a connection: their page (as the server rendered it,
 * readable without scripts), the scripts and styles it links and its file go into the Cache API,
 * which the service worker (/sw.js) answers from when the network is gone; the list is kept in
 * localStorage.
 */
export const GUIDES_CACHE = 'tandem-field-guide';
const LIST_KEY = 'tandem.savedGuides';

export type SavedGuide = {
  id: string;
  title: string;
  language: string;
  pageUrl: string;
  fileUrl: string | null;
  savedAt: string;
};

export const offlineSupported = () =>
  typeof window !== 'undefined' && 'caches' in window && 'serviceWorker' in navigator;

/** Registers the service worker that serves saved guides and the field guide's shell offline. */
export async function registerServiceWorker(): Promise<void> {
  if (!offlineSupported()) return;
  await navigator.serviceWorker.register('/sw.js', { scope: '/' });
}

export function readSavedGuides(): SavedGuide[] {
  try {
    const list = JSON.parse(localStorage.getItem(LIST_KEY) ?? '[]');
    return Array.isArray(list) ? (list as SavedGuide[]) : [];
  } catch {
    return [];
  }
}

function writeSavedGuides(list: SavedGuide[]) {
  localStorage.setItem(LIST_KEY, JSON.stringify(list));
}

export async function saveGuide(guide: Omit<SavedGuide, 'savedAt'>): Promise<void> {
  await registerServiceWorker();
  const cache = await caches.open(GUIDES_CACHE);
  const page = await fetch(guide.pageUrl, { credentials: 'same-origin' });
  if (!page.ok) throw new Error(`the guide's page answered ${page.status}`);
  const html = await page.clone().text();
  await cache.put(guide.pageUrl, page);
  const assets = new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] as string));
  await cache.addAll([...assets]);
  if (guide.fileUrl) await cache.add(guide.fileUrl);
  writeSavedGuides([
    ...readSavedGuides().filter((g) => g.id !== guide.id),
    { ...guide, savedAt: new Date().toISOString() },
  ]);
}

export async function removeGuide(id: string): Promise<void> {
  const guide = readSavedGuides().find((g) => g.id === id);
  writeSavedGuides(readSavedGuides().filter((g) => g.id !== id));
  if (!guide || !offlineSupported()) return;
  const cache = await caches.open(GUIDES_CACHE);
  await cache.delete(guide.pageUrl);
  if (guide.fileUrl) await cache.delete(guide.fileUrl);
}
