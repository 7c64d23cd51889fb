import { Button, Group, Modal, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { CommandError } from '../../../shared/data/command-error';
import type { CreatorMatch, NewCreatorKeys } from '../../../shared/domain/creator-match';
import { numberFields } from '../../../shared/domain/number-fields';
import { shown } from '../../../shared/domain/number-reader';
import { reportError } from '../components/report-error';
import { platformLabels, platforms, type Platform } from '../../../shared/data/schemas/creators';
import { navigate } from '../app/routes';
import { useSession } from '../app/workspace-context';
import { countryOptions } from '../components/countries';
import { errorFor } from '../components/field-errors';
import { useFocusFirstError } from '../components/use-focus-first-error';
import { NumberField } from '../components/number-field';
import { numberLocale, numbersOrThrow } from '../components/number-locale';
import { CreatorMatchNotice } from './creator-match-notice';
import { findCreatorMatches } from './find-creator-matches';

interface Draft {
  name: string;
  platform: Platform;
  handle: string;
  /** As typed ("48.2K"): read on save, never rewritten under the person. */
  followers: string;
  email: string;
  country: string | null;
  city: string;
  tags: string[];
}

const empty: Draft = { name: '', platform: 'instagram', handle: '', followers: '', email: '', country: null, city: '', tags: [] };
/** Long enough that a handle is checked once typing pauses, not at every letter. */
const CHECK_AFTER_MS = 250;

const keysOf = (d: Draft): NewCreatorKeys => ({
  accounts: d.handle.trim() ? [{ platform: d.platform, handle: d.handle }] : [],
  emails: d.email.trim() ? [{ address: d.email }] : [],
});

export function CreatorFormModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const session = useSession();
  const [draft, setDraft] = useState<Draft>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const form = useFocusFirstError(errors);
  const [matches, setMatches] = useState<CreatorMatch[]>([]);
  /** Set when a save waits on "Add anyway": whether it was "Add and open profile". */
  const [held, setHeld] = useState<boolean | null>(null);
  const latest = useRef(0);
  useEffect(() => {
    if (opened) {
      setDraft(empty);
      setErrors({});
      setMatches([]);
      setHeld(null);
    }
  }, [opened]);

  // As the handle or email is typed: is this person already in the list? Only the newest answer counts.
  useEffect(() => {
    if (!opened) return;
    const mine = ++latest.current;
    const timer = setTimeout(() => {
      findCreatorMatches(session.projection, keysOf(draft)).then((found) => {
        if (mine === latest.current) setMatches(found);
      }, () => undefined);
    }, CHECK_AFTER_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, session, draft.platform, draft.handle, draft.email]);

  /** The refusals each input shows: what was refused goes once that input is edited. */
  const errorKeys: Record<keyof Draft, string[]> = {
    name: ['name'], platform: ['accounts.0.platform'], handle: ['accounts.0.handle', 'accounts.0.url'], followers: ['accounts.0.followers'],
    email: ['emails'], country: ['location.country'], city: ['location.city'], tags: ['tags'],
  };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => (Object.keys(e).some((k) => errorKeys[key].some((p) => k === p || k.startsWith(`${p}.`)))
      ? Object.fromEntries(Object.entries(e).filter(([k]) => !errorKeys[key].some((p) => k === p || k.startsWith(`${p}.`))))
      : e));
  };

  const save = async (andOpen: boolean, anyway = false) => {
    try {
      const numbers = numbersOrThrow({ 'accounts.0.followers': { text: draft.followers, spec: numberFields.followers } });
      const followers = numbers['accounts.0.followers'];
      if (followers != null && !draft.handle.trim()) {
        throw new CommandError('invalid', 'Followers need a handle', {
          'accounts.0.handle': `Add the handle these ${shown(followers, numberFields.followers, numberLocale())} followers belong to.`,
        });
      }
      if (!anyway) {
        // Checked again here: the save may come before the check that runs as you type.
        const found = await findCreatorMatches(session.projection, keysOf(draft));
        if (found.length) {
          latest.current++;
          setMatches(found);
          setErrors({});
          setHeld(andOpen);
          return;
        }
      }
      const creator = await session.commands.create('creators', {
        name: draft.name,
        accounts: draft.handle.trim() ? [{ platform: draft.platform, handle: draft.handle, followers }] : [],
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

  const open = (match: CreatorMatch) => {
    onClose();
    navigate({ screen: 'creator', id: match.id });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Add a creator" size="lg" centered>
      <form ref={form} onSubmit={(e) => { e.preventDefault(); void save(false); }}>
        <Stack>
          <TextInput label="Name" placeholder="Maya Johnson" withAsterisk data-autofocus value={draft.name}
            onChange={(e) => set('name', e.currentTarget.value)} error={errorFor(errors, 'name')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select label="Main platform" data={platforms.map((p) => ({ value: p, label: platformLabels[p] }))} value={draft.platform}
              onChange={(v) => v && set('platform', v as Platform)} allowDeselect={false} error={errorFor(errors, 'accounts.0.platform')} />
            <TextInput label="Handle" placeholder="@mayamoves or profile link" value={draft.handle}
              onChange={(e) => set('handle', e.currentTarget.value)} error={errorFor(errors, 'accounts.0.handle', 'accounts.0.url') ?? errors.accounts} />
            <NumberField label="Followers" placeholder="48,000 or 48K" spec={numberFields.followers} value={draft.followers}
              onChange={(v) => set('followers', v)} error={errorFor(errors, 'accounts.0.followers')} />
          </SimpleGrid>
          <TextInput label="Email" placeholder="maya@example.com" value={draft.email}
            onChange={(e) => set('email', e.currentTarget.value)} error={errorFor(errors, 'emails')} />
          <CreatorMatchNotice matches={matches} onOpen={open} onAddAnyway={() => void save(held ?? false, true)} />
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
