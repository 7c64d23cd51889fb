import { ActionIcon, Group, Kbd, Popover, Stack, Text, Tooltip } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';
import { memo } from 'react';

const shortcuts: [string[], string][] = [
  [['/'], 'Search'],
  [['↑', '↓'], 'Move through the list'],
  [['Space'], 'Select the creator (Shift: a range)'],
  [['Enter'], 'Open the creator'],
  [['Ctrl', 'A'], 'Select everyone shown'],
  [['Del'], 'Move the selected to the trash'],
  [['Esc'], 'Clear the search, then the selection'],
  [['Ctrl', 'Z'], 'Undo'],
];

/** The list's keyboard shortcuts, one click away. */
export const ShortcutsHelp = memo(function ShortcutsHelp() {
  return (
    <Popover position="bottom-end" shadow="md" width={300}>
      <Popover.Target>
        <Tooltip label="Keyboard shortcuts">
          <ActionIcon variant="default" size={30} aria-label="Keyboard shortcuts"><IconKeyboard size={16} /></ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6}>
          {shortcuts.map(([keys, what]) => (
            <Group key={what} justify="space-between" wrap="nowrap">
              <Text size="xs">{what}</Text>
              <Group gap={4} wrap="nowrap">{keys.map((k) => <Kbd key={k} size="xs">{k}</Kbd>)}</Group>
            </Group>
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
});
