import {
  Alert, Autocomplete, Button, Divider, Group, Modal, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { CommandError } from '../../../shared/data/command-error';
import { newId } from '../../../shared/data/ids';
import { activationModels, campaignStatuses, objectives } from '../../../shared/data/schemas/campaigns';
import { moneyFrom, type Money } from '../../../shared/domain/fields';
import { numberFields } from '../../../shared/domain/number-fields';
import { typedText, type NumberSpec } from '../../../shared/domain/number-reader';
import { defaultPipeline } from '../../../shared/domain/pipelines';
import { useSession } from '../app/workspace-context';
import { NumberField } from '../components/number-field';
import { numberLocale, readTyped } from '../components/number-locale';
import { reportError } from '../components/report-error';
import { moneyText } from './offers/offer-draft';
import { useMe } from '../hooks/use-me';
import { activationLabels, objectiveLabels } from './campaign-row';
import { RemoveButton } from './plan/remove-button';
import { TeammateSelect } from './tasks/teammate-select';

type Model = (typeof activationModels)[number];
type Objective = (typeof objectives)[number];
type Status = (typeof campaignStatuses)[number];

const currencies = ['USD', 'EUR', 'GBP', 'PLN', 'CAD', 'AUD'];
export const statusLabels: Record<string, string> = { planning: 'Planning', active: 'Active', completed: 'Completed', archived: 'Archived' };
const kpiSuggestions = ['Posts', 'Reach', 'Impressions', 'Views', 'Engagement rate (%)', 'Clicks', 'Orders', 'Revenue', 'UGC pieces', 'New followers', 'Code redemptions'];

/** The campaign fields this form edits (everything but the pipeline, which has its own editor). */
export interface EditableCampaign {
  id: string;
  name: string;
  kind: 'campaign' | 'program';
  activationModels: string[];
  objective: string;
  kpiTargets: { kpi: string; target: number }[];
  budget: Money | null;
  buckets: { id: string; name: string; minFollowers: number | null; maxFollowers: number | null; targetCount: number }[];
  ownerId: string | null;
  keyMessages: string[];
  startsOn: string | null;
  endsOn: string | null;
  status: string;
  notes: string;
}

/** Numbers are kept as typed ("1.5M", "10k") and read on saving, so a refused one is named, never clamped. */
interface BucketDraft { id: string; name: string; minFollowers: string; maxFollowers: string; targetCount: string }
interface KpiDraft { key: string; kpi: string; target: string }

const specs = {
  budget: numberFields.budget,
  target: numberFields.kpiTarget,
  minFollowers: { ...numberFields.followers, label: 'Followers from' },
  maxFollowers: { ...numberFields.followers, label: 'Followers to' },
  targetCount: numberFields.bucketCreators,
} satisfies Record<string, NumberSpec>;

const text = (value: number | null, spec: NumberSpec) => typedText(value, spec, numberLocale());

interface Draft {
  name: string; kind: 'campaign' | 'program'; models: Model[]; objective: Objective; status: Status; ownerId: string | null;
  startsOn: string; endsOn: string; budget: string; currency: string; kpis: KpiDraft[]; buckets: BucketDraft[]; messages: string[]; notes: string;
}

function draftOf(c: EditableCampaign | null, defaultOwner: string): Draft {
  if (!c) {
    return {
      name: '', kind: 'campaign', models: ['gifting'], objective: 'awareness', status: 'planning', ownerId: defaultOwner,
      startsOn: '', endsOn: '', budget: '', currency: 'USD', kpis: [], buckets: [], messages: [''], notes: '',
    };
  }
  return {
    name: c.name, kind: c.kind, models: c.activationModels as Model[], objective: c.objective as Objective, status: c.status as Status, ownerId: c.ownerId,
    startsOn: c.startsOn ?? '', endsOn: c.endsOn ?? '', budget: moneyText(c.budget, specs.budget), currency: c.budget?.currency ?? 'USD',
    kpis: c.kpiTargets.map((k) => ({ key: newId(), kpi: k.kpi, target: text(k.target, specs.target) })),
    buckets: c.buckets.map((b) => ({
      id: b.id, name: b.name, minFollowers: text(b.minFollowers, specs.minFollowers), maxFollowers: text(b.maxFollowers, specs.maxFollowers), targetCount: text(b.targetCount, specs.targetCount),
    })),
    messages: c.keyMessages.length ? [...c.keyMessages] : [''], notes: c.notes ?? '',
  };
}

interface DraftNumbers {
  budget: number | null;
  kpis: { target: number | null }[];
  buckets: { minFollowers: number | null; maxFollowers: number | null; targetCount: number | null }[];
}

/** Reads every number of the draft; a value that cannot be stored goes into `errors` under its schema path. */
function readDraft(d: Draft, errors: Record<string, string>): DraftNumbers {
  const read = (value: string, spec: NumberSpec, path: string): number | null => {
    const result = readTyped(value, spec);
    if (result.ok) return result.value;
    errors[path] = result.reason;
    return null;
  };
  return {
    budget: read(d.budget, specs.budget, 'budget'),
    kpis: d.kpis.map((k, i) => ({ target: read(k.target, specs.target, `kpiTargets.${i}.target`) })),
    buckets: d.buckets.map((b, i) => ({
      minFollowers: read(b.minFollowers, specs.minFollowers, `buckets.${i}.minFollowers`),
      maxFollowers: read(b.maxFollowers, specs.maxFollowers, `buckets.${i}.maxFollowers`),
      targetCount: read(b.targetCount, specs.targetCount, `buckets.${i}.targetCount`),
    })),
  };
}

/** Problems the form can see before saving, keyed like the schema's field paths. */
function checkDraft(d: Draft, n: DraftNumbers, errors: Record<string, string>): Record<string, string> {
  if (!d.name.trim()) errors.name = 'Give the campaign a name';
  if (d.models.length === 0) errors.activationModels = 'Choose at least one activation model';
  if (d.kind === 'campaign' && d.startsOn && d.endsOn && d.endsOn < d.startsOn) errors.endsOn = 'The end date is before the start date';
  d.kpis.forEach((k, i) => {
    if (!k.kpi.trim()) errors[`kpiTargets.${i}.kpi`] = 'Name the KPI (for example Reach)';
    if (!k.target.trim()) errors[`kpiTargets.${i}.target`] = 'Set a target';
  });
  d.buckets.forEach((b, i) => {
    if (!b.name.trim()) errors[`buckets.${i}.name`] = 'Name the bucket (for example Micro)';
    const { minFollowers, maxFollowers } = n.buckets[i];
    if (minFollowers != null && maxFollowers != null && minFollowers > maxFollowers) errors[`buckets.${i}.maxFollowers`] = 'Below the minimum';
    if (!b.targetCount.trim()) errors[`buckets.${i}.targetCount`] = 'How many creators?';
  });
  return errors;
}

/** A readable name for a field path, for the summary at the top of the form. */
function fieldName(path: string): string {
  const [field, index, part] = path.split('.');
  const n = Number(index) + 1;
  if (field === 'kpiTargets') return `KPI ${n}${part === 'target' ? ' target' : ''}`;
  if (field === 'buckets') return `Bucket ${n}${part === 'maxFollowers' ? ' maximum' : part === 'minFollowers' ? ' minimum' : part === 'targetCount' ? ' target' : ''}`;
  if (field === 'keyMessages') return `Key message ${n}`;
  return ({ name: 'Name', activationModels: 'Activation models', endsOn: 'Ends on', startsOn: 'Starts on', budget: 'Budget', notes: 'Notes', ownerId: 'Owner' } as Record<string, string>)[field] ?? field;
}

/**
 * Creates a campaign or program, or edits every field of its plan: kind,
 * activation models, objective and KPI targets, budget, buckets with target
 * counts, owner, key messages, dates, status and notes.
 */
export function CampaignFormModal({ opened, onClose, campaign = null, defaultOwnerId = null }: {
  opened: boolean; onClose: () => void; campaign?: EditableCampaign | null; defaultOwnerId?: string | null;
}) {
  const session = useSession();
  const me = useMe();
  // A new campaign belongs to whoever creates it until they hand it over.
  const owner = defaultOwnerId ?? me.id;
  const [d, setDraft] = useState<Draft>(() => draftOf(campaign, owner));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (opened) { setDraft(draftOf(campaign, owner)); setErrors({}); }
    // Only on opening: a teammate's edit while the form is open must not wipe what is typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((prev) => ({ ...prev, [key]: value }));
  const setRow = <K extends 'kpis' | 'buckets'>(key: K, i: number, patch: Partial<Draft[K][number]>) =>
    setDraft((prev) => ({ ...prev, [key]: prev[key].map((row, j) => (j === i ? { ...row, ...patch } : row)) }));

  const save = async () => {
    const problems: Record<string, string> = {};
    const n = readDraft(d, problems);
    checkDraft(d, n, problems);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const fields = {
      name: d.name, kind: d.kind, activationModels: d.models, objective: d.objective, status: d.status, ownerId: d.ownerId || null,
      startsOn: d.startsOn || null,
      endsOn: d.kind === 'program' ? null : d.endsOn || null,
      // The reader refuses more than two decimals, so this is the exact budget in micros.
      budget: n.budget == null ? null : moneyFrom(n.budget, d.currency),
      // An empty target was refused above ("Set a target", "How many creators?"), so these are numbers.
      kpiTargets: d.kpis.map((k, i) => ({ kpi: k.kpi, target: n.kpis[i].target as number })),
      buckets: d.buckets.map((b, i) => ({ id: b.id, name: b.name, ...n.buckets[i], targetCount: n.buckets[i].targetCount as number })),
      keyMessages: d.messages.map((m) => m.trim()).filter(Boolean),
      notes: d.notes,
    };
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
      <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
        <Stack>
          {problemList.length > 0 && (
            <Alert color="red" icon={<IconAlertCircle />} title={problemList.length === 1 ? 'One field needs attention' : `${problemList.length} fields need attention`}>
              {problemList.map((p) => `${fieldName(p)}: ${errors[p]}`).join(' · ')}
            </Alert>
          )}
          <SegmentedControl value={d.kind} onChange={(v) => set('kind', v as Draft['kind'])}
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
            <NumberField label="Budget" placeholder="12,000" spec={specs.budget} value={d.budget}
              onChange={(v) => set('budget', v)} error={errors['budget.amountMicros'] ?? errors.budget} />
            <Select label="Currency" data={currencies} value={d.currency} onChange={(v) => v && set('currency', v)} allowDeselect={false} error={errors['budget.currency']} />
          </Group>

          <Divider label="KPI targets" labelPosition="left" />
          {d.kpis.length === 0 && <Text size="sm" c="dimmed">What does success look like? Add the numbers you will report against, such as reach or posts.</Text>}
          {d.kpis.map((k, i) => (
            <Group key={k.key} align="flex-start" wrap="nowrap">
              <Autocomplete label={i === 0 ? 'KPI' : undefined} aria-label={`KPI ${i + 1}`} placeholder="Reach" data={kpiSuggestions} value={k.kpi} style={{ flex: 2 }}
                onChange={(v) => setRow('kpis', i, { kpi: v })} error={errors[`kpiTargets.${i}.kpi`]} />
              <NumberField label={i === 0 ? 'Target' : undefined} aria-label={`KPI ${i + 1} target`} placeholder="e.g. 1.5M" spec={specs.target} value={k.target} style={{ flex: 1 }}
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
              <NumberField label={i === 0 ? 'Followers from' : undefined} aria-label={`Bucket ${i + 1} followers from`} placeholder="e.g. 10k" spec={specs.minFollowers} value={b.minFollowers} style={{ flex: 1.3 }}
                onChange={(v) => setRow('buckets', i, { minFollowers: v })} error={errors[`buckets.${i}.minFollowers`]} />
              <NumberField label={i === 0 ? 'to' : undefined} aria-label={`Bucket ${i + 1} followers to`} placeholder="No limit" spec={specs.maxFollowers} value={b.maxFollowers} style={{ flex: 1.3 }}
                onChange={(v) => setRow('buckets', i, { maxFollowers: v })} error={errors[`buckets.${i}.maxFollowers`]} />
              <NumberField label={i === 0 ? 'Target' : undefined} aria-label={`Bucket ${i + 1} target creators`} placeholder="e.g. 15" spec={specs.targetCount} value={b.targetCount} style={{ flex: 1 }}
                onChange={(v) => setRow('buckets', i, { targetCount: v })} error={errors[`buckets.${i}.targetCount`]} />
              <RemoveButton label={`Remove bucket ${i + 1}`} first={i === 0} onClick={() => set('buckets', d.buckets.filter((_, j) => j !== i))} />
            </Group>
          ))}
          <Group>
            <Button variant="light" size="xs" leftSection={<IconPlus size={14} />}
              onClick={() => set('buckets', [...d.buckets, { id: newId('bucket-'), name: '', minFollowers: '', maxFollowers: '', targetCount: '' }])}>Add a bucket</Button>
            {d.buckets.length === 0 && (
              <Button variant="subtle" size="xs" onClick={() => set('buckets', [
                { id: newId('bucket-'), name: 'Nano', minFollowers: text(1_000, specs.minFollowers), maxFollowers: text(9_999, specs.maxFollowers), targetCount: '20' },
                { id: newId('bucket-'), name: 'Micro', minFollowers: text(10_000, specs.minFollowers), maxFollowers: text(99_999, specs.maxFollowers), targetCount: '10' },
                { id: newId('bucket-'), name: 'Macro', minFollowers: text(100_000, specs.minFollowers), maxFollowers: '', targetCount: '2' },
              ])}>Start from nano, micro and macro</Button>
            )}
          </Group>

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
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={busy}>{campaign ? 'Save plan' : `Create ${noun}`}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
