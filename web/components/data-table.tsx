import type { ComponentPropsWithoutRef } from 'react';

type Props = ComponentPropsWithoutRef<'table'> & {
  /** A light background on every other body row. */
  striped?: boolean;
  /** A body row lights up under the pointer. */
  highlightOnHover?: boolean;
  captionSide?: 'top' | 'bottom';
  /** The cells' padding above and below: Mantine's spacing scale; 0.4375rem when not given. */
  verticalSpacing?: 'xs' | 'sm' | 'md';
};

/**
 * A plain `<table>` styled as Mantine's Table (global.css, `.staff-table`). Mantine's Table brings its
 * ScrollArea (about 15 kB gzipped) into every page that shows one; this is markup and CSS only, so
 * the staff app's first page stays light. Its rows and cells are plain elements: `<caption>`,
 * `<thead>`, `<tbody>`, `<tr>`, `<th scope>`, `<td>`.
 */
export function DataTable({
  striped,
  highlightOnHover,
  captionSide = 'bottom',
  verticalSpacing,
  className,
  ...others
}: Props) {
  return (
    <table
      className={className ? `staff-table ${className}` : 'staff-table'}
      data-striped={striped || undefined}
      data-hover={highlightOnHover || undefined}
      data-caption-side={captionSide}
      data-spacing={verticalSpacing}
      {...others}
    />
  );
}
