import { Button, Group, PasswordInput, Text } from '@mantine/core';
import { useState } from 'react';
import type { MailboxListOutput } from '../../../../shared/mail/mail-contract';
import { host } from '../../host';

/** The browser app keeps mailbox passwords in a file only this passphrase opens. */
export function PassphraseForm({ first, onUnlocked }: { first: boolean; onUnlocked: (list: MailboxListOutput) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unlock = async () => {
    setBusy(true);
    setError(null);
    try {
      onUnlocked(await host['mailbox-unlock']({ passphrase }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => { e.preventDefault(); void unlock(); }}>
      <Text size="sm" mb={4}>{first ? 'Choose a passphrase: it locks your mailbox password on this computer. You will enter it each time you open Fanfare in the browser.' : 'Enter your mailbox passphrase to send and test.'}</Text>
      <Group align="flex-end">
        <PasswordInput label={first ? 'New passphrase (8 characters or more)' : 'Mailbox passphrase'} value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} error={error} style={{ flex: 1 }} />
        <Button type="submit" loading={busy}>{first ? 'Set passphrase' : 'Unlock'}</Button>
      </Group>
    </form>
  );
}
