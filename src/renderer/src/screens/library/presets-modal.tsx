import { ActionIcon, Anchor, Badge, Button, Group, Modal, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { channelPresetFields, ratioOf } from '../../../../shared/media/channel-presets';
import { count } from '../../../../shared/domain/number-fields';
import type { NumberSpec } from '../../../../shared/domain/number-reader';
import { useSession } from '../../app/workspace-context';
import { NumberField } from '../../components/number-field';
import { numbersOrThrow } from '../../components/number-locale';
import { CommandError } from '../../../../shared/data/command-error';
import { reportError } from '../../components/report-error';
import type { LibraryData } from './library-data';
import { slugOf } from '../../../../shared/domain/fold-text';

const longest = (s: number) => (s >= 7200 ? `${Math.round(s / 3600)} h` : s >= 120 ? `${Math.round(s / 60)} min` : `${s} s`);

/** The numbers as typed; their ranges (even pixels, bitrate floors) are the preset schema's own and are said by it. */
const blank = { name: '', channel: '', width: '1080', height: '1920', maxDurationSeconds: '60', maxVideoKbps: '8000', maxFileMb: '500', paid: false, url: '' };
type NumberKey = 'width' | 'height' | 'maxDurationSeconds' | 'maxVideoKbps' | 'maxFileMb';
const specs: Record<NumberKey, NumberSpec> = {
  width: count('Width'),
  height: count('Height'),
  maxDurationSeconds: { label: 'Longest video', kind: 'decimal', min: 0, decimals: 3 },
  maxVideoKbps: count('Video bitrate cap'),
  maxFileMb: { label: 'Largest file', kind: 'decimal', min: 0, decimals: 3 },
};

/** The channel formats: the built-in ones with the spec each follows, and the team's own. */
export function PresetsModal({ data, onClose }: { data: LibraryData; onClose: () => void }) {
  const session = useSession();
  const [form, setForm] = useState(blank);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const add = async () => {
    const id = slugOf(form.name, 50) || 'preset';
    let n: Record<NumberKey, number | null>;
    try {
      const entry = (k: NumberKey) => ({ text: form[k], spec: specs[k] });
      n = numbersOrThrow({ width: entry('width'), height: entry('height'), maxDurationSeconds: entry('maxDurationSeconds'), maxVideoKbps: entry('maxVideoKbps'), maxFileMb: entry('maxFileMb') });
    } catch (error) {
      if (error instanceof CommandError) return setErrors(error.fields);
      throw error;
    }
    const empty = (Object.keys(specs) as NumberKey[]).filter((k) => n[k] == null);
    if (empty.length) return setErrors(Object.fromEntries(empty.map((k) => [k, `Say the ${specs[k].label.toLowerCase()}`])));
    const candidate = {
      id: `my-${id}`, name: form.name, channel: form.channel || form.name, width: n.width!, height: n.height!,
      maxDurationSeconds: n.maxDurationSeconds!, maxVideoKbps: n.maxVideoKbps!, maxFileBytes: Math.round(n.maxFileMb! * 1024 * 1024), paid: form.paid,
      source: form.url ? { url: form.url, says: '' } : null,
    };
    const parsed = channelPresetFields.safeParse(candidate);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] === 'source' ? 'url' : i.path[0] === 'maxFileBytes' ? 'maxFileMb' : i.path[0]), i.message])));
      return;
    }
    if (data.presets.some((p) => p.id === parsed.data.id)) {
      setErrors({ name: 'There is already a preset with this name' });
      return;
    }
    setErrors({});
    await session.commands.create('settings', { kind: 'channel-preset', name: parsed.data.name, data: parsed.data }).catch(reportError('The preset was not saved'));
    setForm(blank);
  };

  return (
    <Modal opened onClose={onClose} size={900} title={<Text fw={700}>Channel formats</Text>}>
      <Stack>
        <Table verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr><Table.Th>Format</Table.Th><Table.Th>Size</Table.Th><Table.Th>Longest</Table.Th><Table.Th>Follows</Table.Th><Table.Th /></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.presets.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td><Group gap={6}><Text size="sm" fw={600}>{p.name}</Text>{p.paid && <Badge size="xs" color="orange">Paid</Badge>}</Group></Table.Td>
                <Table.Td><Text size="sm">{p.width}×{p.height} ({ratioOf(p.width, p.height)})</Text></Table.Td>
                <Table.Td><Text size="sm">{longest(p.maxDurationSeconds)}</Text></Table.Td>
                <Table.Td maw={360}>
                  {p.source ? <Anchor href={p.source.url} target="_blank" rel="noreferrer" size="xs" title={p.source.says}>{p.source.says || p.source.url}</Anchor> : <Text size="xs" c="dimmed">Your team’s format</Text>}
                </Table.Td>
                <Table.Td>
                  {data.customPresetIds.has(p.id) && (
                    <ActionIcon variant="subtle" color="red" aria-label={`Remove ${p.name}`}
                      onClick={() => void session.commands.softDelete('settings', [data.customPresetIds.get(p.id)!]).catch(reportError('The preset was not removed'))}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text fw={600}>Add your own format</Text>
        <Group grow align="flex-start">
          <TextInput label="Name" placeholder="Pinterest 2:3" value={form.name} error={errors.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} />
          <TextInput label="Channel" placeholder="Pinterest" value={form.channel} error={errors.channel} onChange={(e) => setForm({ ...form, channel: e.currentTarget.value })} />
          <NumberField label="Width (px)" spec={specs.width} value={form.width} error={errors.width} onChange={(v) => setForm({ ...form, width: v })} />
          <NumberField label="Height (px)" spec={specs.height} value={form.height} error={errors.height} onChange={(v) => setForm({ ...form, height: v })} />
        </Group>
        <Group grow align="flex-start">
          <NumberField label="Longest video (s)" spec={specs.maxDurationSeconds} value={form.maxDurationSeconds} error={errors.maxDurationSeconds} onChange={(v) => setForm({ ...form, maxDurationSeconds: v })} />
          <NumberField label="Video bitrate cap (kbit/s)" spec={specs.maxVideoKbps} value={form.maxVideoKbps} error={errors.maxVideoKbps} onChange={(v) => setForm({ ...form, maxVideoKbps: v })} />
          <NumberField label="Largest file (MB)" spec={specs.maxFileMb} value={form.maxFileMb} error={errors.maxFileMb} onChange={(v) => setForm({ ...form, maxFileMb: v })} />
          <TextInput label="Spec page" placeholder="https://…" value={form.url} error={errors.url} onChange={(e) => setForm({ ...form, url: e.currentTarget.value })} />
        </Group>
        <Group justify="space-between">
          <Switch label="Paid placement (checks usage rights)" checked={form.paid} onChange={(e) => setForm({ ...form, paid: e.currentTarget.checked })} />
          <Button onClick={() => void add()} disabled={!form.name.trim()}>Add format</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
