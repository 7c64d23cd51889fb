import { Button, Group, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { CommandError } from '../../../shared/data/command-error';
import { reportError } from '../components/report-error';
import { activationModels, objectives } from '../../../shared/data/schemas/campaigns';
import { moneyFrom } from '../../../shared/domain/fields';
import { defaultPipeline } from '../../../shared/domain/pipelines';
import { useSession } from '../app/workspace-context';
import { activationLabels, objectiveLabels } from './campaign-row';

type Model = (typeof activationModels)[number];
type Objective = (typeof objectives)[number];

const currencies = ['USD', 'EUR', 'GBP', 'PLN', 'CAD', 'AUD'];

export function CampaignFormModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const session = useSession();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'campaign' | 'program'>('campaign');
  const [model, setModel] = useState<Model>('gifting');
  const [objective, setObjective] = useState<Objective>('awareness');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [budget, setBudget] = useState<number | ''>('');
  const [currency, setCurrency] = useState('USD');
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (opened) {
      setName(''); setKind('campaign'); setModel('gifting'); setObjective('awareness');
      setStartsOn(''); setEndsOn(''); setBudget(''); setErrors({});
    }
  }, [opened]);

  const save = async () => {
    try {
      const campaign = await session.commands.create('campaigns', {
        name, kind, activationModels: [model], objective,
        startsOn: startsOn || null,
        endsOn: kind === 'program' ? null : endsOn || null,
        budget: budget === '' ? null : moneyFrom(budget, currency),
        steps: defaultPipeline(model),
      });
      notifications.show({ color: 'teal', message: `${campaign.name} created with the ${activationLabels[model].toLowerCase()} pipeline` });
      onClose();
    } catch (error) {
      if (error instanceof CommandError) setErrors(error.fields);
      else reportError('This campaign was not saved')(error);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="New campaign" size="lg" centered>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <Stack>
          <SegmentedControl value={kind} onChange={(v) => setKind(v as 'campaign' | 'program')}
            data={[{ value: 'campaign', label: 'Campaign (with dates)' }, { value: 'program', label: 'Program (evergreen)' }]} />
          <TextInput label="Name" placeholder="Spring Glow seeding" withAsterisk data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label="Activation model" data={activationModels.map((m) => ({ value: m, label: activationLabels[m] }))} value={model}
              onChange={(v) => v && setModel(v as Model)} allowDeselect={false} error={errors.activationModels} />
            <Select label="Objective" data={objectives.map((o) => ({ value: o, label: objectiveLabels[o] }))} value={objective}
              onChange={(v) => v && setObjective(v as Objective)} allowDeselect={false} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label="Starts on" value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} error={errors.startsOn} />
            {kind === 'campaign' && <TextInput type="date" label="Ends on" value={endsOn} onChange={(e) => setEndsOn(e.currentTarget.value)} error={errors.endsOn} />}
          </SimpleGrid>
          <Group grow align="flex-start">
            <NumberInput label="Budget" placeholder="12,000" thousandSeparator="," min={0} decimalScale={2} value={budget}
              onChange={(v) => setBudget(typeof v === 'number' ? v : '')} error={errors['budget.amountMicros'] ?? errors.budget} />
            <Select label="Currency" data={currencies} value={currency} onChange={(v) => v && setCurrency(v)} allowDeselect={false} />
          </Group>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit">Create campaign</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
