import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { parseInvite, type Invite } from '../../../shared/sync/invite';

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
  const submit = async () => {
    const parsed = parseInvite(text);
    if (!parsed.ok) return setError(parsed.message);
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
        <Group justify="flex-end">
          {onCancel && <Button variant="default" onClick={onCancel}>Cancel</Button>}
          <Button type="submit" loading={busy}>{submitLabel}</Button>
        </Group>
      </Stack>
    </form>
  );
}
