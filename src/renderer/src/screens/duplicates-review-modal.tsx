import { Badge, Button, Card, Group, Modal, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { DuplicateGroup } from '../../../shared/data/likely-duplicates';
import { duplicatePairKey } from '../../../shared/domain/merge-creator-fields';
import { formatCount } from '../../../shared/domain/engagement-rate';
import { useSession, useWorkspace } from '../app/workspace-context';
import { backUpBeforeBigChange } from '../data/backup/automatic-backups';
import { countryName } from '../components/countries';
import { PlatformIcon } from '../components/platform-icon';
import { reportError } from '../components/report-error';
import { notifyWithUndo } from '../components/undo-notification';
import { useRxQuery } from '../hooks/use-rx-query';
import type { CreatorRow } from './creator-row';
import { MergePreviewTable } from './merge-preview-table';
import { platformLabels, type Platform } from '../../../shared/data/schemas/creators';

interface Props {
  groups: DuplicateGroup[];
  opened: boolean;
  onClose: () => void;
  onResolved: (ids: string[]) => void;
}

/** "tiktok @zoe.runs" → "Same TikTok handle: @zoe.runs"; an email reads as itself. */
function describeReason({ reason, kind }: DuplicateGroup) {
  if (kind === 'name') return <>Same name: <b>{reason}</b></>;
  if (kind === 'email') return <>Same email: <b>{reason}</b></>;
  const [platform, handle] = reason.split(' ');
  return <>Same {platformLabels[platform as Platform] ?? platform} handle: <b>{handle}</b></>;
}

/** One group at a time: the records side by side, keep one (the rest fold into it), or say they are different people. */
export function DuplicatesReviewModal({ groups, opened, onClose, onResolved }: Props) {
  const session = useSession();
  const { current } = useWorkspace();
  const group = groups[0];
  const ids = group?.ids ?? [];
  const rows = useRxQuery<CreatorRow>('creators', { selector: { id: { $in: ids } } }, `duplicates-${ids.join(',')}`);
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  if (!group) return null;
  const keepRow = (rows ?? []).find((r) => r.id === chosen) ?? rows?.[0];
  const others = (rows ?? []).filter((r) => r !== keepRow);

  const keep = async (keepRow: CreatorRow) => {
    setBusy(true);
    setChosen(null);
    try {
      const others = ids.filter((id) => id !== keepRow.id);
      // A merge is undoable and keeps the other record in the trash, so a failed backup warns rather than blocks.
      if (current) await backUpBeforeBigChange(session, current, 'before-merge').catch(reportError('No backup was kept before this merge (it went ahead; Ctrl+Z takes it back)'));
      await session.commands.mergeCreators(keepRow.id, others);
      onResolved(ids);
      notifyWithUndo(`Merged into ${keepRow.name}: nothing was lost, the other record is in the trash`, () => void session.commands.undo());
      if (groups.length <= 1) onClose();
    } catch (error) {
      reportError('These creators were not merged')(error);
    } finally {
      setBusy(false);
    }
  };
  const different = async () => {
    setBusy(true);
    try {
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          await session.commands.create('settings', { kind: 'not-duplicate', name: 'Different people', data: { pair: duplicatePairKey([ids[i], ids[j]]) } });
        }
      }
      onResolved(ids);
      if (groups.length <= 1) onClose();
    } catch (error) {
      reportError('That was not saved')(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} size="xl" centered title={<Text fw={700}>Is this the same person?</Text>}>
      <Text size="sm" c="dimmed" mb="md">
        {describeReason(group)}.
        Choose the record to keep; everything from the other (accounts, emails, tags, campaigns, shipments, notes, timeline) moves onto it, and any value it replaces stays in the kept record’s history.
        {groups.length > 1 ? ` ${groups.length - 1} more to review after this one.` : ''}
      </Text>
      <SimpleGrid cols={Math.min(ids.length, 3)}>
        {(rows ?? []).map((row) => (
          <Card key={row.id} withBorder radius="lg" data-testid="duplicate-candidate" onClick={() => setChosen(row.id)}
            style={{ cursor: 'pointer', borderColor: row === keepRow ? 'var(--mantine-primary-color-filled)' : undefined, borderWidth: row === keepRow ? 2 : 1 }}>
            <Stack gap={6} style={{ flex: 1 }}>
              <Text fw={700}>{row.name}</Text>
              <Text size="xs" c="dimmed">{[row.location.city, countryName(row.location.country)].filter(Boolean).join(', ') || 'Location unknown'}</Text>
              {row.accounts.map((a) => (
                <Group key={`${a.platform}-${a.handle}`} gap={6} wrap="nowrap">
                  <PlatformIcon platform={a.platform} />
                  <Text size="sm">@{a.handle}</Text>
                  <Text size="xs" c="dimmed">{formatCount(a.followers)}</Text>
                </Group>
              ))}
              {row.emails.map((e) => <Text key={e.address} size="sm">{e.address}</Text>)}
              {row.phone && <Text size="sm">{row.phone}</Text>}
              <Group gap={4}>{row.tags.map((t) => <Badge key={t} size="sm" variant="light">{t}</Badge>)}</Group>
            </Stack>
            <Radio mt="md" checked={row === keepRow} onChange={() => setChosen(row.id)} label="Keep this record" aria-label={`Keep ${row.name}`} />
          </Card>
        ))}
      </SimpleGrid>
      {keepRow && others.length > 0 && <MergePreviewTable keep={keepRow} others={others} />}
      <Group justify="space-between" mt="lg">
        <Button variant="subtle" color="gray" onClick={onClose}>Decide later</Button>
        <Group gap="sm">
          <Button variant="default" onClick={() => void different()} loading={busy}>They are different people</Button>
          {keepRow && <Button onClick={() => void keep(keepRow)} loading={busy}>Merge into {keepRow.name}</Button>}
        </Group>
      </Group>
    </Modal>
  );
}
