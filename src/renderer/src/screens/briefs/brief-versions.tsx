import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCopyPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { monthlyBriefTitle, nextBriefMonth } from '../../../../shared/domain/brief-template';
import { hrefFor, navigate } from '../../app/routes';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { useRichTextLink } from '../../hooks/use-rich-text-link';
import { briefStatusColors, briefStatusLabels, type BriefRow } from '../brief-row';
import { createNextVersion, type BriefCampaign } from './create-brief';

/**
 * The versions of a brief: a program gets a new brief each month, started
 * from the last one. Each version keeps its own status and recipients.
 */
export function BriefVersions({ brief, versions, campaign, readOnly }: { brief: BriefRow; versions: BriefRow[]; campaign: BriefCampaign | null; readOnly: boolean }) {
  const session = useSession();
  const link = useRichTextLink();
  const [busy, setBusy] = useState(false);
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const latestMonth = sorted.at(-1)?.mergeValues.month ?? null;
  const next = campaign?.kind === 'program' ? monthlyBriefTitle(campaign.name, nextBriefMonth(latestMonth, new Date())) : null;

  const create = async () => {
    setBusy(true);
    try {
      const id = await createNextVersion(session, link, brief, versions, campaign);
      navigate({ screen: 'brief', id });
    } catch (error) {
      reportError('The new version was not created')(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder radius="lg" p="md" data-testid="brief-versions">
      <Group justify="space-between" mb="xs">
        <Text fw={700}>Versions</Text>
        {!readOnly && <Button size="xs" variant="light" leftSection={<IconCopyPlus size={14} />} loading={busy} onClick={() => void create()}>
          {next ? `Start ${next.split(' — ')[1]}’s brief` : 'New version'}
        </Button>}
      </Group>
      <Stack gap={6}>
        {sorted.map((v) => (
          <Group key={v.id} justify="space-between" wrap="nowrap" gap="xs">
            {v.id === brief.id ? <Text size="sm" fw={600} lineClamp={1}>v{v.version} · {v.title}</Text> : <Anchor size="sm" lineClamp={1} href={hrefFor({ screen: 'brief', id: v.id })}>v{v.version} · {v.title}</Anchor>}
            <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
              {v.sentTo.length > 0 && <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>sent to {v.sentTo.length}</Text>}
              <Badge size="sm" variant="light" color={briefStatusColors[v.status] ?? 'gray'}>{briefStatusLabels[v.status] ?? v.status}</Badge>
            </Group>
          </Group>
        ))}
      </Stack>
      {next && <Text size="xs" c="dimmed" mt="xs">Next month’s brief starts as a copy of the latest one, so you update what changed instead of rewriting.</Text>}
    </Paper>
  );
}
