import { ActionIcon, Anchor, Button, Group, NumberInput, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { formatCount, formatPercent } from '../../../../shared/domain/engagement-rate';
import { platformLabels, platforms, type Platform } from '../../../../shared/data/schemas/creators';
import { EditableCard } from '../../components/editable-card';
import { errorFor } from '../../components/field-errors';
import { PlatformIcon } from '../../components/platform-icon';
import type { CreatorRow } from '../creator-row';
import { useSaveCreator } from './use-save-creator';

interface AccountDraft {
  platform: Platform;
  handle: string;
  url: string;
  followers: number | '';
  avgViews: number | '';
  /** Shown and typed as a percentage; stored as a fraction. */
  engagementPercent: number | '';
  statsUpdatedAt: string | null;
}

export const ENGAGEMENT_FORMULA = 'Engagement rate = (likes + comments + shares + saves) ÷ reach, or ÷ followers when reach is unknown. Per account, per post, averaged.';

const toDraft = (a: CreatorRow['accounts'][number]): AccountDraft => ({
  platform: a.platform, handle: a.handle, url: a.url, followers: a.followers ?? '', avgViews: a.avgViews ?? '',
  engagementPercent: a.engagementRate == null ? '' : Math.round(a.engagementRate * 10_000) / 100, statsUpdatedAt: a.statsUpdatedAt,
});

const orNull = (v: number | '') => (v === '' ? null : v);

function updatedLabel(iso: string | null): string {
  return iso ? `updated ${new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}` : 'not updated yet';
}

/** Every platform account with its numbers, and the one way engagement rate is computed. */
export function AccountsCard({ creator }: { creator: CreatorRow }) {
  const save = useSaveCreator(creator.id);
  return (
    <EditableCard<AccountDraft[]>
      title="Accounts"
      testId="accounts-card"
      readOnly={!!creator.deletedAt}
      initial={() => creator.accounts.map(toDraft)}
      onSave={(drafts) => {
        const before = new Map(creator.accounts.map((a) => [`${a.platform} ${a.handle}`, a]));
        const now = new Date().toISOString();
        return save({
          accounts: drafts.map((d) => {
            const old = before.get(`${d.platform} ${d.handle}`);
            const engagementRate = d.engagementPercent === '' ? null : d.engagementPercent / 100;
            const changed = !old || old.followers !== orNull(d.followers) || old.avgViews !== orNull(d.avgViews) || old.engagementRate !== engagementRate;
            // New numbers are dated, so a stale follower count is visible as stale.
            return { platform: d.platform, handle: d.handle, url: d.url, followers: orNull(d.followers), avgViews: orNull(d.avgViews), engagementRate, statsUpdatedAt: changed ? now : d.statsUpdatedAt };
          }),
        }, 'Accounts');
      }}
      view={(
        <Stack gap="sm">
          {creator.accounts.length === 0 && <Text size="sm" c="dimmed">No platform accounts yet. Add the handles you know; followers and engagement can come later.</Text>}
          {creator.accounts.map((a) => (
            <Group key={`${a.platform}-${a.handle}`} justify="space-between" wrap="nowrap" align="flex-start">
              <Group gap={6} wrap="nowrap">
                <PlatformIcon platform={a.platform} />
                <Stack gap={0}>
                  {a.url ? <Anchor href={a.url} target="_blank" rel="noreferrer" size="sm">@{a.handle}</Anchor> : <Text size="sm">@{a.handle}</Text>}
                  <Text size="xs" c="dimmed">{platformLabels[a.platform]} · {updatedLabel(a.statsUpdatedAt)}</Text>
                </Stack>
              </Group>
              <Stack gap={0} align="flex-end">
                <Text size="sm">{formatCount(a.followers)} followers</Text>
                <Group gap={4} wrap="nowrap">
                  <Text size="xs" c="dimmed">{formatPercent(a.engagementRate)} engagement{a.avgViews != null ? ` · ${formatCount(a.avgViews)} avg views` : ''}</Text>
                  <Tooltip label={ENGAGEMENT_FORMULA} multiline w={280} withArrow>
                    <IconInfoCircle size={13} color="var(--mantine-color-dimmed)" aria-label="How engagement rate is computed" />
                  </Tooltip>
                </Group>
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
      edit={(drafts, set, errors) => (
        <Stack gap="xs">
          {drafts.map((d, i) => {
            const put = (patch: Partial<AccountDraft>) => set(drafts.map((x, j) => (j === i ? { ...x, ...patch } : x)));
            return (
              <Stack key={i} gap={6} p="xs" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}>
                <Group gap="xs" align="flex-start" wrap="nowrap">
                  <Select aria-label="Platform" w={150} data={platforms.map((p) => ({ value: p, label: platformLabels[p] }))} value={d.platform}
                    onChange={(v) => v && put({ platform: v as Platform })} allowDeselect={false} />
                  <TextInput aria-label="Handle" placeholder="@handle or profile link" style={{ flex: 1 }} value={d.handle}
                    onChange={(e) => put({ handle: e.currentTarget.value })} error={errorFor(errors, `accounts.${i}.handle`)} />
                  <ActionIcon variant="subtle" color="red" mt={4} onClick={() => set(drafts.filter((_, j) => j !== i))} aria-label={`Remove the ${platformLabels[d.platform]} account`}><IconTrash size={16} /></ActionIcon>
                </Group>
                <TextInput aria-label="Profile link" placeholder="https://…" value={d.url} onChange={(e) => put({ url: e.currentTarget.value })} error={errorFor(errors, `accounts.${i}.url`)} />
                <Group gap="xs" grow>
                  <NumberInput label="Followers" thousandSeparator="," min={0} allowDecimal={false} value={d.followers} onChange={(v) => put({ followers: typeof v === 'number' ? v : '' })} error={errorFor(errors, `accounts.${i}.followers`)} />
                  <NumberInput label="Avg views" thousandSeparator="," min={0} allowDecimal={false} value={d.avgViews} onChange={(v) => put({ avgViews: typeof v === 'number' ? v : '' })} />
                  <NumberInput label="Engagement" suffix="%" min={0} max={100} decimalScale={2} value={d.engagementPercent} onChange={(v) => put({ engagementPercent: typeof v === 'number' ? v : '' })} error={errorFor(errors, `accounts.${i}.engagementRate`)} />
                </Group>
              </Stack>
            );
          })}
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} w="fit-content"
            onClick={() => set([...drafts, { platform: 'instagram', handle: '', url: '', followers: '', avgViews: '', engagementPercent: '', statsUpdatedAt: null }])}>
            Add an account
          </Button>
          {errorFor(errors, 'accounts') && !drafts.length && <Text size="sm" c="red">{errorFor(errors, 'accounts')}</Text>}
        </Stack>
      )}
    />
  );
}
