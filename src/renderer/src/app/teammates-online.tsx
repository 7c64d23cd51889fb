import { Avatar, Menu, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { type PeerPresence } from '../../../shared/sync/presence';
import { initials } from '../../../shared/domain/initials';
import { useTeammatesOnline } from '../hooks/use-presence';
import { describeWhere, hrefForPresence } from './presence-where';

const SHOWN = 4;

/** Who else has the workspace open: faces in the header, and where each one is. */
export function TeammatesOnline() {
  const teammates = useTeammatesOnline();
  if (teammates.length === 0) return null;
  const label = teammates.length === 1 ? `${teammates[0].user.name} is here too` : `${teammates.length} teammates are here too`;
  return (
    <Menu position="bottom-end" width={280} withArrow>
      <Menu.Target>
        <Tooltip label={label} withArrow>
          <UnstyledButton aria-label={label} data-testid="teammates-online">
            <Avatar.Group spacing="xs">
              {teammates.slice(0, SHOWN).map((t) => <TeammateAvatar key={t.user.id} teammate={t} />)}
              {teammates.length > SHOWN && <Avatar size={30} radius="xl">+{teammates.length - SHOWN}</Avatar>}
            </Avatar.Group>
          </UnstyledButton>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Here now</Menu.Label>
        {teammates.map((t) => (
          <Menu.Item key={t.user.id} component="a" href={hrefForPresence(t)} leftSection={<TeammateAvatar teammate={t} />}>
            <Text size="sm" fw={600}>{t.user.name}</Text>
            <Text size="xs" c="dimmed">{describeWhere(t)}</Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function TeammateAvatar({ teammate }: { teammate: PeerPresence }) {
  return (
    <Avatar size={30} radius="xl" variant="filled" color={teammate.user.color} style={{ border: '2px solid var(--mantine-color-body)' }}>
      {initials(teammate.user.name)}
    </Avatar>
  );
}
