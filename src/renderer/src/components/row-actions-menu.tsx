import { ActionIcon, Menu } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/**
 * The "…" at the end of a table row: its `Menu.Item`s (Edit, Delete…) come
 * as children. The button is named "Actions for <name>" so a screen reader
 * says which row it acts on.
 */
export function RowActionsMenu({ name, children }: { name: string; children: ReactNode }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target><ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${name}`}><IconDots size={16} /></ActionIcon></Menu.Target>
      <Menu.Dropdown>{children}</Menu.Dropdown>
    </Menu>
  );
}
