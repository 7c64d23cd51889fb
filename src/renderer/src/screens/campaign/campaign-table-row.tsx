import { ActionIcon, Anchor, Badge, Group, Menu, Popover, Select, Table, Text, UnstyledButton } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import { useState } from 'react';
import { optInGapLabels, type RosterEngagement, type RosterRow } from '../../../../shared/domain/campaign-roster';
import { formatCount } from '../../../../shared/domain/engagement-rate';
import { formatMoney } from '../../../../shared/domain/fields';
import { formatScore, type Criterion } from '../../../../shared/domain/scorecard';
import { hrefFor } from '../../app/routes';
import { ScorecardEditor } from '../creator-profile/scorecard-editor';
import { daysAgo } from '../creators/relative-date';
import { OptInModal } from './opt-in-modal';
import { useMoveEngagement } from './use-move-engagement';

interface Step { id: string; name: string; position: number }

/** One creator of the campaign: move them, score them, or take their opt-in, without leaving the table. */
export function CampaignTableRow({ row, engagement, campaignId, steps, criteria, readOnly }: {
  row: RosterRow; engagement: RosterEngagement; campaignId: string; steps: Step[]; criteria: Criterion[]; readOnly: boolean;
}) {
  const move = useMoveEngagement();
  const [optIn, setOptIn] = useState(false);
  const movable = { id: row.engagementId, creatorId: row.creatorId, campaignId, stepId: row.stepId };
  return (
    <Table.Tr data-testid="campaign-table-row">
      <Table.Td><Anchor href={hrefFor({ screen: 'creator', id: row.creatorId })} size="sm" fw={600}>{row.name}</Anchor></Table.Td>
      <Table.Td w={170}>
        <Select size="xs" aria-label={`Step for ${row.name}`} data={steps.map((s) => ({ value: s.id, label: s.name }))} value={steps.some((s) => s.id === row.stepId) ? row.stepId : null}
          placeholder="Step removed" disabled={readOnly} allowDeselect={false}
          onChange={(value) => { const step = steps.find((s) => s.id === value); if (step) void move(movable, step, row.name); }} />
      </Table.Td>
      <Table.Td><Text size="sm">{row.bucket ?? '—'}</Text></Table.Td>
      <Table.Td><Text size="sm">{formatCount(row.followers)}</Text></Table.Td>
      <Table.Td>
        <Popover width={480} position="bottom-start" withinPortal trapFocus shadow="md">
          <Popover.Target>
            <UnstyledButton aria-label={`Scorecard of ${row.name}`}>
              <Text size="sm" c={row.score == null ? 'dimmed' : undefined} fw={row.score == null ? 400 : 600}>{formatScore(row.score)}</Text>
            </UnstyledButton>
          </Popover.Target>
          <Popover.Dropdown>
            <Text size="xs" fw={600} mb={6}>{row.name} · scorecard for this campaign</Text>
            <ScorecardEditor engagementId={row.engagementId} scores={engagement.scorecard} criteria={criteria} readOnly={readOnly} />
          </Popover.Dropdown>
        </Popover>
      </Table.Td>
      <Table.Td><Text size="sm">{formatMoney(row.fee)}</Text></Table.Td>
      <Table.Td><Text size="sm" c={row.lastContactedAt ? undefined : 'dimmed'}>{row.lastContactedAt ? daysAgo(row.lastContactedAt) : 'Never'}</Text></Table.Td>
      <Table.Td>
        {row.optInGaps.length === 0 ? (engagement.optIn ? <Badge color="teal" variant="light">Complete</Badge> : <Text size="sm" c="dimmed">—</Text>) : (
          <Group gap={4} aria-label={`Missing for ${row.name}`}>
            {row.optInGaps.map((gap) => <Badge key={gap} color="orange" variant="light" size="sm">{optInGapLabels[gap]}</Badge>)}
          </Group>
        )}
      </Table.Td>
      <Table.Td w={40}>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target><ActionIcon variant="subtle" color="gray" aria-label={`More for ${row.name}`}><IconDots size={16} /></ActionIcon></Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => setOptIn(true)} disabled={readOnly}>Opt-in details…</Menu.Item>
            <Menu.Item component="a" href={hrefFor({ screen: 'creator', id: row.creatorId })}>Open profile</Menu.Item>
          </Menu.Dropdown>
        </Menu>
        {optIn && <OptInModal engagementId={row.engagementId} creatorId={row.creatorId} campaignId={campaignId} creatorName={row.name} onClose={() => setOptIn(false)} />}
      </Table.Td>
    </Table.Tr>
  );
}
