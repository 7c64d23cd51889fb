import { Badge, Button, Group, Paper, Stack, Text, Timeline } from '@mantine/core';
import { IconBuildingStore, IconCheck, IconUser } from '@tabler/icons-react';
import { changedFields, describeTerms, offerHistory, openOffer, type Negotiable, type Offer } from '../../../../shared/domain/offers';
import { getMe } from '../../data/me';

function when(at: string): string {
  return new Date(at).toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Offers and counter-offers as a conversation: who, when, what changed, and which one was accepted. */
export function OfferHistory({ engagement, creatorName, productName, onAccept, accepting }: {
  engagement: Negotiable; creatorName: string; productName: (id: string) => string | undefined; onAccept: (offer: Offer) => void; accepting: boolean;
}) {
  const history = offerHistory(engagement);
  const open = openOffer(engagement);
  const me = getMe();
  if (history.length === 0) {
    return <Text size="sm" c="dimmed">No offers yet. Log what you offered (or what {creatorName} asked for) on the right; every offer and counter-offer stays here with who and when.</Text>;
  }
  return (
    <Timeline bulletSize={26} lineWidth={2} active={history.length} data-testid="offer-history">
      {history.map((offer, index) => {
        const previous = index > 0 ? history[index - 1].terms : null;
        const changes = changedFields(previous, offer.terms);
        const isOpen = open === offer;
        const who = offer.by === 'brand' ? (offer.actorId && offer.actorId === me.id ? 'You offered' : 'We offered') : `${creatorName} countered`;
        return (
          <Timeline.Item key={`${offer.at}-${index}`} bullet={offer.acceptedAt ? <IconCheck size={14} /> : offer.by === 'brand' ? <IconBuildingStore size={14} /> : <IconUser size={14} />}
            color={offer.acceptedAt ? 'teal' : offer.by === 'brand' ? 'blue' : 'grape'} title={<Group gap={6}><Text size="sm" fw={600}>{who}</Text>{offer.acceptedAt && <Badge color="teal" size="sm" variant="light">Accepted {when(offer.acceptedAt)}</Badge>}</Group>}>
            <Paper withBorder radius="md" p="xs" mt={4} data-testid="offer-entry">
              <Stack gap={4}>
                <Text size="sm">{describeTerms(offer.terms, productName)}</Text>
                {changes.length > 0 && <Text size="xs" c="dimmed">Changed: {changes.join(', ')}</Text>}
                {offer.note && <Text size="xs" fs="italic">“{offer.note}”</Text>}
                <Group justify="space-between">
                  <Text size="xs" c="dimmed">{when(offer.at)}</Text>
                  {isOpen && (
                    <Button size="compact-sm" color="teal" leftSection={<IconCheck size={14} />} loading={accepting} onClick={() => onAccept(offer)}>
                      {offer.by === 'creator' ? 'Accept their offer' : `${creatorName.split(' ')[0]} accepted`}
                    </Button>
                  )}
                </Group>
              </Stack>
            </Paper>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
