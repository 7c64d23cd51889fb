import { ActionIcon, Button, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { CommandError } from '../../../../shared/data/command-error';
import { numberFields } from '../../../../shared/domain/number-fields';
import { shown, typedText } from '../../../../shared/domain/number-reader';
import { countryName, countryOptions } from '../../components/countries';
import { EditableCard } from '../../components/editable-card';
import { errorFor } from '../../components/field-errors';
import { NumberField } from '../../components/number-field';
import { numberLocale, numbersOrThrow } from '../../components/number-locale';
import type { CreatorRow } from '../creator-row';
import { useSaveCreator } from './use-save-creator';

/** Shares as typed ("62", "62%", "62,5"): read on save. */
type AudienceDraft = { ageRange: string; femalePercent: string; topCountries: { country: string | null; percent: string }[]; notes: string };

const share = numberFields.audienceShare;
const women = numberFields.womenShare;

/**
 * The audience as it will be stored, or a refusal naming each field: a
 * country without its share (it was stored as 0%), a share without its
 * country (it was dropped), or shares adding up to more than the audience.
 */
function readAudience(d: AudienceDraft): CreatorRow['audience'] {
  // An empty row (no country, no share) is a row added and not used: it is left out, not refused.
  const used = d.topCountries.map((c, i) => ({ ...c, i })).filter((c) => c.country || c.percent.trim());
  const read: Record<string, number | null> = numbersOrThrow({
    femalePercent: { text: d.femalePercent, spec: women },
    ...Object.fromEntries(used.map((c) => [`topCountries.${c.i}.percent`, { text: c.percent, spec: share }])),
  });
  const fields: Record<string, string> = {};
  const topCountries = used.map((c) => {
    const percent = read[`topCountries.${c.i}.percent`];
    if (!c.country) fields[`audience.topCountries.${c.i}.country`] = percent == null ? 'Choose a country, or remove the row.' : `Choose the country where ${shown(percent, share, numberLocale())} of the audience live.`;
    else if (percent == null) fields[`audience.topCountries.${c.i}.percent`] = `Add the share of the audience in ${countryName(c.country)}, or remove the row.`;
    return { country: c.country ?? '', percent: percent ?? 0 };
  });
  const total = topCountries.reduce((sum, c) => sum + c.percent, 0);
  if (!Object.keys(fields).length && total > 100.0001) {
    fields[`audience.topCountries.${used.at(-1)!.i}.percent`] = `These countries add up to ${shown(Number(total.toFixed(2)), share, numberLocale())}; one audience adds up to at most 100%.`;
  }
  if (Object.keys(fields).length) throw new CommandError('invalid', Object.values(fields)[0], fields);
  return { ageRange: d.ageRange, femalePercent: read.femalePercent, notes: d.notes, topCountries };
}

/** Who watches them, as reported by the creator or a media kit: age, gender split, top countries. */
export function AudienceCard({ creator }: { creator: CreatorRow }) {
  const save = useSaveCreator(creator.id);
  const a = creator.audience;
  const known = a.ageRange || a.femalePercent != null || a.topCountries.length || a.notes;
  const typed = (value: number | null, spec = share) => typedText(value, spec, numberLocale());
  return (
    <EditableCard<AudienceDraft>
      title="Audience"
      testId="audience-card"
      readOnly={!!creator.deletedAt}
      initial={() => ({ ageRange: a.ageRange, femalePercent: typed(a.femalePercent, women), topCountries: a.topCountries.map((c) => ({ country: c.country, percent: typed(c.percent) })), notes: a.notes })}
      onSave={(d) => save({ audience: readAudience(d) }, 'Audience')}
      view={known ? (
        <Stack gap={4}>
          {a.ageRange && <Text size="sm">Mostly {a.ageRange} years old</Text>}
          {a.femalePercent != null && <Text size="sm">{a.femalePercent}% women · {Number((100 - a.femalePercent).toFixed(2))}% men and others</Text>}
          {a.topCountries.length > 0 && <Text size="sm">{a.topCountries.map((c) => `${countryName(c.country)} ${c.percent}%`).join(' · ')}</Text>}
          {a.notes && <Text size="sm" c="dimmed">{a.notes}</Text>}
        </Stack>
      ) : <Text size="sm" c="dimmed">Ask for a media kit screenshot: age range, gender split and top countries tell you whether their audience is yours.</Text>}
      edit={(d, set, errors) => (
        <Stack gap="xs">
          <SimpleGrid cols={2} spacing="xs">
            <TextInput label="Main age range" placeholder="25–34" value={d.ageRange} onChange={(e) => set({ ...d, ageRange: e.currentTarget.value })} />
            <NumberField label="Women" rightSection="%" spec={women} value={d.femalePercent} onChange={(v) => set({ ...d, femalePercent: v })}
              error={errorFor(errors, 'femalePercent', 'audience.femalePercent')} />
          </SimpleGrid>
          <Text size="sm" fw={500}>Top countries</Text>
          {d.topCountries.map((c, i) => (
            <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
              <Select aria-label="Country" searchable data={countryOptions()} style={{ flex: 1 }} value={c.country} error={errorFor(errors, `audience.topCountries.${i}.country`)}
                onChange={(v) => set({ ...d, topCountries: d.topCountries.map((x, j) => (j === i ? { ...x, country: v } : x)) })} />
              <NumberField aria-label="Share of audience" rightSection="%" w={150} spec={share} value={c.percent}
                error={errorFor(errors, `topCountries.${i}.percent`, `audience.topCountries.${i}.percent`)}
                onChange={(v) => set({ ...d, topCountries: d.topCountries.map((x, j) => (j === i ? { ...x, percent: v } : x)) })} />
              <ActionIcon variant="subtle" color="red" mt={4} onClick={() => set({ ...d, topCountries: d.topCountries.filter((_, j) => j !== i) })} aria-label="Remove this country"><IconTrash size={16} /></ActionIcon>
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
