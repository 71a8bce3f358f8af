import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A wide table scrolls sideways on a narrow screen; the scrolling region is a named, focusable
 * region so that keyboard users can scroll it too (WCAG 2.1.1).
 */
export function TableScroller({
  label,
  minWidth,
  children,
}: {
  label: string;
  minWidth: number;
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} role="region" aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}
