import { type ReactNode, Suspense } from 'react';

/**
 * A Suspense boundary around a part of a server-rendered page. Nothing in it suspends; it is there
 * because React takes over (hydrates) each boundary as a separate, interruptible piece of work
 * after the rest of the page, so a long page does not block the main thread in one long task on a
 * slow phone.
 */
export function SectionBoundary({ children }: { children: ReactNode }) {
  return <Suspense fallback={null}>{children}</Suspense>;
}
