import { Badge, Button, Group, Paper, Stack, Text, Timeline } from '@mantine/core';
import { IconArrowBackUp, IconBuildingStore, IconCheck, IconUser, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { changedFields, describeTerms, offerHistory, openOffer, standingOffers, type Negotiable, type Offer } from '../../../../shared/domain/offers';
import { getMe } from '../../data/me';
import { useTeammates } from '../tasks/use-teammates';
import { WithdrawConfirm } from './withdraw-confirm';

function when(at: string): string {
  return new Date(at).toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/**
 * Offers and counter-offers as a conversation: who, when, what changed, and
 * which one was accepted. Any offer can be withdrawn here long after its Undo
 * notice is gone; it stays in the conversation, marked, and can be put back.
 */
export function OfferHistory({ engagement, creatorName, productName, onAccept, accepting, onWithdraw, onReinstate, withdrawing }: {
  engagement: Negotiable; creatorName: string; productName: (id: string) => string | undefined; onAccept: (offer: Offer) => void; accepting: boolean;
  onWithdraw: (offer: Offer) => Promise<boolean>; onReinstate: (offer: Offer) => void; withdrawing: boolean;
}) {
  const history = offerHistory(engagement);
  const open = openOffer(engagement);
  const me = getMe();
  const { nameOf } = useTeammates(history.map((o) => o.withdrawnById));
  const [confirming, setConfirming] = useState<string | null>(null);
  if (history.length === 0) {
    return <Text size="sm" c="dimmed">No offers yet. Log what you offered (or what {creatorName} asked for) on the right; every offer and counter-offer stays here with who and when.</Text>;
  }
  // Compared with the offer before it that still stands: a withdrawn one changed nothing.
  const standing = standingOffers(history);
  return (
    <Timeline bulletSize={26} lineWidth={2} active={history.length} data-testid="offer-history">
      {history.map((offer, index) => {
        const withdrawn = !!offer.withdrawnAt;
        const before = withdrawn ? null : standing[standing.indexOf(offer) - 1]?.terms ?? null;
        const changes = changedFields(before, offer.terms);
        const isOpen = open === offer;
        const who = offer.by === 'brand' ? (offer.actorId && offer.actorId === me.id ? 'You offered' : 'We offered') : `${creatorName} countered`;
        const color = withdrawn ? 'gray' : offer.acceptedAt ? 'teal' : offer.by === 'brand' ? 'blue' : 'grape';
        return (
          <Timeline.Item key={`${offer.at}-${index}`} color={color}
            bullet={withdrawn ? <IconX size={14} /> : offer.acceptedAt ? <IconCheck size={14} /> : offer.by === 'brand' ? <IconBuildingStore size={14} /> : <IconUser size={14} />}
            title={(
              <Group gap={6}>
                <Text size="sm" fw={600} c={withdrawn ? 'dimmed' : undefined}>{who}</Text>
                {offer.acceptedAt && <Badge color={withdrawn ? 'gray' : 'teal'} size="sm" variant="light">Accepted {when(offer.acceptedAt)}</Badge>}
                {withdrawn && <Badge color="red" size="sm" variant="light" data-testid="offer-withdrawn">Withdrawn</Badge>}
              </Group>
            )}>
            <Paper withBorder radius="md" p="xs" mt={4} data-testid="offer-entry" bg={withdrawn ? 'gray.0' : undefined}>
              <Stack gap={4}>
                <Text size="sm" td={withdrawn ? 'line-through' : undefined} c={withdrawn ? 'dimmed' : undefined}>{describeTerms(offer.terms, productName)}</Text>
                {changes.length > 0 && <Text size="xs" c="dimmed">Changed: {changes.join(', ')}</Text>}
                {offer.note && <Text size="xs" fs="italic">“{offer.note}”</Text>}
                {withdrawn && (
                  <Text size="xs" c="red.8" data-testid="offer-withdrawn-by">
                    Withdrawn by {nameOf(offer.withdrawnById) ?? 'a teammate'} on {when(offer.withdrawnAt!)}{offer.acceptedAt ? ': no longer the agreed terms' : ''}
                  </Text>
                )}
                {confirming === offer.at && !withdrawn ? (
                  <WithdrawConfirm engagement={engagement} offer={offer} productName={productName} busy={withdrawing}
                    onCancel={() => setConfirming(null)} onConfirm={async () => { if (await onWithdraw(offer)) setConfirming(null); }} />
                ) : (
                  <Group justify="space-between">
                    <Text size="xs" c="dimmed">{when(offer.at)}</Text>
                    <Group gap={6}>
                      {withdrawn ? (
                        <Button size="compact-sm" variant="subtle" color="gray" leftSection={<IconArrowBackUp size={14} />} loading={withdrawing} onClick={() => onReinstate(offer)}>Put back</Button>
                      ) : (
                        <Button size="compact-sm" variant="subtle" color="gray" onClick={() => setConfirming(offer.at)}>Withdraw…</Button>
                      )}
                      {isOpen && (
                        <Button size="compact-sm" color="teal" leftSection={<IconCheck size={14} />} loading={accepting} onClick={() => onAccept(offer)}>
                          {offer.by === 'creator' ? 'Accept their offer' : `${creatorName.split(' ')[0]} accepted`}
                        </Button>
                      )}
                    </Group>
                  </Group>
                )}
              </Stack>
            </Paper>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
