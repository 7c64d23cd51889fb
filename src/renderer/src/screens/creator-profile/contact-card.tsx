import { ActionIcon, Badge, Button, Group, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { contactChannels } from '../../../../shared/data/schemas/creators';
import { EditableCard } from '../../components/editable-card';
import { errorFor } from '../../components/field-errors';
import type { CreatorRow } from '../creator-row';
import { useSaveCreator } from './use-save-creator';

const channelLabels: Record<(typeof contactChannels)[number], string> = {
  email: 'Email', 'instagram-dm': 'Instagram DM', 'tiktok-dm': 'TikTok DM', phone: 'Phone', whatsapp: 'WhatsApp', manager: 'Through their manager',
};

interface ContactDraft {
  emails: { address: string; primary: boolean }[];
  phone: string;
  preferredChannel: string | null;
  manager: { name: string; agency: string; email: string; phone: string };
}

const noManager = { name: '', agency: '', email: '', phone: '' };

/** How to reach them: emails (one primary), phone, the channel they prefer, their manager or agency. */
export function ContactCard({ creator }: { creator: CreatorRow }) {
  const save = useSaveCreator(creator.id);
  const manager = creator.manager;
  return (
    <EditableCard<ContactDraft>
      title="Contact"
      testId="contact-card"
      readOnly={!!creator.deletedAt}
      initial={() => ({ emails: creator.emails.map((e) => ({ ...e })), phone: creator.phone, preferredChannel: creator.preferredChannel, manager: { ...noManager, ...manager } })}
      onSave={(d) => {
        const emails = d.emails.filter((e) => e.address.trim());
        // One primary, always: if it was removed, the first left takes over.
        if (emails.length && !emails.some((e) => e.primary)) emails[0] = { ...emails[0], primary: true };
        const hasManager = Object.values(d.manager).some((v) => v.trim());
        return save({ emails, phone: d.phone, preferredChannel: d.preferredChannel as CreatorRow['preferredChannel'], manager: hasManager ? d.manager : null }, 'Contact details');
      }}
      view={(
        <Stack gap={6}>
          {creator.emails.map((e) => (
            <Group key={e.address} gap={6}><Text size="sm">{e.address}</Text>{e.primary && creator.emails.length > 1 && <Badge size="xs" variant="light">primary</Badge>}</Group>
          ))}
          {creator.phone && <Text size="sm">{creator.phone}</Text>}
          {creator.emails.length === 0 && !creator.phone && <Text size="sm" c="dimmed">No email or phone yet.</Text>}
          {creator.preferredChannel && <Text size="xs" c="dimmed">Prefers: {channelLabels[creator.preferredChannel]}</Text>}
          {manager && <Text size="xs" c="dimmed">Manager: {[manager.name, manager.agency, manager.email, manager.phone].filter(Boolean).join(' · ')}</Text>}
        </Stack>
      )}
      edit={(d, set, errors) => (
        <Stack gap="xs">
          <Radio.Group value={String(d.emails.findIndex((e) => e.primary))} label="Emails" description="The primary one is used for outreach."
            onChange={(v) => set({ ...d, emails: d.emails.map((e, i) => ({ ...e, primary: String(i) === v })) })} error={errorFor(errors, 'emails')}>
            <Stack gap={6} mt={6}>
              {d.emails.map((e, i) => (
                <Group key={i} gap="xs" wrap="nowrap">
                  <Radio value={String(i)} aria-label={`Make ${e.address || 'this email'} primary`} />
                  <TextInput aria-label="Email" placeholder="name@example.com" style={{ flex: 1 }} value={e.address}
                    onChange={(ev) => set({ ...d, emails: d.emails.map((x, j) => (j === i ? { ...x, address: ev.currentTarget.value } : x)) })}
                    error={errorFor(errors, `emails.${i}.address`)} />
                  <ActionIcon variant="subtle" color="red" onClick={() => set({ ...d, emails: d.emails.filter((_, j) => j !== i) })} aria-label="Remove this email"><IconTrash size={16} /></ActionIcon>
                </Group>
              ))}
            </Stack>
          </Radio.Group>
          <Button variant="light" size="xs" w="fit-content" leftSection={<IconPlus size={14} />}
            onClick={() => set({ ...d, emails: [...d.emails, { address: '', primary: d.emails.length === 0 }] })}>Add an email</Button>
          <SimpleGrid cols={2} spacing="xs">
            <TextInput label="Phone" value={d.phone} onChange={(e) => set({ ...d, phone: e.currentTarget.value })} error={errorFor(errors, 'phone')} />
            <Select label="Prefers to be reached by" clearable data={contactChannels.map((c) => ({ value: c, label: channelLabels[c] }))}
              value={d.preferredChannel} onChange={(v) => set({ ...d, preferredChannel: v })} />
          </SimpleGrid>
          <Text size="sm" fw={600} mt={4}>Manager or agency</Text>
          <SimpleGrid cols={2} spacing="xs">
            {(['name', 'agency', 'email', 'phone'] as const).map((k) => (
              <TextInput key={k} aria-label={`Manager ${k}`} placeholder={{ name: 'Name', agency: 'Agency', email: 'Email', phone: 'Phone' }[k]} value={d.manager[k]}
                onChange={(e) => set({ ...d, manager: { ...d.manager, [k]: e.currentTarget.value } })} error={errorFor(errors, `manager.${k}`)} />
            ))}
          </SimpleGrid>
        </Stack>
      )}
    />
  );
}
