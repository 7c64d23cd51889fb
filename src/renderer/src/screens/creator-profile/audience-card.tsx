import { ActionIcon, Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { countryName, countryOptions } from '../../components/countries';
import { EditableCard } from '../../components/editable-card';
import { errorFor } from '../../components/field-errors';
import type { CreatorRow } from '../creator-row';
import { useSaveCreator } from './use-save-creator';

type AudienceDraft = { ageRange: string; femalePercent: number | ''; topCountries: { country: string | null; percent: number | '' }[]; notes: string };

/** Who watches them, as reported by the creator or a media kit: age, gender split, top countries. */
export function AudienceCard({ creator }: { creator: CreatorRow }) {
  const save = useSaveCreator(creator.id);
  const a = creator.audience;
  const known = a.ageRange || a.femalePercent != null || a.topCountries.length || a.notes;
  return (
    <EditableCard<AudienceDraft>
      title="Audience"
      testId="audience-card"
      readOnly={!!creator.deletedAt}
      initial={() => ({ ageRange: a.ageRange, femalePercent: a.femalePercent ?? '', topCountries: a.topCountries.map((c) => ({ ...c })), notes: a.notes })}
      onSave={(d) => save({
        audience: {
          ageRange: d.ageRange, femalePercent: d.femalePercent === '' ? null : d.femalePercent, notes: d.notes,
          topCountries: d.topCountries.filter((c) => c.country).map((c) => ({ country: c.country!, percent: c.percent === '' ? 0 : c.percent })),
        },
      }, 'Audience')}
      view={known ? (
        <Stack gap={4}>
          {a.ageRange && <Text size="sm">Mostly {a.ageRange} years old</Text>}
          {a.femalePercent != null && <Text size="sm">{a.femalePercent}% women · {100 - a.femalePercent}% men and others</Text>}
          {a.topCountries.length > 0 && <Text size="sm">{a.topCountries.map((c) => `${countryName(c.country)} ${c.percent}%`).join(' · ')}</Text>}
          {a.notes && <Text size="sm" c="dimmed">{a.notes}</Text>}
        </Stack>
      ) : <Text size="sm" c="dimmed">Ask for a media kit screenshot: age range, gender split and top countries tell you whether their audience is yours.</Text>}
      edit={(d, set, errors) => (
        <Stack gap="xs">
          <SimpleGrid cols={2} spacing="xs">
            <TextInput label="Main age range" placeholder="25–34" value={d.ageRange} onChange={(e) => set({ ...d, ageRange: e.currentTarget.value })} />
            <NumberInput label="Women" suffix="%" min={0} max={100} value={d.femalePercent} onChange={(v) => set({ ...d, femalePercent: typeof v === 'number' ? v : '' })} error={errorFor(errors, 'audience.femalePercent')} />
          </SimpleGrid>
          <Text size="sm" fw={500}>Top countries</Text>
          {d.topCountries.map((c, i) => (
            <Group key={i} gap="xs" wrap="nowrap">
              <Select aria-label="Country" searchable data={countryOptions()} style={{ flex: 1 }} value={c.country}
                onChange={(v) => set({ ...d, topCountries: d.topCountries.map((x, j) => (j === i ? { ...x, country: v } : x)) })} />
              <NumberInput aria-label="Share of audience" suffix="%" w={90} min={0} max={100} value={c.percent}
                onChange={(v) => set({ ...d, topCountries: d.topCountries.map((x, j) => (j === i ? { ...x, percent: typeof v === 'number' ? v : '' } : x)) })} />
              <ActionIcon variant="subtle" color="red" onClick={() => set({ ...d, topCountries: d.topCountries.filter((_, j) => j !== i) })} aria-label="Remove this country"><IconTrash size={16} /></ActionIcon>
            </Group>
          ))}
          {d.topCountries.length < 10 && (
            <Button variant="light" size="xs" w="fit-content" leftSection={<IconPlus size={14} />}
              onClick={() => set({ ...d, topCountries: [...d.topCountries, { country: null, percent: '' }] })}>Add a country</Button>
          )}
          <Textarea label="Notes" autosize minRows={2} value={d.notes} onChange={(e) => set({ ...d, notes: e.currentTarget.value })} error={errorFor(errors, 'audience.notes')} />
        </Stack>
      )}
    />
  );
}
