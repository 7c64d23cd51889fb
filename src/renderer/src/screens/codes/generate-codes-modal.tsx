import { Alert, Badge, Button, Checkbox, Group, Modal, ScrollArea, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { newId } from '../../../../shared/data/ids';
import { checkCustomCode, generateCodes, normalizeCode } from '../../../../shared/domain/code-generation';
import { issueCodesOperations } from '../../../../shared/domain/code-issuing';
import { describeDiscount } from '../../../../shared/domain/code-rules';
import { useUndoableApply } from '../../components/use-undoable-apply';
import { useRxQuery } from '../../hooks/use-rx-query';
import type { CreatorRow } from '../creator-row';
import type { CodeRow, SavedRule } from './code-rows';
import { useStoreCodes } from './use-store-codes';

const clashText = { workspace: 'already issued in Fanfare', store: 'already live in your store', selection: 'given to someone above' } as const;

/** Codes for a selection of a campaign's creators, checked against every code issued and the codes pasted from the store. */
export function GenerateCodesModal({ opened, onClose, rules, campaigns, codes }: {
  opened: boolean;
  onClose: () => void;
  rules: SavedRule[];
  campaigns: { value: string; label: string }[];
  codes: CodeRow[];
}) {
  const { saving, apply } = useUndoableApply();
  const [ruleId, setRuleId] = useState<string | null>(null);
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [store, setStore, storeCodes] = useStoreCodes();
  const [custom, setCustom] = useState<Map<string, string>>(new Map());
  const rule = rules.find((r) => r.id === ruleId) ?? null;
  useEffect(() => {
    if (!opened) return;
    setRuleId((id) => id ?? rules[0]?.id ?? null);
    setPicked(new Set());
    setCustom(new Map());
  }, [opened, rules]);
  useEffect(() => {
    if (rule?.rule.campaignId) setCampaignId(rule.rule.campaignId);
  }, [rule]);
  const engagements = useRxQuery<{ id: string; creatorId: string }>('engagements', { selector: { campaignId: campaignId ?? '__none', deletedAt: null } }, `gen-eng-${campaignId}`);
  const ids = useMemo(() => [...new Set((engagements ?? []).map((e) => e.creatorId))].sort(), [engagements]);
  const creators = useRxQuery<CreatorRow>('creators', { selector: { id: { $in: ids } } }, `gen-creators-${campaignId}-${ids.length}-${ids[0] ?? ''}`);
  const withCode = new Set(codes.filter((c) => c.kind === 'discount' && c.status === 'active' && c.campaignId === campaignId).map((c) => c.creatorId));
  const candidates = (creators ?? []).filter((c) => !withCode.has(c.id)).sort((a, b) => a.name.localeCompare(b.name));
  const campaignName = campaigns.find((c) => c.value === campaignId)?.label ?? '';
  const generated = useMemo(() => (rule ? generateCodes({
    rule: rule.rule, campaign: campaignName, year: new Date().getFullYear(),
    creators: candidates.filter((c) => picked.has(c.id)).map((c) => ({ id: c.id, name: c.name, handle: c.handles[0] ?? '' })),
    workspaceCodes: codes.filter((c) => c.kind === 'discount').map((c) => c.code), storeCodes,
  }) : []), [rule, candidates, picked, codes, storeCodes.join(','), campaignName]); // eslint-disable-line react-hooks/exhaustive-deps

  const taken = new Set([...codes.map((c) => normalizeCode(c.code)), ...storeCodes.map(normalizeCode)]);
  const finalCode = (creatorId: string, fallback: string) => custom.get(creatorId) ?? fallback;
  const problems = generated.map((g) => {
    if (!custom.has(g.creatorId)) return g.problem;
    const others = new Set([...taken, ...generated.filter((o) => o.creatorId !== g.creatorId).map((o) => normalizeCode(finalCode(o.creatorId, o.code)))]);
    return rule ? checkCustomCode(custom.get(g.creatorId)!, rule.rule, others) : null;
  });
  const ready = generated.length > 0 && problems.every((p) => !p);

  const create = async () => {
    if (!rule) return;
    const issued = generated.map((g) => ({ creatorId: g.creatorId, code: finalCode(g.creatorId, g.code) }));
    const engagementOf = (creatorId: string) => (engagements ?? []).find((e) => e.creatorId === creatorId)?.id ?? null;
    const operations = issueCodesOperations(issued, rule, campaignId, engagementOf, () => newId());
    if (await apply(operations, `${operations.length} code${operations.length === 1 ? '' : 's'} created`, 'The codes were not created')) onClose();
  };

  const allPicked = candidates.length > 0 && candidates.every((c) => picked.has(c.id));
  return (
    <Modal opened={opened} onClose={onClose} title="Generate codes" size="xl">
      <Stack>
        {!rules.length && <Alert color="orange" variant="light">Create a code rule first (the Code rules tab): it says how codes are named and what they give.</Alert>}
        <Group grow>
          <Select label="Code rule" data={rules.map((r) => ({ value: r.id, label: `${r.name} (${r.rule.pattern}, ${describeDiscount(r.rule)})` }))} value={ruleId} onChange={setRuleId} allowDeselect={false} />
          <Select label="Campaign or program" data={campaigns} value={campaignId} onChange={(v) => { setCampaignId(v); setPicked(new Set()); }} placeholder="Choose" searchable />
        </Group>
        <Textarea label="Codes already live in your store" description="Paste them (from Shopify's discount list, one per line or separated by commas); no new code will clash with them, in any letter case. Remembered on this computer for later codes."
          placeholder={'PAUL15\nSUMMER20'} autosize minRows={2} maxRows={5} value={store} onChange={(e) => setStore(e.currentTarget.value)} />
        <Group grow align="flex-start">
          <Stack gap={4}>
            <Group justify="space-between">
              <Text size="sm" fw={500}>Creators without a code here ({candidates.length})</Text>
              <Checkbox size="xs" label="All" checked={allPicked} onChange={() => setPicked(allPicked ? new Set() : new Set(candidates.map((c) => c.id)))} />
            </Group>
            <ScrollArea h={260} type="auto" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }} p={6}>
              <Stack gap={4}>
                {candidates.map((c) => (
                  <Checkbox key={c.id} size="xs" label={`${c.name}${c.handles[0] ? ` · @${c.handles[0]}` : ''}`} checked={picked.has(c.id)}
                    onChange={() => setPicked((s) => { const n = new Set(s); if (n.has(c.id)) n.delete(c.id); else n.add(c.id); return n; })} />
                ))}
                {campaignId && !candidates.length && <Text size="sm" c="dimmed">Everyone in this campaign has a code.</Text>}
              </Stack>
            </ScrollArea>
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500}>Codes to create</Text>
            <ScrollArea h={260} type="auto">
              <Table verticalSpacing={4} data-testid="generated-codes">
                <Table.Tbody>
                  {generated.map((g, i) => (
                    <Table.Tr key={g.creatorId} data-testid="generated-code" data-creator={g.creatorName}>
                      <Table.Th scope="row" fw={400}><Text size="sm">{g.creatorName}</Text>
                        {g.clash && <Text size="xs" c="orange">{g.wanted} is {clashText[g.clash]}</Text>}
                      </Table.Th>
                      <Table.Td>
                        <TextInput size="xs" aria-label={`Code for ${g.creatorName}`} ff="monospace" value={finalCode(g.creatorId, g.code)} error={problems[i] ?? undefined}
                          onChange={(e) => setCustom((m) => new Map(m).set(g.creatorId, e.currentTarget.value))} />
                        {g.alternatives.length > 0 && (
                          <Group gap={4} mt={2}>
                            <Text size="xs" c="dimmed">or</Text>
                            {g.alternatives.map((alt) => <Badge key={alt} size="xs" variant="outline" style={{ cursor: 'pointer' }} onClick={() => setCustom((m) => new Map(m).set(g.creatorId, alt))}>{alt}</Badge>)}
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {!generated.length && <Text size="sm" c="dimmed">Tick creators on the left to see their codes.</Text>}
            </ScrollArea>
          </Stack>
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button disabled={!ready} loading={saving} onClick={() => void create()}>Create {generated.length || ''} code{generated.length === 1 ? '' : 's'}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
