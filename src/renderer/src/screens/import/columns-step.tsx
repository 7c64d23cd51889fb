import { Alert, Badge, Group, ScrollArea, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { platformLabels, platforms, type Platform } from '../../../../shared/data/schemas/creators';
import { delimiterLabels, encodingLabels } from '../../../../shared/import/format-labels';
import type { FieldKey } from '../../../../shared/import/fields';
import type { ImportPreview } from '../../../../shared/import/read';
import type { RateScale } from '../../../../shared/import/types';
import { FieldSelect } from './field-select';

export interface ColumnChoices {
  mapping: FieldKey[];
  defaultPlatform: Platform | null;
  rateScale: RateScale;
}

interface Props {
  preview: ImportPreview;
  choices: ColumnChoices;
  onChange: (choices: ColumnChoices) => void;
  /** Rows (as numbered in the file) whose handle has no platform, out of the rows that name an account. */
  platformless: { rows: number[]; of: number } | null;
  problems: string[];
}

/** Step 2: each column of the file, a few of its values, and what it becomes in Fanfare. */
export function ColumnsStep({ preview, choices, onChange, platformless, problems }: Props) {
  const { format } = preview;
  const howRead = format.kind === 'xlsx'
    ? `Excel workbook, sheet “${format.sheet}”`
    : `${format.delimiter ? `values separated by ${delimiterLabels[format.delimiter] ?? `“${format.delimiter}”`}` : 'CSV'} · ${format.encoding ? encodingLabels[format.encoding] : ''}`;
  const samples = (column: number) => preview.samples.map((row) => row[column]).filter(Boolean).slice(0, 3);
  const hasRate = choices.mapping.some((k) => k.endsWith('.engagementRate'));
  const set = (index: number, key: FieldKey) => onChange({ ...choices, mapping: choices.mapping.map((k, i) => (i === index ? key : k)) });
  const platformNeeded = !!platformless && platformless.rows.length > 0;
  const allRows = platformNeeded && platformless.rows.length === platformless.of;

  return (
    <Stack gap="md">
      <Group gap="xs" wrap="wrap">
        <Badge size="lg" variant="light" data-testid="import-preset">{preview.preset.id === 'generic' ? 'Your own spreadsheet' : `${preview.preset.label} recognised`}</Badge>
        <Text size="sm" c="dimmed">
          {preview.rowCount.toLocaleString()} {preview.rowCount === 1 ? 'row' : 'rows'} · {howRead}
          {preview.emptyRows > 0 ? ` · ${preview.emptyRows.toLocaleString()} empty ${preview.emptyRows === 1 ? 'row' : 'rows'} left out` : ''}
        </Text>
      </Group>
      {preview.notices.map((notice) => (
        <Alert key={notice} color="yellow" variant="light" radius="md" icon={<IconInfoCircle size={18} />}>{notice}</Alert>
      ))}
      <ScrollArea.Autosize mah={360} type="auto" offsetScrollbars>
        <Table verticalSpacing="xs" highlightOnHover stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="28%">Column in your file</Table.Th>
              <Table.Th>Example values</Table.Th>
              <Table.Th w={280}>Imports as</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.headers.map((header, i) => (
              <Table.Tr key={header} data-testid="import-column">
                <Table.Td><Text fw={600} size="sm">{header}</Text></Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={2} style={{ wordBreak: 'break-word' }}>
                    {samples(i).length ? samples(i).map((s) => s.replace(/\s+/g, ' ')).join(' · ') : 'Empty in the first rows'}
                  </Text>
                </Table.Td>
                <Table.Td><FieldSelect label={`What “${header}” imports as`} value={choices.mapping[i]} onChange={(key) => set(i, key)} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {(platformNeeded || (hasRate && preview.rateScaleMatters)) && (
        <Group align="flex-start" gap="xl" wrap="wrap">
          {platformNeeded && (
            <Select
              label={allRows ? 'These accounts are on' : 'Rows with only a handle are on'}
              description={allRows ? 'The file has handles but no platform column or profile links.' : platformlessText(platformless!)}
              placeholder={allRows ? 'Choose a platform' : 'Not sure: find them by email'}
              clearable={!allRows}
              data={platforms.map((p) => ({ value: p, label: platformLabels[p] }))}
              value={choices.defaultPlatform}
              onChange={(v) => onChange({ ...choices, defaultPlatform: (v as Platform | null) ?? null })}
              w={allRows ? 280 : 440}
              comboboxProps={{ withinPortal: true }}
              data-testid="import-platform"
            />
          )}
          {hasRate && preview.rateScaleMatters && (
            <Stack gap={4}>
              <Text size="sm" fw={500}>Engagement rate numbers without a % sign</Text>
              <Text size="xs" c="dimmed">Fanfare guessed from the file; change it if it got it wrong.</Text>
              <SegmentedControl
                value={choices.rateScale}
                onChange={(v) => onChange({ ...choices, rateScale: v as RateScale })}
                data={[{ value: 'percent', label: '3.4 means 3.4%' }, { value: 'fraction', label: '0.034 means 3.4%' }]}
              />
            </Stack>
          )}
        </Group>
      )}
      {problems.map((problem) => (
        <Alert key={problem} color="red" variant="light" radius="md" icon={<IconAlertTriangle size={18} />}>{problem}</Alert>
      ))}
    </Stack>
  );
}

/** "3 of 40 rows (14, 27 and 31) have a handle but no profile link…": which rows the choice is for, and what happens without it. */
function platformlessText({ rows, of }: { rows: number[]; of: number }): string {
  const shown = rows.slice(0, 5).map((r) => r.toLocaleString());
  const named = rows.length > 5 ? `${shown.join(', ')}…` : shown.length < 2 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  const count = `${rows.length.toLocaleString()} of ${of.toLocaleString()} rows`;
  return `${count} (${rows.length === 1 ? 'row' : 'rows'} ${named}) ${rows.length === 1 ? 'has' : 'have'} a handle but no profile link, so nothing says ${rows.length === 1 ? 'its' : 'their'} platform; the other rows take theirs from their links. Left empty, Fanfare finds these creators by email and uses the platform of their account with that handle.`;
}
