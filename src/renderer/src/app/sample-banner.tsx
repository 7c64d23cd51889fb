import { Alert, Button, Group, Text } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import { NameModal } from '../components/name-modal';
import { validateWorkspaceName } from '../data/workspace-registry';
import { useWorkspace } from './workspace-context';

/** The sample workspace says what it is, and how to leave it, in one line. */
export function SampleBanner() {
  const { current, remove, create } = useWorkspace();
  const [creating, setCreating] = useState(false);
  if (!current?.sample) return null;
  return (
    // One short strip: on a laptop the screen's own content has to start in the first view.
    <Alert variant="light" icon={<IconSparkles size={18} />} mb="sm" radius="md" py={6}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm">You are exploring <b>{current.name}</b>: made-up creators, campaigns and posts to try Fanfare with.</Text>
        <Group gap="xs">
          <Button size="xs" onClick={() => setCreating(true)}>Start my own workspace</Button>
          <Button size="xs" variant="default" onClick={() => void remove(current.id)}>Remove sample data</Button>
        </Group>
      </Group>
      <NameModal opened={creating} title="Your workspace" label="Brand or team name" submitLabel="Create workspace"
        validate={validateWorkspaceName} onSubmit={create} onClose={() => setCreating(false)} />
    </Alert>
  );
}
