import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { JoinTeamModal } from '../app/join-team-modal';
import { useWorkspace } from '../app/workspace-context';
import { NameModal } from '../components/name-modal';
import { validateWorkspaceName } from '../data/workspace-registry';

/** Shown when every workspace has been deleted: two ways forward, nothing else. */
export function NoWorkspaceScreen() {
  const { create, createSample } = useWorkspace();
  const [creating, setCreating] = useState(false);
  const [joining, setJoining] = useState(false);
  return (
    <Card withBorder maw={560} mx="auto" mt={80} p="xl">
      <Stack>
        <Title order={2}>Start a workspace</Title>
        <Text c="dimmed">A workspace holds one brand’s creators, campaigns, briefs and content. It lives on this computer and works offline.</Text>
        <Group>
          <Button onClick={() => setCreating(true)}>Create a workspace</Button>
          <Button variant="default" onClick={() => setJoining(true)}>Join a team workspace</Button>
          <Button variant="default" onClick={() => void createSample()}>Explore the sample brand</Button>
        </Group>
      </Stack>
      <JoinTeamModal opened={joining} onClose={() => setJoining(false)} />
      <NameModal opened={creating} title="New workspace" label="Brand or team name" submitLabel="Create workspace"
        validate={validateWorkspaceName} onSubmit={create} onClose={() => setCreating(false)} />
    </Card>
  );
}
