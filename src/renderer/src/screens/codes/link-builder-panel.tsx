import { Alert, Anchor, Button, Code, CopyButton, Grid, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconLink, IconWand } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { buildLinksTable } from '../../../../shared/domain/table-exports/codes';
import { buildTrackedLink, conventionUtm, utmFields, utmLabels, type Utm } from '../../../../shared/domain/utm';
import { useSession } from '../../app/workspace-context';
import { ExportTableMenu } from '../../components/export-table-menu';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import { useRxQuery } from '../../hooks/use-rx-query';
import type { CreatorRow } from '../creator-row';
import type { CodeRow } from './code-rows';

const emptyUtm: Utm = { source: '', medium: 'influencer', campaign: '', content: '', term: '' };

/**
 * Tracked links by the team's naming rule: lowercase, hyphens, the platform as
 * source. Every problem is said next to its field with a one-click fix, and a
 * link is only offered when it is right.
 */
export function LinkBuilderPanel({ campaigns, links, creatorNames }: { campaigns: { value: string; label: string }[]; links: CodeRow[]; creatorNames: Map<string, string> }) {
  const session = useSession();
  const [baseUrl, setBaseUrl] = useState('');
  const [utm, setUtm] = useState<Utm>(emptyUtm);
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [creatorId, setCreatorId] = useState<string | null>(null);
  const engagements = useRxQuery<{ id: string; creatorId: string }>('engagements', { selector: { campaignId: campaignId ?? '__none', deletedAt: null } }, `links-eng-${campaignId}`);
  const ids = useMemo(() => [...new Set((engagements ?? []).map((e) => e.creatorId))].sort(), [engagements]);
  const creators = useRxQuery<CreatorRow>('creators', { selector: { id: { $in: ids } } }, `links-creators-${campaignId}-${ids.length}`);
  const creator = creators?.find((c) => c.id === creatorId) ?? null;
  const built = buildTrackedLink(baseUrl, utm);
  const touched = baseUrl.trim() !== '' || utm.source !== '' || utm.campaign !== '';
  const problemFor = (field: string) => (touched ? built.problems.find((p) => p.field === field) : undefined);
  const fixAll = () => {
    for (const p of built.problems) {
      if (p.fix === undefined) continue;
      if (p.field === 'baseUrl') setBaseUrl(p.fix);
      else setUtm((u) => ({ ...u, [p.field]: p.fix }));
    }
  };
  const fill = () => {
    const name = campaigns.find((c) => c.value === campaignId)?.label ?? '';
    setUtm(conventionUtm({ platform: creator?.platforms[0] ?? 'instagram', campaign: name, handle: creator?.handles[0] ?? '' }));
  };
  const save = async () => {
    if (!built.url) return;
    try {
      await session.commands.create('codes', { kind: 'link', campaignId, creatorId, link: { baseUrl: baseUrl.trim(), utm } });
      notifyWithUndo(`Link saved${creator ? ` for ${creator.name}` : ''}`, () => void session.commands.undo());
    } catch (error) {
      reportError('The link was not saved')(error);
    }
  };
  const fixable = built.problems.some((p) => p.fix !== undefined);
  return (
    <Stack>
      <Paper withBorder radius="lg" p="md">
        <Grid>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="sm">
              <TextInput label="Page to link to" placeholder="https://yourbrand.com/products/glow-serum" value={baseUrl} onChange={(e) => setBaseUrl(e.currentTarget.value)}
                error={problemFor('baseUrl')?.message} />
              <Group grow>
                <Select label="Campaign" placeholder="Choose" searchable clearable data={campaigns} value={campaignId} onChange={(v) => { setCampaignId(v); setCreatorId(null); }} />
                <Select label="Creator (optional)" placeholder={campaignId ? 'Choose' : 'Pick a campaign first'} searchable clearable disabled={!campaignId}
                  data={(creators ?? []).map((c) => ({ value: c.id, label: c.name })).sort((a, b) => a.label.localeCompare(b.label))} value={creatorId} onChange={setCreatorId} />
              </Group>
              <Group>
                <Button variant="light" size="xs" leftSection={<IconWand size={14} />} onClick={fill} disabled={!campaignId}>Fill by our naming convention</Button>
                <Text size="xs" c="dimmed">source = platform, medium = influencer, campaign = its name, content = handle</Text>
              </Group>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap={6}>
              {utmFields.map((field) => {
                const problem = problemFor(field);
                return (
                  <TextInput key={field} label={utmLabels[field]} size="xs" value={utm[field]} onChange={(e) => { const value = e.currentTarget.value; setUtm((u) => ({ ...u, [field]: value })); }}
                    error={problem && <>{problem.message}{problem.fix !== undefined && <> · <Anchor component="button" size="xs" onClick={() => setUtm((u) => ({ ...u, [field]: problem.fix! }))}>use “{problem.fix}”</Anchor></>}</>} />
                );
              })}
            </Stack>
          </Grid.Col>
        </Grid>
        <Stack mt="md" gap="xs">
          {built.url ? (
            <Alert color="teal" variant="light" icon={<IconLink size={18} />} title="Your tracked link" data-testid="built-link">
              <Stack gap="xs">
                <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{built.url}</Code>
                <Group gap="xs">
                  <CopyButton value={built.url}>{({ copied, copy }) => <Button size="xs" variant="default" leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />} onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
                  <Button size="xs" onClick={() => void save()}>Save{creator ? ` for ${creator.name.split(' ')[0]}` : ''}</Button>
                </Group>
              </Stack>
            </Alert>
          ) : touched && (
            <Group>
              <Text size="sm" c="dimmed">Fix the fields marked in red to get the link.</Text>
              {fixable && <Button size="xs" variant="light" onClick={fixAll}>Apply all suggested fixes</Button>}
            </Group>
          )}
        </Stack>
      </Paper>
      {links.length > 0 && (
        <Paper withBorder radius="lg" p="md">
          <Group justify="space-between" mb="xs">
            <Title order={5}>Saved links</Title>
            <ExportTableMenu rowCount={links.length} name="tracked-links" sheetName="Tracked links" what={['link', 'links']}
              build={() => buildLinksTable(links.map((l) => ({ creatorName: l.creatorId ? creatorNames.get(l.creatorId) ?? '' : 'Everyone', campaignName: campaigns.find((c) => c.value === l.campaignId)?.label ?? '', link: l.link })))} />
          </Group>
          <Table verticalSpacing={6}>
            <Table.Tbody>
              {links.map((l) => {
                const url = l.link ? buildTrackedLink(l.link.baseUrl, l.link.utm).url : null;
                return (
                  <Table.Tr key={l.id}>
                    <Table.Th scope="row" w={180}><Text size="sm" fw={600}>{l.creatorId ? creatorNames.get(l.creatorId) ?? 'Creator' : 'Everyone'}</Text><Text size="xs" c="dimmed">{campaigns.find((c) => c.value === l.campaignId)?.label ?? ''}</Text></Table.Th>
                    <Table.Td><Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>{url ?? l.link?.baseUrl}</Text></Table.Td>
                    <Table.Td w={90}>{url && <CopyButton value={url}>{({ copied, copy }) => <Button size="compact-xs" variant="subtle" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
