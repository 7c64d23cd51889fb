import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';

export interface FlaggedRow {
  postId: string;
  name: string;
  messages: string[];
}

/** Asked before figures that cannot all be true are saved: fix them, or keep them as confirmed. */
export function ImplausibleConfirmModal({ rows, onCancel, onConfirm, saving }: { rows: FlaggedRow[]; onCancel: () => void; onConfirm: () => void; saving: boolean }) {
  return (
    <Modal opened={rows.length > 0} onClose={onCancel} title="These figures cannot all be true" size="lg">
      <Stack>
        <Text size="sm">Check them against the platform’s insights. A “k” typed by habit or a number in the wrong column is the usual cause.</Text>
        <List spacing="xs" data-testid="implausible-rows">
          {rows.map((r) => <List.Item key={r.postId}><Text size="sm" fw={600} span>{r.name}: </Text><Text size="sm" span>{r.messages.join(' ')}</Text></List.Item>)}
        </List>
        <Text size="sm" c="dimmed">If they are right, they are saved marked as checked by you; reports show such posts and can leave their figures out.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} data-autofocus>Go back and fix them</Button>
          <Button color="orange" onClick={onConfirm} loading={saving}>They are right: save them</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
