import { ActionIcon, Button, Card, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { CommandError } from '../../../shared/data/command-error';
import { reportError } from './report-error';

interface Props<D> {
  title: string;
  /** The values the editor starts from, read when Edit is pressed. */
  initial: () => D;
  view: ReactNode;
  edit: (draft: D, set: (next: D) => void, errors: Record<string, string>) => ReactNode;
  /** Saves; a CommandError's per-field messages are shown beside the inputs. */
  onSave: (draft: D) => Promise<void>;
  readOnly?: boolean;
  testId?: string;
}

/**
 * A card that reads as a summary and turns into a form in place. Enter in a
 * field or Ctrl+Enter saves, Escape cancels; saved changes can be undone.
 */
export function EditableCard<D>({ title, initial, view, edit, onSave, readOnly, testId }: Props<D>) {
  const [draft, setDraft] = useState<D | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const start = () => {
    setErrors({});
    setDraft(initial());
  };
  const save = async () => {
    if (!draft) return;
    setBusy(true);
    try {
      await onSave(draft);
      setDraft(null);
    } catch (error) {
      if (error instanceof CommandError && Object.keys(error.fields).length) setErrors(error.fields);
      else reportError(`${title} was not saved`)(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder radius="lg" data-testid={testId}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Text fw={700}>{title}</Text>
        {!draft && !readOnly && (
          <Tooltip label={`Edit ${title.toLowerCase()}`} withArrow>
            <ActionIcon variant="subtle" color="gray" onClick={start} aria-label={`Edit ${title.toLowerCase()}`}><IconPencil size={16} /></ActionIcon>
          </Tooltip>
        )}
      </Group>
      {draft ? (
        <form
          onSubmit={(e) => { e.preventDefault(); void save(); }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') { e.stopPropagation(); setDraft(null); }
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); void save(); }
          }}
        >
          <Stack gap="sm">
            {edit(draft, setDraft, errors)}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" size="xs" onClick={() => setDraft(null)}>Cancel</Button>
              <Button type="submit" size="xs" loading={busy}>Save</Button>
            </Group>
          </Stack>
        </form>
      ) : view}
    </Card>
  );
}
