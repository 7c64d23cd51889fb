import { Anchor, Group, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { carrierName, trackingLink } from '../../../../shared/domain/carriers';
import type { ShipmentRow } from './seeding-rows';

/** The carrier and number, linked to the carrier's own tracking page when it is known. */
export function TrackingCell({ shipment }: { shipment: ShipmentRow }) {
  if (!shipment.trackingNumber) return <Text size="sm" c="dimmed">No tracking yet</Text>;
  const link = trackingLink(shipment.carrier, shipment.trackingNumber) ?? (shipment.trackingUrl || null);
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" c="dimmed">{carrierName(shipment.carrier) || 'Carrier?'}</Text>
      {link ? (
        <Anchor href={link} target="_blank" rel="noreferrer" size="sm" ff="monospace" aria-label={`Track ${shipment.trackingNumber}`}>
          <Group gap={2} wrap="nowrap">{shipment.trackingNumber}<IconExternalLink size={12} /></Group>
        </Anchor>
      ) : <Text size="sm" ff="monospace">{shipment.trackingNumber}</Text>}
    </Group>
  );
}
