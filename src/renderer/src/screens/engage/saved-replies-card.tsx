import { ActionIcon, Button, Card, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { IconCopy, IconDots, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import { SavedReplyModal } from './saved-reply-modal';
import { replyText, useSavedReplies, type SavedReply } from './use-saved-replies';

/** The team's comments to copy onto a post; add, edit and delete them here. */
export function SavedRepliesCard({ onCopied }: { onCopied: (text: string) => void }) {
  const session = useSession();
  const replies = useSavedReplies();
  const [editing, setEditing] = useState<SavedReply | null>(null);
  const [adding, setAdding] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);

  const copy = async (reply: SavedReply) => {
    const text = replyText(reply);
    try {
      await navigator.clipboard.writeText(text);
    } catch (error) {
      reportError('The reply was not copied: select its text and copy it by hand')(error);
      return;
    }
    setCopied(reply.id);
    onCopied(text);
  };

  const remove = async (reply: SavedReply) => {
    try {
      await session.commands.softDelete('settings', [reply.id]);
    } catch (error) {
      reportError('This reply was not deleted')(error);
      return;
    }
    notifyWithUndo(`Deleted the reply “${reply.name}”`, () => void session.commands.restore('settings', [reply.id]).catch(reportError('Could not undo')));
  };

  return (
    <Card withBorder radius="lg" p="md" data-testid="saved-replies">
      <Group justify="space-between" mb="xs">
        <Title order={5}>Saved replies</Title>
        <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>New reply</Button>
      </Group>
      {replies && replies.length === 0 && (
        <Text size="sm" c="dimmed">Comments the team writes often (“Congrats on the launch!”) live here: one click copies one, ready to paste under the post.</Text>
      )}
      <Stack gap={6}>
        {(replies ?? []).map((reply) => (
          <Group key={reply.id} gap="xs" wrap="nowrap" align="flex-start" data-testid="saved-reply">
            <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm" fw={600}>{reply.name}</Text>
              <Text size="sm" c="dimmed" lineClamp={2} style={{ userSelect: 'text' }}>{replyText(reply)}</Text>
              {copied === reply.id && <Text size="xs" c="teal.7" data-testid="copied-reply">Copied: paste it under the post</Text>}
            </Stack>
            <Button size="compact-sm" variant="light" leftSection={<IconCopy size={14} />} onClick={() => void copy(reply)} aria-label={`Copy ${reply.name}`}>Copy</Button>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={`More for ${reply.name}`}><IconDots size={16} /></ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => setEditing(reply)}>Edit</Menu.Item>
                <Menu.Item color="red" onClick={() => void remove(reply)}>Delete</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        ))}
      </Stack>
      <SavedReplyModal opened={adding || !!editing} reply={editing} onClose={() => { setAdding(false); setEditing(null); }} />
    </Card>
  );
}
