import { Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { numberFields } from '../../../../shared/domain/number-fields';
import { readNumbers, typedText } from '../../../../shared/domain/number-reader';
import { defaultTierThresholds, tierLabels, tierNames, validateTierThresholds, type Tier, type TierThresholds } from '../../../../shared/domain/tiers';
import { useSession, useWorkspace } from '../../app/workspace-context';
import { NumberField } from '../../components/number-field';
import { numberLocale } from '../../components/number-locale';
import { reportError } from '../../components/report-error';
import type { SettingRecord } from './use-creator-data';

interface Props {
  thresholds: TierThresholds;
  workspace: SettingRecord | null;
  onClose(): void;
}

const specFor = (tier: Tier) => numberFields.tierStart(`${tierLabels[tier]} from`);
const asText = (thresholds: TierThresholds) => Object.fromEntries(tierNames.map((t) => [t, typedText(thresholds[t], specFor(t), numberLocale())])) as Record<Tier, string>;

/**
 * The thresholds as typed ("10K", "100,000"), or why they cannot be saved:
 * each field's own reason, an empty field, or tiers out of order.
 */
function readThresholds(text: Record<Tier, string>): { thresholds: TierThresholds | null; problem: string | null; missing: Partial<Record<Tier, string>> } {
  const read = readNumbers(Object.fromEntries(tierNames.map((t) => [t, { text: text[t], spec: specFor(t) }])) as Record<Tier, { text: string; spec: ReturnType<typeof specFor> }>, numberLocale());
  if (!read.ok) return { thresholds: null, problem: null, missing: {} };
  const missing = Object.fromEntries(tierNames.filter((t) => read.values[t] == null).map((t) => [t, `Say where ${tierLabels[t]} starts.`]));
  if (Object.keys(missing).length) return { thresholds: null, problem: null, missing };
  const thresholds = read.values as TierThresholds;
  return { thresholds, problem: validateTierThresholds(thresholds), missing: {} };
}

/** Where each tier starts, for the whole team: brands in small markets count "macro" from far fewer followers. */
export function TierThresholdsModal({ thresholds, workspace, onClose }: Props) {
  const session = useSession();
  const { current } = useWorkspace();
  const [text, setText] = useState(() => asText(thresholds));
  const [saving, setSaving] = useState(false);
  const { thresholds: draft, problem, missing } = readThresholds(text);

  const save = async () => {
    if (!draft || problem) return;
    setSaving(true);
    try {
      if (workspace) await session.commands.update('settings', workspace.id, { data: { ...workspace.data, tierThresholds: draft } });
      else await session.commands.create('settings', { kind: 'workspace', name: current?.name ?? 'Workspace', data: { tierThresholds: draft } });
      onClose();
    } catch (error) {
      reportError('Could not save the tiers')(error);
      setSaving(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title="Tiers" size="md">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          A creator’s tier comes from their biggest account. Set the follower count where each tier starts; everyone on the team uses the same tiers.
        </Text>
        <SimpleGrid cols={2} spacing="sm">
          {tierNames.map((tier) => (
            <NumberField key={tier} label={`${tierLabels[tier]} from`} rightSection={<Text size="xs" c="dimmed" pr="xs">followers</Text>} rightSectionWidth={80}
              spec={specFor(tier)} value={text[tier]} onChange={(v) => setText((t) => ({ ...t, [tier]: v }))} error={missing[tier]} />
          ))}
        </SimpleGrid>
        {problem && <Text size="sm" c="red">{problem}.</Text>}
        <Group justify="space-between">
          <Button variant="subtle" color="gray" onClick={() => setText(asText(defaultTierThresholds))}>Use the usual tiers</Button>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button onClick={() => void save()} disabled={!draft || !!problem} loading={saving}>Save tiers</Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
