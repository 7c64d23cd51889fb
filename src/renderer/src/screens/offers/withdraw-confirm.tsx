import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { withdrawalEffect, type Negotiable, type Offer } from '../../../../shared/domain/offers';

/** Asks before withdrawing, and says what the terms and the table become. */
export function WithdrawConfirm({ engagement, offer, productName, busy, onConfirm, onCancel }: {
  engagement: Negotiable; offer: Offer; productName: (id: string) => string | undefined; busy: boolean; onConfirm: () => void; onCancel: () => void;
}) {
  const noun = offer.by === 'brand' ? 'offer' : 'counter-offer';
  return (
    <Alert color="red" variant="light" p="xs" icon={<IconAlertTriangle size={16} />} title={`Withdraw this ${noun}?`} data-testid="withdraw-confirm">
      <Text size="xs">It stays in the history, marked withdrawn with your name and the time, and you can put it back. {withdrawalEffect(engagement, offer.at, productName)}</Text>
      <Group justify="flex-end" gap={6} mt={6}>
        <Button size="compact-sm" variant="default" onClick={onCancel}>Keep it</Button>
        <Button size="compact-sm" color="red" loading={busy} onClick={onConfirm}>Withdraw {noun}</Button>
      </Group>
    </Alert>
  );
}
