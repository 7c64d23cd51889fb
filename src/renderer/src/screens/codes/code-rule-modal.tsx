import { Alert, Button, Checkbox, Code, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { codeRuleData, describeDiscount, defaultCodeRule, patternTokens, tokenHelp, allowedLabels, type CodeRule } from '../../../../shared/domain/code-rules';
import { codeFor } from '../../../../shared/domain/code-generation';
import { numberFields } from '../../../../shared/domain/number-fields';
import { typedText, type NumberSpec } from '../../../../shared/domain/number-reader';
import { useSession } from '../../app/workspace-context';
import { NumberField } from '../../components/number-field';
import { numberLocale, readTyped } from '../../components/number-locale';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import type { SavedRule } from './code-rows';

const examples = [
  { id: 'a', name: 'Zoë Åberg', handle: 'zoe.makes' },
  { id: 'b', name: 'Maximilian Schröder-Weißenberg', handle: 'max_runs_the_alps_daily' },
];

type NumberKey = 'maxLength' | 'discountValue' | 'usageLimit';
const discountSpec = (type: CodeRule['discountType']): NumberSpec => (type === 'percent' ? numberFields.discountPercent : numberFields.discountAmount);
const specs = (rule: CodeRule): Record<NumberKey, NumberSpec> => ({ maxLength: numberFields.codeLength, discountValue: discountSpec(rule.discountType), usageLimit: numberFields.usageLimit });
const textsOf = (rule: CodeRule): Record<NumberKey, string> => {
  const spec = specs(rule);
  return { maxLength: typedText(rule.maxLength, spec.maxLength, numberLocale()), discountValue: typedText(rule.discountValue, spec.discountValue, numberLocale()), usageLimit: typedText(rule.usageLimit, spec.usageLimit, numberLocale()) };
};
const required: Partial<Record<NumberKey, string>> = { maxLength: 'Say how long a code may be', discountValue: 'Say how much the discount is' };

/** A rule with a live preview: what two real-looking creators' codes would be. */
export function CodeRuleModal({ opened, onClose, editing, campaigns }: { opened: boolean; onClose: () => void; editing: SavedRule | null; campaigns: { value: string; label: string }[] }) {
  const session = useSession();
  const [name, setName] = useState('');
  const [rule, setRule] = useState<CodeRule>(defaultCodeRule);
  // The numbers as typed: "0" or "-5" stays on screen with its reason, never replaced by another number.
  const [texts, setTexts] = useState<Record<NumberKey, string>>(textsOf(defaultCodeRule));
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setName(editing?.name ?? '');
    setRule(editing?.rule ?? defaultCodeRule);
    setTexts(textsOf(editing?.rule ?? defaultCodeRule));
  }, [opened, editing]);
  const set = (patch: Partial<CodeRule>) => setRule((r) => ({ ...r, ...patch }));
  const spec = specs(rule);
  const numberProblems: Partial<Record<NumberKey, string>> = {};
  const numbers: Partial<Record<NumberKey, number | null>> = {};
  for (const key of Object.keys(spec) as NumberKey[]) {
    const read = readTyped(texts[key], spec[key]);
    if (!read.ok) numberProblems[key] = read.reason;
    else if (read.value == null && required[key]) numberProblems[key] = required[key];
    else numbers[key] = read.value;
  }
  const numbersRead = Object.keys(numberProblems).length === 0;
  const parsed = codeRuleData.safeParse({ ...rule, ...numbers });
  const ready = numbersRead && parsed.success;
  const issues = parsed.success ? [] : parsed.error.issues;
  const issueFor = (field: string) => numberProblems[field as NumberKey] ?? issues.find((i) => (i.path[0] ?? 'pattern') === field)?.message;
  const setText = (key: NumberKey) => (text: string) => setTexts((t) => ({ ...t, [key]: text }));
  const campaignName = campaigns.find((c) => c.value === rule.campaignId)?.label ?? 'Spring';
  const save = async () => {
    if (!ready || !parsed.success || !name.trim()) return;
    setSaving(true);
    try {
      const input = { kind: 'code-rule' as const, name: name.trim(), data: parsed.data as unknown as Record<string, unknown> };
      if (editing) await session.commands.update('settings', editing.id, input);
      else await session.commands.create('settings', input);
      notifyWithUndo(`Code rule “${name.trim()}” saved`, () => void session.commands.undo());
      onClose();
    } catch (error) {
      reportError('The rule was not saved')(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={editing ? `Edit ${editing.name}` : 'New code rule'} size="lg">
      <Stack>
        <TextInput label="Rule name" placeholder="Run Club ambassadors: 20% off" data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} error={!name.trim() ? 'Give the rule a name' : undefined} />
        <Group grow>
          <Select label="For program or campaign" placeholder="Any" clearable data={campaigns} value={rule.campaignId} onChange={(v) => set({ campaignId: v })} />
          <TextInput label="Tier (optional)" placeholder="Micro, Core ambassadors…" value={rule.tier} onChange={(e) => set({ tier: e.currentTarget.value })} />
        </Group>
        <TextInput label="Pattern" description={`Parts: ${patternTokens.map((t) => `{${t}}`).join(' ')}`} value={rule.pattern} onChange={(e) => set({ pattern: e.currentTarget.value })} error={issueFor('pattern')} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} />
        <Text size="xs" c="dimmed">{patternTokens.map((t) => `{${t}} ${tokenHelp[t]}`).join(' · ')}</Text>
        <Group grow align="flex-start">
          <Stack gap={4}>
            <Text size="sm" fw={500}>Letters</Text>
            <SegmentedControl size="xs" data={[{ value: 'upper', label: 'UPPERCASE' }, { value: 'lower', label: 'lowercase' }]} value={rule.letterCase} onChange={(v) => set({ letterCase: v as CodeRule['letterCase'] })} />
          </Stack>
          <Select label="Allowed characters" data={Object.entries(allowedLabels).map(([value, label]) => ({ value, label }))} value={rule.allowed} allowDeselect={false} onChange={(v) => set({ allowed: (v ?? 'letters-digits') as CodeRule['allowed'] })} />
          <NumberField label="Maximum length" spec={spec.maxLength} value={texts.maxLength} onChange={setText('maxLength')} error={issueFor('maxLength')} />
        </Group>
        <Group grow align="flex-start">
          <Select label="Discount" data={[{ value: 'percent', label: '% off' }, { value: 'fixed', label: 'Amount off' }]} value={rule.discountType} allowDeselect={false} onChange={(v) => set({ discountType: (v ?? 'percent') as CodeRule['discountType'] })} />
          <NumberField label={rule.discountType === 'percent' ? 'Percent' : `Amount (${rule.currency})`} spec={spec.discountValue} value={texts.discountValue} onChange={setText('discountValue')} error={issueFor('discountValue')} />
          <TextInput label="Expires on" type="date" value={rule.expiresOn ?? ''} onChange={(e) => set({ expiresOn: e.currentTarget.value || null })} error={issueFor('expiresOn')} />
          <NumberField label="Usage limit" placeholder="No limit" spec={spec.usageLimit} value={texts.usageLimit} onChange={setText('usageLimit')} error={issueFor('usageLimit')} />
        </Group>
        <Checkbox label="One use per customer" checked={rule.onePerCustomer} onChange={(e) => set({ onePerCustomer: e.currentTarget.checked })} />
        <Alert variant="light" color={ready ? 'teal' : 'orange'} title={ready ? `Preview: ${describeDiscount(parsed.data)}` : 'Fix the rule to see codes'} data-testid="rule-preview">
          {ready && examples.map((ex) => {
            const made = codeFor(parsed.data, ex, { campaign: campaignName, year: new Date().getFullYear() });
            return <Text key={ex.id} size="sm">{ex.name} (@{ex.handle}) → {'code' in made ? <Code>{made.code}</Code> : <Text span c="red" size="sm">{made.problem}</Text>}</Text>;
          })}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => void save()} loading={saving} disabled={!ready || !name.trim()}>Save rule</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
