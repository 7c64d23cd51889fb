import { Alert, Badge, Button, Checkbox, Group, Modal, Progress, ScrollArea, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSession } from '../../app/workspace-context';
import { notifyWithUndo } from '../../components/undo-notification';
import { useRxQuery } from '../../hooks/use-rx-query';
import { host } from '../../host';
import { formatMoney } from '../../../../shared/domain/fields';
import { clauseLibrary, defaultClauseIds } from '../../../../shared/documents/creator-agreement';
import { contractValuesFor, type CampaignLike, type CreatorLike, type EngagementLike } from '../../../../shared/documents/contract-from-records';
import { NumberField } from '../../components/number-field';
import { readTyped } from '../../components/number-locale';
import { numberFields } from '../../../../shared/domain/number-fields';
import { CLAUSE_SET_TEMPLATE, rankTemplates, readClauseSet } from '../../../../shared/domain/team-templates';
import { ClauseSetPicker, SUGGESTED } from '../templates/clause-set-picker';
import { useTeamTemplates, type TeamTemplate } from '../templates/use-team-templates';
import { useBrandKit } from './use-brand-kit';

const today = () => new Date().toISOString().slice(0, 10);
const libraryIds = clauseLibrary.map((c) => c.id);

/**
 * Contracts for several creators of one campaign at once: each merges that
 * creator's negotiated terms into the template with the chosen clauses.
 * Every PDF is made (and so checked) before any record is written; all the
 * records are then created in one step, which one Undo takes back.
 */
export function NewContractsModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated?: (count: number) => void }) {
  const session = useSession();
  const { kit, legalName } = useBrandKit();
  const campaigns = useRxQuery<CampaignLike & { activationModels: string[] }>('campaigns', { selector: { deletedAt: null }, sort: [{ name: 'asc' }] }, 'contract-campaigns');
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const engagements = useRxQuery<EngagementLike>('engagements', { selector: { campaignId: campaignId ?? '-', deletedAt: null } }, `contract-engagements-${campaignId}`);
  const creatorIds = useMemo(() => (engagements ?? []).map((e) => e.creatorId), [engagements]);
  // Deleted products too: a contract names what was agreed, even if the catalogue has dropped it since.
  const allProducts = useRxQuery<{ id: string; name: string }>('products', { selector: {} }, 'contract-products');
  const creators = useRxQuery<CreatorLike>('creators', { selector: { id: { $in: creatorIds }, deletedAt: null } }, `contract-creators-${creatorIds.join(',').slice(0, 2000)}`);
  const creatorById = useMemo(() => new Map((creators ?? []).map((c) => [c.id, c])), [creators]);
  const rows = useMemo(() => (engagements ?? []).filter((e) => creatorById.has(e.creatorId))
    .sort((a, b) => creatorById.get(a.creatorId)!.name.localeCompare(creatorById.get(b.creatorId)!.name)), [engagements, creatorById]);

  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [clauses, setClauses] = useState<Set<string>>(new Set(clauseLibrary.filter((c) => c.required).map((c) => c.id)));
  const [clauseSet, setClauseSet] = useState<string>(SUGGESTED);
  const clauseSets = useTeamTemplates(CLAUSE_SET_TEMPLATE);
  const [brandName, setBrandName] = useState(legalName);
  const [paymentDaysText, setPaymentDaysText] = useState('30');
  const [governingLaw, setGoverningLaw] = useState('England and Wales');
  const [competitors, setCompetitors] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => setBrandName(legalName), [legalName]);
  useEffect(() => {
    if (!opened) { setProgress(null); setError(null); }
  }, [opened]);
  const suggestClauses = () => {
    const campaign = campaigns?.find((c) => c.id === campaignId);
    const first = rows[0];
    if (campaign && first) {
      const values = contractValuesFor(creatorById.get(first.creatorId)!, campaign, first, { brand: kit, legalName, paymentDays: 30, governingLaw: '', competitors: '', issuedOn: today(), products: allProducts ?? [] });
      setClauses(new Set(defaultClauseIds(values)));
    }
  };
  const chooseSet = (value: string, set: TeamTemplate | null) => {
    setClauseSet(value);
    if (set) setClauses(new Set([...clauseLibrary.filter((c) => c.required).map((c) => c.id), ...readClauseSet(set, libraryIds).clauseIds]));
    else if (value === SUGGESTED) suggestClauses();
  };
  useEffect(() => {
    // A new campaign: everyone in it ticked; the team's clause set for its activation models if there is one, else the clauses its first deal suggests.
    setSelected(new Set(rows.map((r) => r.id)));
    const models = campaigns?.find((c) => c.id === campaignId)?.activationModels ?? [];
    const fit = rankTemplates(clauseSets ?? [], models).find((r) => r.fit === 'match')?.template;
    if (fit) chooseSet(fit.id, fit);
    else chooseSet(SUGGESTED, null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [campaignId, rows.length]);

  const campaign = campaigns?.find((c) => c.id === campaignId) ?? null;
  const chosen = rows.filter((r) => selected.has(r.id));

  const create = async () => {
    if (!campaign || !chosen.length) return;
    setError(null);
    const terms = readTyped(paymentDaysText, numberFields.paymentTermsDays);
    if (!terms.ok || terms.value == null) {
      setError(terms.ok ? 'Say within how many days invoices are paid (payment terms).' : terms.reason);
      return;
    }
    const paymentDays = terms.value;
    const controller = new AbortController();
    abort.current = controller;
    const clauseIds = clauseLibrary.filter((c) => clauses.has(c.id)).map((c) => c.id);
    const records = [];
    try {
      for (const [i, engagement] of chosen.entries()) {
        if (controller.signal.aborted) return;
        const creator = creatorById.get(engagement.creatorId)!;
        setProgress({ done: i, total: chosen.length, name: creator.name });
        const mergeValues = contractValuesFor(creator, campaign, engagement, { brand: kit, legalName: brandName, paymentDays, governingLaw, competitors, issuedOn: today(), products: allProducts ?? [] });
        const title = `Creator agreement – ${creator.name}`;
        // Made once here so a problem shows up before anything is saved, naming the creator.
        await host['documents-render']({ document: { kind: 'contract', brand: kit, title, mergeValues, clauseIds } }, { signal: controller.signal })
          .catch((e: unknown) => { throw new Error(`${creator.name}: ${e instanceof Error ? e.message : String(e)}`); });
        records.push({ kind: 'contract' as const, title, creatorId: creator.id, campaignId: campaign.id, engagementId: engagement.id, templateFor: 'contract', templateId: clauseSet === SUGGESTED ? null : clauseSet, mergeValues: { ...mergeValues, clauses: clauseIds.join(',') } });
      }
      setProgress({ done: chosen.length, total: chosen.length, name: '' });
      const count = await session.commands.createMany('documents', records);
      notifyWithUndo(`${count} ${count === 1 ? 'contract' : 'contracts'} created as drafts`, () => void session.commands.undo());
      onCreated?.(count);
      onClose();
    } catch (e) {
      if (!controller.signal.aborted) setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };

  const busy = progress !== null;
  return (
    <Modal opened={opened} onClose={() => { abort.current?.abort(); onClose(); }} title="New contracts" size="xl">
      <Stack>
        <Select label="Campaign" placeholder="Choose the campaign" searchable data={(campaigns ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={campaignId} onChange={setCampaignId} nothingFoundMessage="No campaign with that name" disabled={busy} />
        {campaign && rows.length === 0 && (
          <Alert color="blue" title="No creators in this campaign yet">Add creators to the campaign’s pipeline first; their negotiated fee, deliverables and usage rights fill the contract.</Alert>
        )}
        {rows.length > 0 && (
          <Stack gap={6}>
            <Group justify="space-between">
              <Text fw={600} size="sm">Creators ({selected.size} of {rows.length})</Text>
              <Checkbox label="All" checked={selected.size === rows.length} indeterminate={selected.size > 0 && selected.size < rows.length}
                onChange={(e) => setSelected(e.currentTarget.checked ? new Set(rows.map((r) => r.id)) : new Set())} disabled={busy} />
            </Group>
            <ScrollArea.Autosize mah={220} type="auto">
              <Stack gap={4}>
                {rows.map((r) => {
                  const creator = creatorById.get(r.creatorId)!;
                  return (
                    <Group key={r.id} justify="space-between" wrap="nowrap">
                      <Checkbox label={creator.name} checked={selected.has(r.id)} disabled={busy} aria-label={`Contract for ${creator.name}`}
                        onChange={(e) => {
                          const next = new Set(selected);
                          if (e.currentTarget.checked) next.add(r.id); else next.delete(r.id);
                          setSelected(next);
                        }} />
                      {r.terms?.fee ? <Text size="sm" c="dimmed">{formatMoney(r.terms.fee)} · {r.terms.deliverables?.length ?? 0} {(r.terms.deliverables?.length ?? 0) === 1 ? 'deliverable' : 'deliverables'}</Text>
                        : <Badge color="yellow" variant="light">No terms agreed yet</Badge>}
                    </Group>
                  );
                })}
              </Stack>
            </ScrollArea.Autosize>
          </Stack>
        )}
        <Stack gap={6}>
          <ClauseSetPicker value={clauseSet} onChange={chooseSet} clauses={clauses} campaignModels={campaign?.activationModels ?? []} disabled={busy} />
          <Group gap={6}><Text fw={600} size="sm">Clauses</Text><Text size="xs" c="dimmed">Greyed ones are always in the contract.</Text></Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            {clauseLibrary.map((c) => (
              <Checkbox key={c.id} label={c.title} description={c.summary} checked={c.required || clauses.has(c.id)} disabled={c.required || busy}
                onChange={(e) => {
                  const next = new Set(clauses);
                  if (e.currentTarget.checked) next.add(c.id); else next.delete(c.id);
                  setClauses(next);
                }} />
            ))}
          </SimpleGrid>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Brand’s legal name" value={brandName} onChange={(e) => setBrandName(e.currentTarget.value)} disabled={busy} />
          <NumberField label="Pay invoices within (days)" spec={numberFields.paymentTermsDays} value={paymentDaysText} onChange={setPaymentDaysText} disabled={busy} />
          <TextInput label="Governing law" value={governingLaw} onChange={(e) => setGoverningLaw(e.currentTarget.value)} disabled={busy} />
          <TextInput label="Competitors (for exclusivity)" placeholder="e.g. GlowCo, Dewy Labs" value={competitors} onChange={(e) => setCompetitors(e.currentTarget.value)} disabled={busy} />
        </SimpleGrid>
        {error && <Alert color="red" icon={<IconAlertTriangle size={18} />} title="No contracts were created">{error}</Alert>}
        {progress && (
          <Stack gap={4}>
            <Progress value={(progress.done / progress.total) * 100} animated />
            <Text size="sm" c="dimmed">{progress.done < progress.total ? `Making contract ${progress.done + 1} of ${progress.total} · ${progress.name}` : 'Saving…'}</Text>
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => { abort.current?.abort(); onClose(); }}>{busy ? 'Stop' : 'Cancel'}</Button>
          <Button onClick={() => void create()} loading={busy} disabled={!campaign || chosen.length === 0}>
            {chosen.length > 1 ? `Create ${chosen.length} contracts` : 'Create contract'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
