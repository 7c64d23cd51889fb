import {
  Alert, Autocomplete, Button, Divider, Group, Modal, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { CommandError } from '../../../shared/data/command-error';
import { newId } from '../../../shared/data/ids';
import { activationModels, campaignStatuses, objectives } from '../../../shared/data/schemas/campaigns';
import { defaultPipeline } from '../../../shared/domain/pipelines';
import { useSession } from '../app/workspace-context';
import { NumberField } from '../components/number-field';
import { reportError } from '../components/report-error';
import { useFocusFirstError } from '../components/use-focus-first-error';
import { useMe } from '../hooks/use-me';
import { useRxQuery } from '../hooks/use-rx-query';
import type { CatalogueProduct } from '../../../shared/domain/campaign-products';
import { activationLabels, objectiveLabels } from './campaign-row';
import { campaignDraftOf, defaultBuckets, planFromDraft, planSpecs, type CampaignDraft, type EditableCampaign } from './plan/campaign-plan-draft';
import { CampaignProductsEditor } from './plan/campaign-products-editor';
import { RemoveButton } from './plan/remove-button';
import { TeammateSelect } from './tasks/teammate-select';

type Model = (typeof activationModels)[number];
type Objective = (typeof objectives)[number];
type Status = (typeof campaignStatuses)[number];

export type { EditableCampaign } from './plan/campaign-plan-draft';

const currencies = ['USD', 'EUR', 'GBP', 'PLN', 'CAD', 'AUD'];
export const statusLabels: Record<string, string> = { planning: 'Planning', active: 'Active', completed: 'Completed', archived: 'Archived' };
const kpiSuggestions = ['Posts', 'Reach', 'Impressions', 'Views', 'Engagement rate (%)', 'Clicks', 'Orders', 'Revenue', 'UGC pieces', 'New followers', 'Code redemptions'];

/** A readable name for a field path, for the summary at the top of the form. */
function fieldName(path: string): string {
  const [field, index, part] = path.split('.');
  const n = Number(index) + 1;
  if (field === 'kpiTargets') return `KPI ${n}${part === 'target' ? ' target' : ''}`;
  if (field === 'buckets') return `Bucket ${n}${part === 'maxFollowers' ? ' maximum' : part === 'minFollowers' ? ' minimum' : part === 'targetCount' ? ' target' : ''}`;
  if (field === 'keyMessages') return `Key message ${n}`;
  if (field === 'productIds') return 'Products';
  return ({ name: 'Name', activationModels: 'Activation models', endsOn: 'Ends on', startsOn: 'Starts on', budget: 'Budget', notes: 'Notes', ownerId: 'Owner' } as Record<string, string>)[field] ?? field;
}

/**
 * Creates a campaign or program, or edits every field of its plan: kind,
 * activation models, objective and KPI targets, budget, buckets with target
 * counts, owner, featured products, key messages, dates, status and notes.
 */
export function CampaignFormModal({ opened, onClose, campaign = null, defaultOwnerId = null }: {
  opened: boolean; onClose: () => void; campaign?: EditableCampaign | null; defaultOwnerId?: string | null;
}) {
  const session = useSession();
  const me = useMe();
  // A new campaign belongs to whoever creates it until they hand it over.
  const owner = defaultOwnerId ?? me.id;
  const [d, setDraft] = useState<CampaignDraft>(() => campaignDraftOf(campaign, owner));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const form = useFocusFirstError(errors);
  const catalogue = useRxQuery<CatalogueProduct>('products', { selector: {}, sort: [{ name: 'asc' }] }, 'campaign-form-products');
  useEffect(() => {
    if (opened) { setDraft(campaignDraftOf(campaign, owner)); setErrors({}); }
    // Only on opening: a teammate's edit while the form is open must not wipe what is typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);
  const set = <K extends keyof CampaignDraft>(key: K, value: CampaignDraft[K]) => setDraft((prev) => ({ ...prev, [key]: value }));
  const setRow = <K extends 'kpis' | 'buckets'>(key: K, i: number, patch: Partial<CampaignDraft[K][number]>) =>
    setDraft((prev) => ({ ...prev, [key]: prev[key].map((row, j) => (j === i ? { ...row, ...patch } : row)) }));

  const save = async () => {
    const read = planFromDraft(d);
    setErrors(read.ok ? {} : read.errors);
    if (!read.ok) return;
    const { fields } = read;
    setBusy(true);
    try {
      if (campaign) {
        await session.commands.update('campaigns', campaign.id, fields);
        notifications.show({ color: 'teal', message: `The plan for ${d.name.trim()} is saved` });
      } else {
        const created = await session.commands.create('campaigns', { ...fields, steps: defaultPipeline(d.models[0]) });
        notifications.show({ color: 'teal', message: `${created.name} created with the ${activationLabels[d.models[0]].toLowerCase()} pipeline` });
      }
      onClose();
    } catch (error) {
      if (error instanceof CommandError) setErrors(error.fields);
      else reportError('This campaign was not saved')(error);
    } finally {
      setBusy(false);
    }
  };

  const problemList = Object.keys(errors);
  const noun = d.kind === 'program' ? 'program' : 'campaign';
  return (
    <Modal opened={opened} onClose={onClose} title={campaign ? `Edit the plan of ${campaign.name}` : `New ${noun}`} size="xl" centered>
      <form ref={form} onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
        <Stack>
          {problemList.length > 0 && (
            <Alert color="red" icon={<IconAlertCircle />} title={problemList.length === 1 ? 'One field needs attention' : `${problemList.length} fields need attention`}>
              {problemList.map((p) => `${fieldName(p)}: ${errors[p]}`).join(' · ')}
            </Alert>
          )}
          <SegmentedControl value={d.kind} onChange={(v) => set('kind', v as CampaignDraft['kind'])}
            data={[{ value: 'campaign', label: 'Campaign (with dates)' }, { value: 'program', label: 'Program (evergreen)' }]} />
          <TextInput label="Name" placeholder="Spring Glow seeding" withAsterisk data-autofocus value={d.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect label="Activation models" description={campaign ? undefined : 'The first one sets the starting pipeline'} withAsterisk
              data={activationModels.map((m) => ({ value: m, label: activationLabels[m] }))} value={d.models}
              onChange={(v) => set('models', v as Model[])} error={errors.activationModels} />
            <Select label="Objective" data={objectives.map((o) => ({ value: o, label: objectiveLabels[o] }))} value={d.objective}
              onChange={(v) => v && set('objective', v as Objective)} allowDeselect={false} error={errors.objective} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label="Status" data={campaignStatuses.map((s) => ({ value: s, label: statusLabels[s] }))} value={d.status}
              onChange={(v) => v && set('status', v as Status)} allowDeselect={false} error={errors.status} />
            <TeammateSelect label="Owner" value={d.ownerId || null} onChange={(v) => set('ownerId', v)} clearable placeholder="Nobody yet" error={errors.ownerId} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label="Starts on" value={d.startsOn} onChange={(e) => set('startsOn', e.currentTarget.value)} error={errors.startsOn} />
            {d.kind === 'campaign'
              ? <TextInput type="date" label="Ends on" value={d.endsOn} onChange={(e) => set('endsOn', e.currentTarget.value)} error={errors.endsOn} />
              : <Text size="sm" c="dimmed" mt={28}>A program runs until you complete it; briefs come monthly.</Text>}
          </SimpleGrid>
          <Group grow align="flex-start">
            <NumberField label="Budget" placeholder="12,000" spec={planSpecs.budget} value={d.budget}
              onChange={(v) => set('budget', v)} error={errors['budget.amountMicros'] ?? errors.budget} />
            <Select label="Currency" data={currencies} value={d.currency} onChange={(v) => v && set('currency', v)} allowDeselect={false} error={errors['budget.currency']} />
          </Group>

          <Divider label="KPI targets" labelPosition="left" />
          {d.kpis.length === 0 && <Text size="sm" c="dimmed">What does success look like? Add the numbers you will report against, such as reach or posts.</Text>}
          {d.kpis.map((k, i) => (
            <Group key={k.key} align="flex-start" wrap="nowrap">
              <Autocomplete label={i === 0 ? 'KPI' : undefined} aria-label={`KPI ${i + 1}`} placeholder="Reach" data={kpiSuggestions} value={k.kpi} style={{ flex: 2 }}
                onChange={(v) => setRow('kpis', i, { kpi: v })} error={errors[`kpiTargets.${i}.kpi`]} />
              <NumberField label={i === 0 ? 'Target' : undefined} aria-label={`KPI ${i + 1} target`} placeholder="e.g. 1.5M" spec={planSpecs.target} value={k.target} style={{ flex: 1 }}
                onChange={(v) => setRow('kpis', i, { target: v })} error={errors[`kpiTargets.${i}.target`]} />
              <RemoveButton label={`Remove KPI ${i + 1}`} first={i === 0} onClick={() => set('kpis', d.kpis.filter((_, j) => j !== i))} />
            </Group>
          ))}
          <Group><Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => set('kpis', [...d.kpis, { key: newId(), kpi: '', target: '' }])}>Add a KPI target</Button></Group>

          <Divider label="Audience buckets" labelPosition="left" />
          {d.buckets.length === 0 && <Text size="sm" c="dimmed">Split the creators you want by size, such as 30 nano and 15 micro; the board shows each bucket filling up.</Text>}
          {d.buckets.map((b, i) => (
            <Group key={b.id} align="flex-start" wrap="nowrap">
              <TextInput label={i === 0 ? 'Bucket' : undefined} aria-label={`Bucket ${i + 1} name`} placeholder="Micro" value={b.name} style={{ flex: 2 }}
                onChange={(e) => setRow('buckets', i, { name: e.currentTarget.value })} error={errors[`buckets.${i}.name`]} />
              <NumberField label={i === 0 ? 'Followers from' : undefined} aria-label={`Bucket ${i + 1} followers from`} placeholder="e.g. 10k" spec={planSpecs.minFollowers} value={b.minFollowers} style={{ flex: 1.3 }}
                onChange={(v) => setRow('buckets', i, { minFollowers: v })} error={errors[`buckets.${i}.minFollowers`]} />
              <NumberField label={i === 0 ? 'to' : undefined} aria-label={`Bucket ${i + 1} followers to`} placeholder="No limit" spec={planSpecs.maxFollowers} value={b.maxFollowers} style={{ flex: 1.3 }}
                onChange={(v) => setRow('buckets', i, { maxFollowers: v })} error={errors[`buckets.${i}.maxFollowers`]} />
              <NumberField label={i === 0 ? 'Target' : undefined} aria-label={`Bucket ${i + 1} target creators`} placeholder="e.g. 15" spec={planSpecs.targetCount} value={b.targetCount} style={{ flex: 1 }}
                onChange={(v) => setRow('buckets', i, { targetCount: v })} error={errors[`buckets.${i}.targetCount`]} />
              <RemoveButton label={`Remove bucket ${i + 1}`} first={i === 0} onClick={() => set('buckets', d.buckets.filter((_, j) => j !== i))} />
            </Group>
          ))}
          <Group>
            <Button variant="light" size="xs" leftSection={<IconPlus size={14} />}
              onClick={() => set('buckets', [...d.buckets, { id: newId('bucket-'), name: '', minFollowers: '', maxFollowers: '', targetCount: '' }])}>Add a bucket</Button>
            {d.buckets.length === 0 && (
              <Button variant="subtle" size="xs" onClick={() => set('buckets', defaultBuckets())}>Start from nano, micro and macro</Button>
            )}
          </Group>

          <Divider label="Products" labelPosition="left" />
          <CampaignProductsEditor value={d.productIds} catalogue={catalogue ?? []} onChange={(v) => set('productIds', v)} />

          <Divider label="Key messages" labelPosition="left" />
          {d.messages.map((m, i) => (
            <Group key={i} align="flex-start" wrap="nowrap">
              <Textarea aria-label={`Key message ${i + 1}`} placeholder={i === 0 ? 'Glow that lasts all day' : 'Another thing every creator should say'} autosize minRows={1} maxRows={4}
                value={m} style={{ flex: 1 }} onChange={(e) => { const v = e.currentTarget.value; set('messages', d.messages.map((x, j) => (j === i ? v : x))); }}
                error={errors[`keyMessages.${i}`]} />
              <RemoveButton label={`Remove key message ${i + 1}`} first={false} onClick={() => set('messages', d.messages.filter((_, j) => j !== i))} />
            </Group>
          ))}
          <Group><Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => set('messages', [...d.messages, ''])}>Add a key message</Button></Group>

          <Textarea label="Notes" placeholder="Context for the team: the launch, the retailer, what worked last time" autosize minRows={2} maxRows={8}
            value={d.notes} onChange={(e) => set('notes', e.currentTarget.value)} error={errors.notes} />
          {/* A long plan scrolls; its buttons stay in sight at the bottom of the dialog. */}
          <Group justify="flex-end" py="sm" data-testid="dialog-actions"
            style={{ position: 'sticky', bottom: 0, zIndex: 2, background: 'var(--mantine-color-body)', borderTop: '1px solid var(--mantine-color-default-border)' }}>
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={busy}>{campaign ? 'Save plan' : `Create ${noun}`}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
