import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways where the screen is narrower than it (a phone). Its scrolling area takes the
 * keyboard's focus, so that it can be scrolled without a pointer (axe: scrollable-region-focusable).
 */
export function ScrollableTable({ minWidth, children }: { minWidth: number; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}>
      {children}
    </Table.ScrollContainer>
  );
}
