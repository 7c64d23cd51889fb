import { ActionIcon, Button, Card, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { CommandError } from '../../../shared/data/command-error';
import { reportError } from './report-error';
import { useFocusFirstError } from './use-focus-first-error';

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
 * Escape belongs to the innermost thing open: a dropdown of a Select or
 * Autocomplete inside the card (Mantine closes it on the same key press,
 * which then bubbles here), or anything drawn in a portal (a date picker),
 * whose key presses reach the form through React although they are not in it.
 */
function escapeIsForSomethingInside(e: KeyboardEvent<HTMLFormElement>): boolean {
  const target = e.target as HTMLElement;
  if (!e.currentTarget.contains(target)) return true;
  return target.getAttribute('aria-expanded') === 'true';
}

/** The first place to type (a radio or a checkbox before it is rarely what the person came to change), else the first control. */
function firstField(form: HTMLFormElement | null): HTMLElement | null {
  const typed = 'input:not([type="hidden"]):not([type="radio"]):not([type="checkbox"]):not([disabled]):not([readonly]), textarea:not([disabled]), [contenteditable="true"]';
  return form?.querySelector<HTMLElement>(typed) ?? form?.querySelector<HTMLElement>('input:not([type="hidden"]), select, button') ?? null;
}

/**
 * A card that reads as a summary and turns into a form in place. Enter in a
 * field or Ctrl+Enter saves; Escape leaves an untouched editor, and asks
 * before throwing away changes (pressed in an open dropdown, it only closes
 * the dropdown). Saved changes can be undone.
 */
export function EditableCard<D>({ title, initial, view, edit, onSave, readOnly, testId }: Props<D>) {
  const [draft, setDraft] = useState<D | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const startedFrom = useRef('');
  /** Where the person was typing when Escape asked, to put them back there. */
  const typingIn = useRef<HTMLElement | null>(null);
  const form = useFocusFirstError(errors);
  const editButton = useRef<HTMLButtonElement>(null);
  /** Set by Edit and by closing: where focus goes once the card has turned into the form, or back. */
  const focusNext = useRef<'form' | 'card' | null>(null);
  const editing = draft !== null;
  // Focus follows the card: into its first field when it opens, back to its Edit button (the thing just saved) when it closes.
  useEffect(() => {
    const next = focusNext.current;
    focusNext.current = null;
    if (next === 'form') firstField(form.current)?.focus();
    if (next === 'card') editButton.current?.focus();
  }, [editing, form]);
  const start = () => {
    const first = initial();
    startedFrom.current = JSON.stringify(first);
    setErrors({});
    setAsking(false);
    focusNext.current = 'form';
    setDraft(first);
  };
  const close = () => {
    setAsking(false);
    // Only when focus is in the card: a save finishing after the person moved on must not pull them back.
    if (!form.current || form.current.contains(document.activeElement) || document.activeElement === document.body) focusNext.current = 'card';
    setDraft(null);
  };
  // A refusal is about what was saved; once the person edits, it may no longer be true (a number field
  // then says "= 48,200" under the old refusal), so it goes, and the fields' own checks speak until the next Save.
  const change = (next: D) => {
    setAsking(false);
    setErrors((e) => (Object.keys(e).length ? {} : e));
    setDraft(next);
  };
  const keepEditing = () => {
    setAsking(false);
    typingIn.current?.focus();
  };
  const save = async () => {
    if (!draft) return;
    setBusy(true);
    try {
      await onSave(draft);
      close();
    } catch (error) {
      if (error instanceof CommandError && Object.keys(error.fields).length) setErrors(error.fields);
      else reportError(`${title} was not saved`)(error);
    } finally {
      setBusy(false);
    }
  };
  const escape = (e: KeyboardEvent<HTMLFormElement>) => {
    e.stopPropagation();
    if (escapeIsForSomethingInside(e)) return;
    if (asking) return keepEditing();
    if (JSON.stringify(draft) === startedFrom.current) return close();
    typingIn.current = e.target as HTMLElement;
    setAsking(true);
  };
  return (
    <Card withBorder radius="lg" data-testid={testId}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Text fw={700}>{title}</Text>
        {!draft && !readOnly && (
          <Tooltip label={`Edit ${title.toLowerCase()}`} withArrow>
            <ActionIcon ref={editButton} variant="subtle" color="gray" onClick={start} aria-label={`Edit ${title.toLowerCase()}`}><IconPencil size={16} /></ActionIcon>
          </Tooltip>
        )}
      </Group>
      {draft ? (
        <form
          ref={form}
          onSubmit={(e) => { e.preventDefault(); void save(); }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') escape(e);
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); void save(); }
          }}
        >
          <Stack gap="sm">
            {edit(draft, change, errors)}
            {asking ? (
              <Group justify="space-between" gap="xs" wrap="nowrap" role="alertdialog" aria-label="Unsaved changes" data-testid="discard-question">
                <Text size="sm">Throw away your changes to {title.toLowerCase()}?</Text>
                <Group gap="xs" wrap="nowrap">
                  <Button variant="default" size="xs" onClick={keepEditing} data-autofocus>Keep editing</Button>
                  <Button color="red" variant="light" size="xs" onClick={close}>Discard changes</Button>
                </Group>
              </Group>
            ) : (
              <Group justify="flex-end" gap="xs">
                <Button variant="default" size="xs" onClick={close}>Cancel</Button>
                <Button type="submit" size="xs" loading={busy}>Save</Button>
              </Group>
            )}
          </Stack>
        </form>
      ) : view}
    </Card>
  );
}
