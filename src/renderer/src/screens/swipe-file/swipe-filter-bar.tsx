import { Button, Group, SegmentedControl, Select, TagsInput, TextInput } from '@mantine/core';
import { IconSearch, IconX } from '@tabler/icons-react';
import { emptySwipeFilter, type SwipeFilter, type swipeFacets } from '../../../../shared/domain/swipe-file';

export function SwipeFilterBar({ filter, onChange, facets }: { filter: SwipeFilter; onChange: (f: SwipeFilter) => void; facets: ReturnType<typeof swipeFacets> }) {
  const set = <K extends keyof SwipeFilter>(key: K, value: SwipeFilter[K]) => onChange({ ...filter, [key]: value });
  const active = JSON.stringify(filter) !== JSON.stringify(emptySwipeFilter);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="md">
      <TextInput aria-label="Search the swipe file" placeholder="Search titles, notes, links, tags" leftSection={<IconSearch size={16} />} w={280}
        value={filter.text} onChange={(e) => set('text', e.currentTarget.value)} />
      <SegmentedControl aria-label="Kind" value={filter.kind} onChange={(v) => set('kind', v as SwipeFilter['kind'])}
        data={[{ value: 'all', label: 'All' }, { value: 'link', label: 'Links' }, { value: 'idea', label: 'Ideas' }, { value: 'file', label: 'Files' }]} />
      <Select aria-label="Board" placeholder="Any board" clearable searchable w={200} value={filter.board} onChange={(v) => set('board', v)} data={facets.boards} />
      <Select aria-label="Whose" placeholder="Anyone’s" clearable searchable w={190} value={filter.owner} onChange={(v) => set('owner', v)} data={facets.owners} />
      <TagsInput aria-label="Tags" placeholder={filter.tags.length ? '' : 'Any tag'} w={190} value={filter.tags} onChange={(v) => set('tags', v)} data={facets.tags} clearable />
      {active && <Button variant="subtle" leftSection={<IconX size={14} />} onClick={() => onChange(emptySwipeFilter)}>Clear filters</Button>}
    </Group>
  );
}
