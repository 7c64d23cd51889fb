import { Badge, Button, Menu, Text } from '@mantine/core';
import { IconCheck, IconChevronDown, IconDeviceFloppy, IconLayoutList, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { SettingRecord } from './use-creator-data';
import { memo } from 'react';

interface Props {
  views: SettingRecord[];
  current: SettingRecord | null;
  modified: boolean;
  onOpen(view: SettingRecord | null): void;
  onSaveNew(): void;
  onSaveChanges(): void;
  onRename(): void;
  onDelete(): void;
}

/** Saved views: filters, columns and sort with a name, shared with the team. */
export const ViewsMenu = memo(function ViewsMenu({ views, current, modified, onOpen, onSaveNew, onSaveChanges, onRename, onDelete }: Props) {
  const check = (on: boolean) => (on ? <IconCheck size={14} /> : <span style={{ width: 14, display: 'inline-block' }} />);
  return (
    <Menu position="bottom-start" shadow="md" width={280}>
      <Menu.Target>
        <Button size="xs" variant="default" leftSection={<IconLayoutList size={16} />} rightSection={<IconChevronDown size={14} />} aria-label="Views">
          <Text size="xs" fw={600} truncate maw={180}>{current?.name ?? 'All creators'}</Text>
          {modified && <Badge size="xs" variant="light" color="orange" ml={6}>Edited</Badge>}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Views shared with your team</Menu.Label>
        <Menu.Item leftSection={check(!current)} onClick={() => onOpen(null)}>All creators</Menu.Item>
        {views.map((v) => (
          <Menu.Item key={v.id} leftSection={check(current?.id === v.id)} onClick={() => onOpen(v)}>{v.name}</Menu.Item>
        ))}
        {views.length === 0 && (
          <Text size="xs" c="dimmed" px="sm" py={6}>Save the filters, columns and sort you use often; everyone on the team can open them.</Text>
        )}
        <Menu.Divider />
        {current && modified && <Menu.Item leftSection={<IconDeviceFloppy size={14} />} onClick={onSaveChanges}>Save changes to “{current.name}”</Menu.Item>}
        <Menu.Item leftSection={<IconPlus size={14} />} onClick={onSaveNew}>Save as a new view…</Menu.Item>
        {current && <Menu.Item leftSection={<IconPencil size={14} />} onClick={onRename}>Rename “{current.name}”…</Menu.Item>}
        {current && <Menu.Item leftSection={<IconTrash size={14} />} color="red" onClick={onDelete}>Delete “{current.name}”</Menu.Item>}
      </Menu.Dropdown>
    </Menu>
  );
});
