import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { defaultTierThresholds, tierLabels, tierNames, validateTierThresholds, type TierThresholds } from '../../../../shared/domain/tiers';
import { useSession, useWorkspace } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import type { SettingRecord } from './use-creator-data';

interface Props {
  thresholds: TierThresholds;
  workspace: SettingRecord | null;
  onClose(): void;
}

/** Where each tier starts, for the whole team: brands in small markets count "macro" from far fewer followers. */
export function TierThresholdsModal({ thresholds, workspace, onClose }: Props) {
  const session = useSession();
  const { current } = useWorkspace();
  const [draft, setDraft] = useState<TierThresholds>(thresholds);
  const [saving, setSaving] = useState(false);
  const problem = validateTierThresholds(draft);

  const save = async () => {
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
            <NumberInput key={tier} label={`${tierLabels[tier]} from`} suffix=" followers" thousandSeparator="," min={0} step={1000} allowDecimal={false}
              value={draft[tier]} onChange={(v) => setDraft((d) => ({ ...d, [tier]: typeof v === 'number' ? v : 0 }))} />
          ))}
        </SimpleGrid>
        {problem && <Text size="sm" c="red">{problem}.</Text>}
        <Group justify="space-between">
          <Button variant="subtle" color="gray" onClick={() => setDraft(defaultTierThresholds)}>Use the usual tiers</Button>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button onClick={() => void save()} disabled={!!problem} loading={saving}>Save tiers</Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
