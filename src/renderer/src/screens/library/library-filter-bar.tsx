import { Button, Group, SegmentedControl, Select, TagsInput, TextInput } from '@mantine/core';
import { IconSearch, IconX } from '@tabler/icons-react';
import { emptyFilter, type LibraryFilter } from '../../../../shared/media/library-filter';
import type { AssetRightsStatus, LibraryData } from './library-data';

/** The Library's filters, where "usage rights" can also pick the swipe file's posts that are not ours. */
export type LibraryScreenFilter = Omit<LibraryFilter, 'rights'> & { rights: 'any' | AssetRightsStatus };

export function LibraryFilterBar({ filter, onChange, data }: { filter: LibraryScreenFilter; onChange: (f: LibraryScreenFilter) => void; data: LibraryData }) {
  const set = <K extends keyof LibraryScreenFilter>(key: K, value: LibraryScreenFilter[K]) => onChange({ ...filter, [key]: value });
  const active = JSON.stringify(filter) !== JSON.stringify(emptyFilter);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput aria-label="Search the library" placeholder="Search file names, tags, creators, campaigns" leftSection={<IconSearch size={16} />}
        value={filter.text} onChange={(e) => set('text', e.currentTarget.value)} w={300} />
      <SegmentedControl aria-label="Type" value={filter.kind} onChange={(v) => set('kind', v as LibraryFilter['kind'])}
        data={[{ value: 'all', label: 'All' }, { value: 'video', label: 'Videos' }, { value: 'image', label: 'Photos' }]} />
      <Select aria-label="Creator" placeholder="Any creator" clearable searchable w={180} value={filter.creatorId} onChange={(v) => set('creatorId', v)}
        data={data.creators.map((c) => ({ value: c.id, label: c.name }))} />
      <Select aria-label="Campaign" placeholder="Any campaign" clearable searchable w={180} value={filter.campaignId} onChange={(v) => set('campaignId', v)}
        data={data.campaigns.map((c) => ({ value: c.id, label: c.name }))} />
      <TagsInput aria-label="Tags" placeholder={filter.tags.length ? '' : 'Any tag'} w={180} value={filter.tags} onChange={(v) => set('tags', v)} data={data.tags} clearable />
      <Select aria-label="Orientation" w={150} value={filter.orientation} allowDeselect={false} onChange={(v) => set('orientation', (v ?? 'any') as LibraryFilter['orientation'])}
        data={[{ value: 'any', label: 'Any shape' }, { value: 'portrait', label: 'Portrait' }, { value: 'square', label: 'Square' }, { value: 'landscape', label: 'Landscape' }]} />
      <Select aria-label="Length" w={150} value={filter.duration} allowDeselect={false} onChange={(v) => set('duration', (v ?? 'any') as LibraryFilter['duration'])}
        data={[{ value: 'any', label: 'Any length' }, { value: 'short', label: 'Under 15 s' }, { value: 'medium', label: '15–60 s' }, { value: 'long', label: 'Over a minute' }]} />
      <Select aria-label="Usage rights" w={170} value={filter.rights} allowDeselect={false} onChange={(v) => set('rights', (v ?? 'any') as LibraryScreenFilter['rights'])}
        data={[{ value: 'any', label: 'Any rights' }, { value: 'paid', label: 'Paid use OK' }, { value: 'organic', label: 'Organic only' }, { value: 'expired', label: 'Rights expired' }, { value: 'not-started', label: 'Rights not started' }, { value: 'none', label: 'No rights recorded' }, { value: 'not-ours', label: 'Not ours (swipe file)' }]} />
      <Select aria-label="Originals or cuts" w={190} value={filter.source} allowDeselect={false} onChange={(v) => set('source', (v ?? 'any') as LibraryFilter['source'])}
        data={[{ value: 'any', label: 'Originals and cuts' }, { value: 'original', label: 'Originals' }, { value: 'cut', label: 'Channel cuts' }]} />
      {active && <Button variant="subtle" leftSection={<IconX size={14} />} onClick={() => onChange(emptyFilter)}>Clear filters</Button>}
    </Group>
  );
}
