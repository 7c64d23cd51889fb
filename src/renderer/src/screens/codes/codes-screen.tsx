import { Badge, Tabs } from '@mantine/core';
import { IconLink, IconRulerMeasure, IconTicket } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { useRxQuery } from '../../hooks/use-rx-query';
import { CodeRulesPanel } from './code-rules-panel';
import { savedRules, type CodeRow, type RuleSetting } from './code-rows';
import { CodesPanel } from './codes-panel';
import { LinkBuilderPanel } from './link-builder-panel';

/** Codes & links: rules, generated codes with their history and sales, and tracked links. */
export function CodesScreen() {
  const [tab, setTab] = useState<string | null>('codes');
  const codes = useRxQuery<CodeRow>('codes', { selector: { deletedAt: null } }, 'codes-all');
  const ruleSettings = useRxQuery<RuleSetting>('settings', { selector: { kind: 'code-rule', deletedAt: null } }, 'code-rules');
  const workspace = useRxQuery<{ id: string; data: { currency?: string } }>('settings', { selector: { kind: 'workspace' } }, 'codes-workspace');
  const campaignRows = useRxQuery<{ id: string; name: string }>('campaigns', { selector: { deletedAt: null }, sort: [{ name: 'asc' }] }, 'codes-campaigns');
  const creatorIds = useMemo(() => [...new Set((codes ?? []).map((c) => c.creatorId).filter((id): id is string => Boolean(id)))].sort(), [codes]);
  const creators = useRxQuery<{ id: string; name: string }>('creators', { selector: { id: { $in: creatorIds } } }, `codes-creators-${creatorIds.length}-${creatorIds[0] ?? ''}-${creatorIds[creatorIds.length - 1] ?? ''}`);
  const creatorNames = useMemo(() => new Map((creators ?? []).map((c) => [c.id, c.name])), [creators]);
  const campaigns = (campaignRows ?? []).map((c) => ({ value: c.id, label: c.name }));
  const rules = useMemo(() => savedRules(ruleSettings), [ruleSettings]);
  const currency = workspace?.[0]?.data?.currency ?? 'USD';
  const discountCount = (codes ?? []).filter((c) => c.kind === 'discount' && c.status === 'active').length;
  return (
    <>
      <PageHeader title="Codes & links" subtitle="Discount codes that never clash, revoked and reissued with their history, tracked links, and the sales each brings." />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="codes" leftSection={<IconTicket size={16} />}>Discount codes <Badge size="xs" variant="light" color="gray" ml={4}>{discountCount}</Badge></Tabs.Tab>
          <Tabs.Tab value="rules" leftSection={<IconRulerMeasure size={16} />}>Code rules <Badge size="xs" variant="light" color="gray" ml={4}>{rules.length}</Badge></Tabs.Tab>
          <Tabs.Tab value="links" leftSection={<IconLink size={16} />}>Link builder</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="codes">{codes && <CodesPanel codes={codes} rules={rules} campaigns={campaigns} creatorNames={creatorNames} currency={currency} />}</Tabs.Panel>
        <Tabs.Panel value="rules"><CodeRulesPanel rules={rules} campaigns={campaigns} /></Tabs.Panel>
        <Tabs.Panel value="links"><LinkBuilderPanel campaigns={campaigns} links={(codes ?? []).filter((c) => c.kind === 'link')} creatorNames={creatorNames} /></Tabs.Panel>
      </Tabs>
    </>
  );
}
