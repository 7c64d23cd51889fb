import { MultiSelect } from '@mantine/core';
import { activationModels } from '../../../../shared/data/schemas/campaigns';
import { activationLabels } from '../campaign-row';

/** Which activation models a template is for; none chosen means any campaign. */
export function ActivationModelPicker({ value, onChange, error, disabled }: { value: string[]; onChange: (models: string[]) => void; error?: string; disabled?: boolean }) {
  return (
    <MultiSelect label="For activation models" placeholder={value.length ? undefined : 'Any campaign'} clearable searchable disabled={disabled}
      description="New briefs, messages and contracts in campaigns with these models offer it first. Leave empty for any."
      data={activationModels.map((m) => ({ value: m, label: activationLabels[m] ?? m }))} value={value} onChange={onChange} error={error} />
  );
}
