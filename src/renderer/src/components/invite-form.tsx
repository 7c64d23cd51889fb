import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { parseInvite, type Invite } from '../../../shared/sync/invite';
import { setMyName } from '../data/me';
import { useMe } from '../hooks/use-me';

interface Props {
  submitLabel: string;
  /** Resolves to a message when the invite is not accepted. */
  onInvite: (invite: Invite) => Promise<string | null>;
  onCancel?: () => void;
}

/** Paste an invite; every problem is said in one sentence next to the box. */
export function InviteForm({ submitLabel, onInvite, onCancel }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const me = useMe();
  // Asked once, where it first matters: teammates see it on what this person has open and types.
  const [name, setName] = useState('');
  const askName = !me.named;
  const submit = async () => {
    const parsed = parseInvite(text);
    if (!parsed.ok) return setError(parsed.message);
    if (askName && name.trim()) setMyName(name);
    setBusy(true);
    try {
      setError(await onInvite(parsed.invite));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Stack gap="sm">
        <Textarea label="Invite" placeholder="fanfare-invite:v1:…" autosize minRows={2} value={text}
          onChange={(e) => setText(e.currentTarget.value)} error={error} data-autofocus
          description="Ask whoever runs your team’s sync server for an invite: one line starting with fanfare-invite." />
        {askName && (
          <TextInput label="Your name, as teammates will see it" placeholder="e.g. Alex Morgan" value={name} maxLength={80}
            onChange={(e) => setName(e.currentTarget.value)} description="Shown beside your cursor in briefs and notes. You can change it in Settings." />
        )}
        <Group justify="flex-end">
          {onCancel && <Button variant="default" onClick={onCancel}>Cancel</Button>}
          <Button type="submit" loading={busy}>{submitLabel}</Button>
        </Group>
      </Stack>
    </form>
  );
}
