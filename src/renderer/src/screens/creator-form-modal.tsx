import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { CommandError } from '../../../shared/data/command-error';
import { reportError } from '../components/report-error';
import { platformLabels, platforms, type Platform } from '../../../shared/data/schemas/creators';
import { navigate } from '../app/routes';
import { useSession } from '../app/workspace-context';
import { countryOptions } from '../components/countries';
import { errorFor } from '../components/field-errors';

interface Draft {
  name: string;
  platform: Platform;
  handle: string;
  followers: number | '';
  email: string;
  country: string | null;
  city: string;
  tags: string[];
}

const empty: Draft = { name: '', platform: 'instagram', handle: '', followers: '', email: '', country: null, city: '', tags: [] };

export function CreatorFormModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const session = useSession();
  const [draft, setDraft] = useState<Draft>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (opened) {
      setDraft(empty);
      setErrors({});
    }
  }, [opened]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const save = async (andOpen: boolean) => {
    try {
      const creator = await session.commands.create('creators', {
        name: draft.name,
        accounts: draft.handle.trim() ? [{ platform: draft.platform, handle: draft.handle, followers: draft.followers === '' ? null : draft.followers }] : [],
        emails: draft.email.trim() ? [{ address: draft.email, primary: true }] : [],
        location: { country: draft.country ?? '', region: '', city: draft.city },
        tags: draft.tags,
      });
      notifications.show({ color: 'teal', message: `${creator.name} is in your creator list` });
      onClose();
      if (andOpen) navigate({ screen: 'creator', id: creator.id });
    } catch (error) {
      if (error instanceof CommandError) setErrors(error.fields);
      else reportError('This creator was not saved')(error);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Add a creator" size="lg" centered>
      <form onSubmit={(e) => { e.preventDefault(); void save(false); }}>
        <Stack>
          <TextInput label="Name" placeholder="Maya Johnson" withAsterisk data-autofocus value={draft.name}
            onChange={(e) => set('name', e.currentTarget.value)} error={errorFor(errors, 'name')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select label="Main platform" data={platforms.map((p) => ({ value: p, label: platformLabels[p] }))} value={draft.platform}
              onChange={(v) => v && set('platform', v as Platform)} allowDeselect={false} error={errorFor(errors, 'accounts.0.platform')} />
            <TextInput label="Handle" placeholder="@mayamoves or profile link" value={draft.handle}
              onChange={(e) => set('handle', e.currentTarget.value)} error={errorFor(errors, 'accounts.0.handle', 'accounts')} />
            <NumberInput label="Followers" placeholder="48,000" thousandSeparator="," min={0} allowDecimal={false} value={draft.followers}
              onChange={(v) => set('followers', typeof v === 'number' ? v : '')} error={errorFor(errors, 'accounts.0.followers')} />
          </SimpleGrid>
          <TextInput label="Email" placeholder="maya@example.com" value={draft.email}
            onChange={(e) => set('email', e.currentTarget.value)} error={errorFor(errors, 'emails')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label="Country" placeholder="Choose a country" searchable clearable data={countryOptions()} value={draft.country}
              onChange={(v) => set('country', v)} error={errorFor(errors, 'location.country')} />
            <TextInput label="City" value={draft.city} onChange={(e) => set('city', e.currentTarget.value)} error={errorFor(errors, 'location.city')} />
          </SimpleGrid>
          <TagsInput label="Tags" placeholder="Type a tag and press Enter" value={draft.tags} onChange={(v) => set('tags', v)} error={errorFor(errors, 'tags')} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button variant="light" onClick={() => void save(true)}>Add and open profile</Button>
            <Button type="submit">Add creator</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
