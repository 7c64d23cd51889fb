import { Anchor, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { activeFilterFields } from '../../../../shared/domain/creator-filters';
import { parseViewState } from '../../../../shared/domain/creator-views';
import { planSearch } from '../../../../shared/domain/typed-query';
import { hrefFor } from '../../app/routes';
import { useSession } from '../../app/workspace-context';
import { addToCampaign, creatorsWord } from '../creators/bulk-actions';
import { useCreatorData } from '../creators/use-creator-data';

const PREVIEW = 8;

/**
 * Brings creators into the campaign at its first step (the shortlist): all
 * the creators of a saved view, as the team defined it, or people found by
 * name. Those already in the campaign are left where they are.
 */
export function AddCreatorsModal({ campaign, alreadyIn, onClose }: {
  campaign: { id: string; name: string; steps: { id: string; name: string; position: number }[] }; alreadyIn: ReadonlySet<string>; onClose: () => void;
}) {
  const session = useSession();
  const { index, views } = useCreatorData();
  // Saved views arrive a moment after the dialog opens: until someone chooses, follow what is there.
  const [chosenSource, setSource] = useState<'view' | 'search' | null>(null);
  const [chosenView, setViewId] = useState<string | null>(null);
  const source = chosenSource ?? (views.length ? 'view' : 'search');
  const viewId = chosenView ?? views[0]?.id ?? null;
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);

  const found = useMemo(() => {
    if (!index) return [];
    if (source === 'view') {
      const view = views.find((v) => v.id === viewId);
      if (!view) return [];
      const state = parseViewState(view.data);
      const order = index.view(index.filter(state.filters, Date.now(), activeFilterFields(state.filters)), state.sort, null, false);
      return Array.from(order, (i) => index.rows[i]);
    }
    const plan = planSearch(query);
    if (!plan.words.length) return [];
    return Array.from(index.rowsWithWordsStartingWith(plan.words), (i) => index.rows[i]);
  }, [source, views, viewId, query, index]);
  const fresh = found.filter((c) => !alreadyIn.has(c.id));

  const add = async () => {
    setAdding(true);
    await addToCampaign(session, fresh.map((c) => c.id), campaign);
    setAdding(false);
    onClose();
  };

  return (
    <Modal opened onClose={onClose} size="lg" title={<Title order={4}>Add creators to {campaign.name}</Title>}>
      <Stack gap="sm">
        <SegmentedControl value={source} onChange={(v) => setSource(v as 'view' | 'search')} data={[{ value: 'view', label: 'From a saved view' }, { value: 'search', label: 'Find by name or handle' }]} />
        {source === 'view' ? (
          views.length ? <Select label="Saved view" data={views.map((v) => ({ value: v.id, label: v.name }))} value={viewId} onChange={setViewId} allowDeselect={false} data-autofocus />
            : <Text size="sm" c="dimmed">No saved views yet. In <Anchor href={hrefFor({ screen: 'creators' })}>Creators</Anchor>, set the filters you want and choose <b>Save view</b>; the team sees it too.</Text>
        ) : <TextInput label="Name, handle or email" placeholder="e.g. @alena or Alena Novak" value={query} onChange={(e) => setQuery(e.currentTarget.value)} data-autofocus />}
        {(source === 'search' ? query.trim() : viewId) && (
          <Stack gap={4} data-testid="add-creators-preview">
            <Text size="sm">{!index ? 'Reading the creator list…' : found.length === 0 ? 'Nobody matches.' : `${creatorsWord(fresh.length)} to add${found.length > fresh.length ? ` (${(found.length - fresh.length).toLocaleString()} already in the campaign)` : ''}`}</Text>
            {fresh.slice(0, PREVIEW).map((c) => <Text key={c.id} size="sm" c="dimmed">· {c.name}{c.handles[0] ? ` (@${c.handles[0]})` : ''}</Text>)}
            {fresh.length > PREVIEW && <Text size="sm" c="dimmed">and {(fresh.length - PREVIEW).toLocaleString()} more</Text>}
          </Stack>
        )}
        <Text size="xs" c="dimmed">They start at {campaign.steps[0]?.name ?? 'the first step'}. You can also pick creators in the <Anchor href={hrefFor({ screen: 'creators' })} size="xs">Creators</Anchor> list or the <Anchor href={hrefFor({ screen: 'warm-list' })} size="xs">Warm list</Anchor> and choose Add to campaign.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button disabled={fresh.length === 0} loading={adding} onClick={() => void add()}>Add {creatorsWord(fresh.length)}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
