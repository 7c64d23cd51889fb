import { Badge, Group, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { creatorStatuses } from '../../../../shared/data/schemas/creators';
import { countryName, countryOptions } from '../../components/countries';
import { EditableCard } from '../../components/editable-card';
import { errorFor } from '../../components/field-errors';
import type { CreatorRow } from '../creator-row';
import { useSaveCreator } from './use-save-creator';

const statusLabels: Record<(typeof creatorStatuses)[number], string> = { active: 'Active', 'do-not-contact': 'Do not contact', archived: 'Archived' };

type AboutDraft = Pick<CreatorRow, 'niches' | 'tags' | 'languages' | 'brandSafetyFlags' | 'status'> & { country: string | null; region: string; city: string };

function Tags({ label, values, color }: { label: string; values: string[]; color?: string }) {
  if (!values.length) return null;
  return (
    <Group gap={4} wrap="wrap">
      <Text size="xs" c="dimmed" w={92}>{label}</Text>
      {values.map((v) => <Badge key={v} size="sm" variant="light" color={color}>{v}</Badge>)}
    </Group>
  );
}

/** Where they are, what they make, the words the team files them under, and any brand-safety concerns. */
export function AboutCard({ creator }: { creator: CreatorRow }) {
  const save = useSaveCreator(creator.id);
  const place = [creator.location.city, creator.location.region, countryName(creator.location.country)].filter(Boolean).join(', ');
  return (
    <EditableCard<AboutDraft>
      title="About"
      testId="about-card"
      readOnly={!!creator.deletedAt}
      initial={() => ({
        niches: creator.niches, tags: creator.tags, languages: creator.languages, brandSafetyFlags: creator.brandSafetyFlags, status: creator.status,
        country: creator.location.country || null, region: creator.location.region, city: creator.location.city,
      })}
      onSave={(d) => save({
        niches: d.niches, tags: d.tags, languages: d.languages.map((l) => l.trim().toLowerCase()), brandSafetyFlags: d.brandSafetyFlags, status: d.status,
        location: { country: d.country ?? '', region: d.region, city: d.city },
      }, 'Details')}
      view={(
        <Stack gap={6}>
          <Text size="sm">{place || <Text span c="dimmed" size="sm">Location unknown</Text>}</Text>
          {creator.status !== 'active' && <Badge color={creator.status === 'do-not-contact' ? 'red' : 'gray'} variant="light" w="fit-content">{statusLabels[creator.status]}</Badge>}
          <Tags label="Niches" values={creator.niches} color="grape" />
          <Tags label="Tags" values={creator.tags} />
          <Tags label="Languages" values={creator.languages.map((l) => l.toUpperCase())} color="gray" />
          <Tags label="Brand safety" values={creator.brandSafetyFlags} color="orange" />
          {!creator.niches.length && !creator.tags.length && <Text size="xs" c="dimmed">Add niches and tags to find them again in filters and saved views.</Text>}
        </Stack>
      )}
      edit={(d, set, errors) => (
        <Stack gap="xs">
          <SimpleGrid cols={3} spacing="xs">
            <Select label="Country" searchable clearable data={countryOptions()} value={d.country} onChange={(v) => set({ ...d, country: v })} error={errorFor(errors, 'location.country')} />
            <TextInput label="Region" value={d.region} onChange={(e) => set({ ...d, region: e.currentTarget.value })} />
            <TextInput label="City" value={d.city} onChange={(e) => set({ ...d, city: e.currentTarget.value })} error={errorFor(errors, 'location.city')} />
          </SimpleGrid>
          <TagsInput label="Niches" placeholder="beauty, running, vegan food…" value={d.niches} onChange={(v) => set({ ...d, niches: v })} error={errorFor(errors, 'niches')} />
          <TagsInput label="Tags" value={d.tags} onChange={(v) => set({ ...d, tags: v })} error={errorFor(errors, 'tags')} />
          <SimpleGrid cols={2} spacing="xs">
            <TagsInput label="Languages" description="Codes such as en, pl, es" value={d.languages} onChange={(v) => set({ ...d, languages: v })} error={errorFor(errors, 'languages')} />
            <Select label="Status" data={creatorStatuses.map((s) => ({ value: s, label: statusLabels[s] }))} value={d.status} allowDeselect={false}
              onChange={(v) => v && set({ ...d, status: v as AboutDraft['status'] })} />
          </SimpleGrid>
          <TagsInput label="Brand-safety flags" placeholder="e.g. alcohol content, political posts" value={d.brandSafetyFlags} onChange={(v) => set({ ...d, brandSafetyFlags: v })} />
        </Stack>
      )}
    />
  );
}
