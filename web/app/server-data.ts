import type { SeededQuery } from '../features/portal/api/seed-queries.ts';

/** The id of the JSON data block that the server writes into a page it renders. */
export const serverDataId = 'tandem-data';

/** What a server-rendered page carries for the browser: the answers it was rendered with. */
export type ServerData = {
  language: string;
  queries: SeededQuery[];
};

/**
 * Reads the server's data block: `<script type="application/json">` is data, never run, so the
 * Content-Security-Policy (no inline scripts) allows it.
 */
export function readServerData(): ServerData | null {
  const element = document.getElementById(serverDataId);
  if (!element?.textContent) return null;
  try {
    return JSON.parse(element.textContent) as ServerData;
  } catch {
    return null;
  }
}
