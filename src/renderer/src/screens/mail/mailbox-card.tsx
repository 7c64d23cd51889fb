import { Alert, Button, Card, Checkbox, Group, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { newId } from '../../../../shared/data/ids';
import { mailProvider, mailProviders } from '../../../../shared/domain/mail-providers';
import type { MailboxListOutput, MailboxSettingsInput, MailProblemOutput } from '../../../../shared/mail/mail-contract';
import { host } from '../../host';
import { NumberField } from '../../components/number-field';
import { readTyped } from '../../components/number-locale';
import { getMe } from '../../data/me';
import { securityLabels, settingsFrom } from './mailbox-form';
import { OutboxPanel } from './outbox-panel';
import { PassphraseForm } from './passphrase-form';

const portSpec = { label: 'Port', kind: 'count' as const, min: 1, max: 65535, decimals: 0 };

function PortField({ label, port, onChange }: { label: string; port: number; onChange: (port: number) => void }) {
  // The text as typed stays in the field; the settings take it once it reads as a port. A provider chosen above replaces it.
  const [text, setText] = useState(String(port));
  const [known, setKnown] = useState(port);
  if (port !== known) {
    setKnown(port);
    setText(String(port));
  }
  return <NumberField label={label} spec={portSpec} value={text} onChange={(typed) => {
    setText(typed);
    const read = readTyped(typed, portSpec);
    if (read.ok && read.value != null) {
      setKnown(read.value);
      onChange(read.value);
    }
  }} />;
}

function ServerFields({ label, value, onChange }: { label: string; value: MailboxSettingsInput['imap']; onChange: (v: MailboxSettingsInput['imap']) => void }) {
  return (
    <SimpleGrid cols={3}>
      <TextInput label={`${label} server`} value={value.host} onChange={(e) => onChange({ ...value, host: e.currentTarget.value })} />
      <PortField label={`${label} port`} port={value.port} onChange={(port) => onChange({ ...value, port })} />
      <Select label={`${label} security`} data={Object.entries(securityLabels).map(([v, l]) => ({ value: v, label: l }))} value={value.security}
        onChange={(v) => v && onChange({ ...value, security: v as MailboxSettingsInput['imap']['security'] })} allowDeselect={false} />
    </SimpleGrid>
  );
}

/** Settings → Mailbox: connect the mailbox outreach goes out from, test it, and see its outbox. */
export function MailboxCard() {
  const [state, setState] = useState<MailboxListOutput | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [providerId, setProviderId] = useState('gmail');
  const [settings, setSettings] = useState<MailboxSettingsInput | null>(null);
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<MailProblemOutput[] | null>(null);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);

  const load = async (next?: Promise<MailboxListOutput>) => {
    try {
      const list = await (next ?? host['mailbox-list']({}));
      setState(list);
      setSettings((s) => s ?? list.mailboxes[0] ?? settingsFrom(mailProvider('gmail'), '', getMe().named ? getMe().name : '', newId()));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  useEffect(() => void load(), []);

  const run = async (kind: 'test' | 'save') => {
    if (!settings) return;
    setBusy(kind);
    setError(null);
    try {
      if (kind === 'test') setProblems((await host['mailbox-test']({ settings, password: password || undefined })).problems);
      else {
        await load(host['mailbox-save']({ settings, password: password || undefined }));
        setPassword('');
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card withBorder radius="lg" data-testid="mailbox-card">
      <Stack gap="sm">
        <Stack gap={0}>
          <Text fw={700}>Mailbox</Text>
          <Text size="sm" c="dimmed">Send outreach from your own email. Your password stays on this computer, encrypted, and is never shared with your team.</Text>
        </Stack>
        {error && <Alert color="red" icon={<IconAlertTriangle size={16} />}>{error}</Alert>}
        {state?.locked && <PassphraseForm first={state.firstPassphrase} onUnlocked={(list) => setState(list)} />}
        {settings && (
          <>
            <Select label="Email provider" data={[...mailProviders.map((p) => ({ value: p.id, label: p.name })), { value: 'other', label: 'Other (enter the settings)' }]} value={providerId} allowDeselect={false}
              onChange={(v) => {
                if (!v) return;
                setProviderId(v);
                const p = mailProvider(v);
                if (p) setSettings({ ...settings, imap: { ...p.imap }, smtp: { ...p.smtp }, savesSent: p.savesSent });
              }} />
            {mailProvider(providerId) && <Text size="xs" c="dimmed">{mailProvider(providerId)?.hint}</Text>}
            <SimpleGrid cols={2}>
              <TextInput label="Your email address" value={settings.address} onChange={(e) => {
                const address = e.currentTarget.value;
                setSettings({ ...settings, address, user: settings.user === settings.address ? address : settings.user });
              }} />
              <TextInput label="Name creators see" value={settings.name} onChange={(e) => setSettings({ ...settings, name: e.currentTarget.value })} />
              <TextInput label="User name" value={settings.user} onChange={(e) => setSettings({ ...settings, user: e.currentTarget.value })} />
              <PasswordInput label="App password" placeholder={state?.mailboxes.find((m) => m.id === settings.id)?.hasPassword ? 'Saved on this computer' : ''} value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
            </SimpleGrid>
            <ServerFields label="Incoming (IMAP)" value={settings.imap} onChange={(imap) => setSettings({ ...settings, imap })} />
            <ServerFields label="Outgoing (SMTP)" value={settings.smtp} onChange={(smtp) => setSettings({ ...settings, smtp })} />
            <Checkbox label="My provider puts sent mail in the Sent folder by itself" checked={settings.savesSent} onChange={(e) => setSettings({ ...settings, savesSent: e.currentTarget.checked })} />
            <Group>
              <Button variant="default" loading={busy === 'test'} onClick={() => void run('test')}>Test connection</Button>
              <Button loading={busy === 'save'} onClick={() => void run('save')}>Save mailbox</Button>
            </Group>
            {problems && problems.length === 0 && <Alert color="teal" icon={<IconCircleCheck size={16} />} data-testid="mailbox-test-ok">Both servers accepted your login: Fanfare can send and read mail.</Alert>}
            {problems?.map((p) => <Alert key={p.server} color="red" icon={<IconAlertTriangle size={16} />} data-testid="mailbox-problem">{p.message}</Alert>)}
          </>
        )}
        {state && state.mailboxes.length > 0 && <OutboxPanel />}
      </Stack>
    </Card>
  );
}
