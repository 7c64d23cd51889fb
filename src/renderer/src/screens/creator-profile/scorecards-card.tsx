import { Anchor, Badge, Card, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useMemo } from 'react';
import { formatScore, SCORECARD_FORMULA, weightedScore, type CriterionScore } from '../../../../shared/domain/scorecard';
import { hrefFor } from '../../app/routes';
import { useCriteria } from '../../hooks/use-criteria';
import { useRxQuery } from '../../hooks/use-rx-query';
import { ScorecardEditor } from './scorecard-editor';

interface EngagementRow { id: string; campaignId: string; scorecard: CriterionScore[]; deletedAt: string | null; updatedAt: string }

/** One vetting scorecard per campaign the creator is in: each criterion 1–5 with a note, and the weighted score. */
export function ScorecardsCard({ creatorId, readOnly }: { creatorId: string; readOnly: boolean }) {
  const criteria = useCriteria();
  const engagements = useRxQuery<EngagementRow>('engagements', { selector: { creatorId, deletedAt: null } }, `scorecards-${creatorId}`);
  const ids = useMemo(() => [...new Set((engagements ?? []).map((e) => e.campaignId))], [engagements]);
  const campaigns = useRxQuery<{ id: string; name: string }>('campaigns', { selector: { id: { $in: ids } } }, `scorecard-campaigns-${ids.join(',')}`);
  const names = new Map((campaigns ?? []).map((c) => [c.id, c.name]));

  return (
    <Card withBorder radius="lg" data-testid="scorecards-card">
      <Group justify="space-between" mb="sm">
        <Text fw={700}>Vetting</Text>
        <Tooltip label={SCORECARD_FORMULA} multiline w={260} withArrow><Text size="xs" c="dimmed" style={{ cursor: 'help' }}>How the score works</Text></Tooltip>
      </Group>
      {criteria && criteria.length === 0 && (
        <Text size="sm" c="dimmed">Set up vetting criteria in <Anchor href={hrefFor({ screen: 'settings' })} size="sm">Settings</Anchor> to score creators before you invite them.</Text>
      )}
      {criteria && criteria.length > 0 && engagements?.length === 0 && (
        <Text size="sm" c="dimmed">Scorecards are kept per campaign: add {`this creator`} to a campaign’s shortlist to score them for it.</Text>
      )}
      <Stack gap="sm">
        {criteria && criteria.length > 0 && engagements?.map((e) => {
          const score = weightedScore(e.scorecard, criteria);
          return (
            <Stack key={e.id} gap={6}>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" fw={600}>{names.get(e.campaignId) ?? 'A removed campaign'}</Text>
                <Badge variant="light" color={score == null ? 'gray' : score >= 4 ? 'teal' : score >= 3 ? 'yellow' : 'red'} data-testid="weighted-score">{formatScore(score)}</Badge>
              </Group>
              <ScorecardEditor engagementId={e.id} scores={e.scorecard} criteria={criteria} readOnly={readOnly} />
            </Stack>
          );
        })}
      </Stack>
    </Card>
  );
}
