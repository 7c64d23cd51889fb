import { Alert, Badge, Button, FileButton, Group, Modal, ScrollArea, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconFileImport } from '@tabler/icons-react';
import { useMemo } from 'react';
import { newId } from '../../../../shared/data/ids';
import { actorOf } from '../../../../shared/domain/activities';
import { addressHold } from '../../../../shared/domain/shipment-address';
import { trackingImportWrites } from '../../../../shared/domain/shipment-writes';
import { planTrackingImport, TrackingFileError, type TrackableShipment } from '../../../../shared/import/tracking-import';
import { useCsvPlan } from '../../components/use-csv-plan';
import { useUndoableApply } from '../../components/use-undoable-apply';
import { getMe } from '../../data/me';
import { useRxQuery } from '../../hooks/use-rx-query';
import type { CreatorRow } from '../creator-row';
import type { ShipmentRow } from './seeding-rows';
import { stepsOf, type CampaignSteps } from '../first-step';

const byLabels = { order: 'order name', email: 'email', name: 'name' } as const;

/**
 * Tracking numbers from a Shopify (Matrixify) export or a 3PL's CSV: read in
 * the page, matched, shown row by row, and saved in one step only when the
 * user says so. Unmatched and bad rows are listed and skipped.
 */
export function TrackingImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { saving, apply } = useUndoableApply();
  // A shop's export covers every campaign's orders, so matching is against all of the workspace's shipments.
  const shipments = useRxQuery<ShipmentRow>('shipments', { selector: { deletedAt: null } }, opened ? 'tracking-import-all' : 'tracking-import-off');
  const ids = useMemo(() => [...new Set((shipments ?? []).map((s) => s.creatorId))].sort(), [shipments]);
  const creators = useRxQuery<CreatorRow>('creators', { selector: { id: { $in: ids } } }, `tracking-import-creators-${ids.length}-${ids[0] ?? ''}`);
  const campaigns = useRxQuery<CampaignSteps & { id: string }>('campaigns', { selector: {} }, opened ? 'tracking-import-campaigns' : 'tracking-import-campaigns-off');
  const engagementIds = useMemo(() => [...new Set((shipments ?? []).map((s) => s.engagementId).filter((id): id is string => Boolean(id)))].sort(), [shipments]);
  const engagements = useRxQuery<{ id: string; stepId: string }>('engagements', { selector: { id: { $in: engagementIds } } }, `tracking-import-eng-${engagementIds.length}-${engagementIds[0] ?? ''}`);
  const { plan, fileName, error, read, reset } = useCsvPlan((table) => {
    const byId = new Map((creators ?? []).map((c) => [c.id, c]));
    const trackable: TrackableShipment[] = (shipments ?? []).map((s) => ({
      id: s.id, orderName: s.orderName, status: s.status, trackingNumber: s.trackingNumber, carrier: s.carrier,
      email: byId.get(s.creatorId)?.primaryEmail ?? '', creatorName: byId.get(s.creatorId)?.name ?? '', recipientName: s.address?.name ?? '',
      hold: addressHold(s, byId.get(s.creatorId)?.shippingAddress, byId.get(s.creatorId)?.name ?? 'the creator'),
    }));
    return planTrackingImport(table, trackable);
  }, TrackingFileError);

  const close = () => {
    reset();
    onClose();
  };

  const changes = plan?.matches.filter((m) => m.change !== 'same') ?? [];
  const save = async () => {
    if (!plan) return;
    const byId = new Map((shipments ?? []).map((s) => [s.id, s]));
    const stepOf = new Map((engagements ?? []).map((e) => [e.id, e.stepId]));
    const pipelineOf = (campaignId: string | null) => {
      const campaign = campaigns?.find((c) => c.id === campaignId);
      return campaign ? { steps: stepsOf(campaign), stepOf } : undefined;
    };
    const operations = trackingImportWrites(changes, byId, pipelineOf, actorOf(getMe()), new Date().toISOString(), () => newId());
    if (await apply(operations, `${changes.length} tracking number${changes.length === 1 ? '' : 's'} imported from ${fileName}`, 'The tracking numbers were not saved')) close();
  };

  return (
    <Modal opened={opened} onClose={close} title="Import tracking numbers" size="xl">
      <Stack>
        <Group wrap="nowrap" align="flex-start">
          <ThemeIcon size={44} radius="xl" variant="light"><IconFileImport size={24} /></ThemeIcon>
          <Text size="sm" c="dimmed">
            A CSV from Shopify (Matrixify’s orders export with the fulfillment columns) or your warehouse. Rows are matched to shipments by order name,
            then by the creator’s email, then by name. Nothing is saved until you confirm; rows that match nothing are listed and skipped.
          </Text>
        </Group>
        <Group>
          <FileButton onChange={(f) => void read(f)} accept=".csv,.tsv,.txt,text/csv">
            {(props) => <Button {...props} variant={plan ? 'default' : 'filled'}>{plan ? 'Choose another file' : 'Choose a CSV file'}</Button>}
          </FileButton>
          {fileName && <Text size="sm" c="dimmed">{fileName}</Text>}
        </Group>
        {error && <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="This file cannot be imported">{error}</Alert>}
        {plan && (
          <>
            <Group gap="xs" data-testid="tracking-import-summary">
              <Badge color="teal" variant="light">{changes.length} to save</Badge>
              {plan.matches.length > changes.length && <Badge color="gray" variant="light">{plan.matches.length - changes.length} already up to date</Badge>}
              <Badge color={plan.unmatched.length ? 'orange' : 'gray'} variant="light">{plan.unmatched.length} unmatched</Badge>
              <Badge color={plan.bad.length ? 'red' : 'gray'} variant="light">{plan.bad.length} with problems</Badge>
              <Text size="xs" c="dimmed">Tracking from “{plan.columns.tracking}”{plan.columns.order ? `, matched on “${plan.columns.order}”` : ''}</Text>
            </Group>
            <ScrollArea.Autosize mah={340}>
              <Table verticalSpacing={4} data-testid="tracking-import-report">
                <Table.Thead><Table.Tr><Table.Th>Row</Table.Th><Table.Th>Shipment</Table.Th><Table.Th>What happens</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {plan.matches.map((m) => (
                    <Table.Tr key={`m${m.row}`}>
                      <Table.Td>{m.row}</Table.Td>
                      <Table.Td><Text size="sm">{m.orderName} · {m.creatorName}</Text></Table.Td>
                      <Table.Td><Text size="sm">{m.change === 'same' ? 'Already has this number' : `${m.change === 'update' ? 'Replaces the number with' : 'Gets'} ${m.carrier ? `${m.carrier} ` : ''}${m.trackingNumber}`} <Text span size="xs" c="dimmed">(matched by {byLabels[m.by]})</Text></Text></Table.Td>
                    </Table.Tr>
                  ))}
                  {plan.unmatched.map((u) => (
                    <Table.Tr key={`u${u.row}`} bg="var(--mantine-color-orange-light)">
                      <Table.Td>{u.row}</Table.Td><Table.Td><Text size="sm">{u.label}</Text></Table.Td><Table.Td><Text size="sm" c="orange.9">Unmatched: {u.reason}</Text></Table.Td>
                    </Table.Tr>
                  ))}
                  {plan.bad.map((b) => (
                    <Table.Tr key={`b${b.row}`} bg="var(--mantine-color-red-light)">
                      <Table.Td>{b.row}</Table.Td><Table.Td><Text size="sm">{b.label}</Text></Table.Td><Table.Td><Text size="sm" c="red.9">Skipped: {b.reason}</Text></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>Cancel</Button>
          <Button disabled={!changes.length} loading={saving} onClick={() => void save()}>Import {changes.length || ''} tracking number{changes.length === 1 ? '' : 's'}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
