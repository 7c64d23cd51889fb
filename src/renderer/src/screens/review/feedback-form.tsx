import { ActionIcon, Button, Group, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { feedbackProblems, type FeedbackItem } from '../../../../shared/domain/review-rounds';

/** Changes asked as points a creator can act on: what to change, how, and in which piece. */
export function FeedbackForm({ onSend, onCancel, sending }: { onSend: (items: FeedbackItem[], note: string) => void; onCancel: () => void; sending: boolean }) {
  const [items, setItems] = useState<FeedbackItem[]>([{ what: '', how: '', piece: '' }]);
  const [note, setNote] = useState('');
  const [shown, setShown] = useState<ReturnType<typeof feedbackProblems>>([]);
  const problem = (index: number, field: keyof FeedbackItem) => shown.find((p) => p.index === index && p.field === field)?.message;
  const set = (index: number, patch: Partial<FeedbackItem>) => setItems((list) => list.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const send = () => {
    const filled = items.filter((i) => i.what.trim() || i.how.trim() || i.piece.trim());
    const problems = feedbackProblems(filled.length ? filled : items);
    setShown(problems);
    if (problems.length === 0) onSend(filled.map((i) => ({ what: i.what.trim(), how: i.how.trim(), piece: i.piece.trim() })), note.trim());
  };
  return (
    <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-orange-light)" data-testid="feedback-form">
      <Stack gap="sm">
        <Text fw={700} size="sm">What should the creator change?</Text>
        {items.map((item, index) => (
          <Paper key={index} withBorder radius="md" p="xs">
            <Stack gap={6}>
              <Group justify="space-between"><Text size="xs" fw={700} c="dimmed">Point {index + 1}</Text>
                {items.length > 1 && <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Remove point ${index + 1}`} onClick={() => setItems((l) => l.filter((_, i) => i !== index))}><IconTrash size={14} /></ActionIcon>}
              </Group>
              <TextInput label="What to change" placeholder="The disclosure" value={item.what} onChange={(e) => set(index, { what: e.currentTarget.value })} error={problem(index, 'what')} data-autofocus={index === 0 || undefined} />
              <Textarea label="How" placeholder="Say #ad in the first line of the caption and on screen in the first 3 seconds" autosize minRows={2} value={item.how} onChange={(e) => set(index, { how: e.currentTarget.value })} error={problem(index, 'how')} />
              <TextInput label="Which piece" placeholder="0:00–0:03, slide 2, caption…" value={item.piece} onChange={(e) => set(index, { piece: e.currentTarget.value })} />
            </Stack>
          </Paper>
        ))}
        <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setItems((l) => [...l, { what: '', how: '', piece: '' }])} style={{ alignSelf: 'flex-start' }}>Add a point</Button>
        <Textarea label="A word for the creator (optional)" placeholder="Love the hook, the lighting is perfect." autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>Cancel</Button>
          <Button color="orange" onClick={send} loading={sending}>Send the changes</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
