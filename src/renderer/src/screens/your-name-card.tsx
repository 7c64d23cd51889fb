import { Avatar, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { initials } from '../../../shared/domain/initials';
import { setMyName } from '../data/me';
import { useMe } from '../hooks/use-me';

/** The name teammates see beside your cursor and on the records you have open. */
export function YourNameCard() {
  const me = useMe();
  const [name, setName] = useState(me.named ? me.name : '');
  useEffect(() => setName(me.named ? me.name : ''), [me.named, me.name]);
  const changed = name.trim() !== (me.named ? me.name : '');
  return (
    <Card withBorder radius="lg">
      <Group align="flex-start" wrap="nowrap">
        <Avatar size={44} radius="xl" variant="filled" color={me.color}>{initials(name || me.name)}</Avatar>
        <Stack gap="xs" style={{ flex: 1 }}>
          <Stack gap={0}>
            <Text fw={700}>Your name</Text>
            <Text size="sm" c="dimmed">Teammates see it beside your cursor in briefs and notes, and on the records you have open.</Text>
          </Stack>
          <form onSubmit={(e) => { e.preventDefault(); setMyName(name); }}>
            <Group align="flex-end" maw={480}>
              <TextInput aria-label="Your name" placeholder="e.g. Alex Morgan" value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={80} style={{ flex: 1 }} />
              <Button type="submit" variant="light" disabled={!changed || !name.trim()}>Save</Button>
            </Group>
          </form>
        </Stack>
      </Group>
    </Card>
  );
}
