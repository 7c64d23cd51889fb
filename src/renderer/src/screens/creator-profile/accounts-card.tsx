import { ActionIcon, Anchor, Button, Group, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { formatCount, formatPercent } from '../../../../shared/domain/engagement-rate';
import { platformLabels, platforms, type Platform } from '../../../../shared/data/schemas/creators';
import { numberFields } from '../../../../shared/domain/number-fields';
import { typedText, type NumberSpec } from '../../../../shared/domain/number-reader';
import { EditableCard } from '../../components/editable-card';
import { errorFor } from '../../components/field-errors';
import { NumberField } from '../../components/number-field';
import { numberLocale, numbersOrThrow } from '../../components/number-locale';
import { PlatformIcon } from '../../components/platform-icon';
import type { CreatorRow } from '../creator-row';
import { useSaveCreator } from './use-save-creator';

type Account = CreatorRow['accounts'][number];
type Stat = 'followers' | 'avgViews' | 'engagementRate';

interface AccountDraft {
  platform: Platform;
  handle: string;
  url: string;
  /** The numbers as typed ("48.2K", "3.4"): read on save, never rewritten under the person. */
  text: Record<Stat, string>;
  /** The account as stored, when it was: an untouched number is kept exactly as it was. */
  stored: Account | null;
  statsUpdatedAt: string | null;
}

export const ENGAGEMENT_FORMULA = 'Engagement rate = (likes + comments + shares + saves) ÷ reach, or ÷ followers when reach is unknown. Per account, per post, averaged.';

const stats: Record<Stat, NumberSpec> = {
  followers: numberFields.followers,
  avgViews: { ...numberFields.averageViews, label: 'Avg views' },
  // Typed as a percentage, stored as a fraction.
  engagementRate: { ...numberFields.engagementRate, label: 'Engagement' },
};
const statNames = Object.keys(stats) as Stat[];

const storedText = (a: Account | null, stat: Stat) => (a ? typedText(a[stat], stats[stat], numberLocale()) : '');

const toDraft = (a: Account): AccountDraft => ({
  platform: a.platform, handle: a.handle, url: a.url, stored: a, statsUpdatedAt: a.statsUpdatedAt,
  text: { followers: storedText(a, 'followers'), avgViews: storedText(a, 'avgViews'), engagementRate: storedText(a, 'engagementRate') },
});

const blank = (): AccountDraft => ({ platform: 'instagram', handle: '', url: '', text: { followers: '', avgViews: '', engagementRate: '' }, stored: null, statsUpdatedAt: null });

/**
 * Reads every account's numbers, or refuses the save naming each field that
 * cannot be stored ("accounts.1.engagementRate": "Engagement is a share…").
 */
function readAccounts(drafts: AccountDraft[]): Record<Stat, number | null>[] {
  const entries: Record<string, { text: string; spec: NumberSpec }> = {};
  drafts.forEach((d, i) => {
    for (const stat of statNames) if (d.text[stat] !== storedText(d.stored, stat)) entries[`accounts.${i}.${stat}`] = { text: d.text[stat], spec: stats[stat] };
  });
  const read = numbersOrThrow(entries);
  return drafts.map((d, i) => Object.fromEntries(statNames.map((stat) => {
    const key = `accounts.${i}.${stat}`;
    return [stat, key in read ? read[key] : (d.stored?.[stat] ?? null)];
  })) as Record<Stat, number | null>);
}

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
        const numbers = readAccounts(drafts);
        const now = new Date().toISOString();
        return save({
          accounts: drafts.map((d, i) => {
            const n = numbers[i];
            const old = d.stored;
            const changed = !old || old.platform !== d.platform || old.handle !== d.handle || old.followers !== n.followers || old.avgViews !== n.avgViews || old.engagementRate !== n.engagementRate;
            // New numbers are dated, so a stale follower count is visible as stale.
            return { platform: d.platform, handle: d.handle, url: d.url, ...n, statsUpdatedAt: changed ? now : d.statsUpdatedAt };
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
                  {statNames.map((stat) => (
                    <NumberField key={stat} label={stats[stat].label} spec={stats[stat]} value={d.text[stat]} rightSection={stat === 'engagementRate' ? '%' : undefined}
                      onChange={(text) => put({ text: { ...d.text, [stat]: text } })} error={errorFor(errors, `accounts.${i}.${stat}`)} />
                  ))}
                </Group>
              </Stack>
            );
          })}
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} w="fit-content"
            onClick={() => set([...drafts, blank()])}>
            Add an account
          </Button>
          {errorFor(errors, 'accounts') && !drafts.length && <Text size="sm" c="red">{errorFor(errors, 'accounts')}</Text>}
        </Stack>
      )}
    />
  );
}
