import { Avatar, Button, Menu, Text } from '@mantine/core';
import { IconUserCheck } from '@tabler/icons-react';
import { presenceColor } from '../../../../shared/sync/presence';
import { initials } from '../../../../shared/domain/initials';
import type { OwnerChoice } from './teammates';

interface Props {
  owners: OwnerChoice[];
  onAssign(owner: OwnerChoice | null): void;
}

/** Gives the selected creators an owner: who on the team looks after them. */
export function BulkOwnerMenu({ owners, onAssign }: Props) {
  return (
    <Menu position="top" shadow="md" width={260}>
      <Menu.Target>
        <Button size="xs" variant="subtle" leftSection={<IconUserCheck size={16} />} title="Owner">Owner</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Owner</Menu.Label>
        {owners.map((o) => (
          <Menu.Item key={o.id} onClick={() => onAssign(o)}
            leftSection={<Avatar size={20} radius="xl" variant="filled" color={presenceColor(o.id)}>{initials(o.name)}</Avatar>}>
            {o.isMe ? (o.name === 'You' ? 'You' : `${o.name} (you)`) : o.name}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item onClick={() => onAssign(null)}>No owner</Menu.Item>
        <Text size="xs" c="dimmed" px="sm" py={6}>Teammates appear here once they have opened this workspace while you are online, or own a creator.</Text>
      </Menu.Dropdown>
    </Menu>
  );
}
