import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { reportError } from '../../components/report-error';
import { useSession } from '../../app/workspace-context';
import { replyText, type SavedReply } from './use-saved-replies';

const MAX_TEXT = 2200; // Instagram's comment limit, the longest of the platforms we comment on.

/** Write a new saved reply, or change one, for the whole team. */
export function SavedReplyModal({ opened, reply, onClose }: { opened: boolean; reply: SavedReply | null; onClose: () => void }) {
  const session = useSession();
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ name?: string; text?: string }>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setName(reply?.name ?? '');
    setText(reply ? replyText(reply) : '');
    setErrors({});
  }, [opened, reply]);

  const save = async () => {
    const problems = {
      name: name.trim() ? undefined : 'Give it a short name the team will recognise, such as “Congrats”',
      text: !text.trim() ? 'Write the comment to copy' : text.length > MAX_TEXT ? `Keep it under ${MAX_TEXT} characters: this one has ${text.length}` : undefined,
    };
    setErrors(problems);
    if (problems.name || problems.text) return;
    setBusy(true);
    try {
      if (reply) await session.commands.update('settings', reply.id, { name: name.trim(), data: { ...reply.data, text: text.trim() } });
      else await session.commands.create('settings', { kind: 'saved-reply', name: name.trim(), data: { text: text.trim() } });
      onClose();
    } catch (error) {
      reportError('This reply was not saved')(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={reply ? 'Edit saved reply' : 'New saved reply'}>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <Stack>
          <TextInput label="Name" description="What the team sees in the list" value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} data-autofocus />
          <Textarea label="Comment" description="Copied as written; make it sound like a person, not a brand" autosize minRows={3} value={text} onChange={(e) => setText(e.currentTarget.value)} error={errors.text} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={busy}>{reply ? 'Save reply' : 'Add reply'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
