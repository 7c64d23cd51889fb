import { Autocomplete, Button, Group, Popover, Stack, Text } from '@mantine/core';
import { IconTag } from '@tabler/icons-react';
import { useState } from 'react';

interface Props {
  tags: string[];
  onTag(tag: string, remove: boolean): void;
}

/** Adds a tag to (or takes it off) every selected creator; Enter adds. */
export function BulkTagPopover({ tags, onTag }: Props) {
  const [opened, setOpened] = useState(false);
  const [tag, setTag] = useState('');
  const submit = (remove: boolean) => {
    if (!tag.trim()) return;
    onTag(tag.trim(), remove);
    setTag('');
    setOpened(false);
  };
  return (
    <Popover opened={opened} onChange={setOpened} position="top" shadow="md" width={280} trapFocus>
      <Popover.Target>
        <Button size="xs" variant="subtle" leftSection={<IconTag size={16} />} onClick={() => setOpened((o) => !o)} title="Tag">Tag</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={(e) => { e.preventDefault(); submit(false); }}>
          <Stack gap="xs">
            <Autocomplete size="xs" label="Tag" placeholder="e.g. summer-2026" data={tags} value={tag} onChange={setTag} data-autofocus
              comboboxProps={{ withinPortal: false }} limit={30} />
            <Text size="xs" c="dimmed">Pick a tag your team uses, or type a new one.</Text>
            <Group justify="space-between">
              <Button size="xs" variant="subtle" color="gray" onClick={() => submit(true)} disabled={!tag.trim()}>Remove tag</Button>
              <Button size="xs" type="submit" disabled={!tag.trim()}>Add tag</Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
