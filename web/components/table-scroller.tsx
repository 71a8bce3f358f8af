import type { ReactNode } from 'react';

/**
 * A wide table scrolls sideways on a narrow screen; the scrolling region is a named, focusable
 * region (a section with a name) so that keyboard users can scroll it too (WCAG 2.1.1). Plain
 * elements (global.css, `.table-scroller`) rather than Mantine's Table.ScrollContainer, which brings
 * its ScrollArea (about 15 kB gzipped) along.
 */
export function TableScroller({
  label,
  minWidth,
  children,
}: {
  label: string;
  /** In pixels: below it the table scrolls rather than squeezes its columns. */
  minWidth: number;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
    <section className="table-scroller" tabIndex={0} aria-label={label}>
      <div style={{ minWidth: `calc(${minWidth / 16}rem * var(--mantine-scale))` }}>{children}</div>
    </section>
  );
}
