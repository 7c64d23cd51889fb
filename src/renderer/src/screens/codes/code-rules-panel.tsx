import { Badge, Button, Code, Group, Menu, Paper, Table, Text } from '@mantine/core';
import { IconPlus, IconRulerMeasure } from '@tabler/icons-react';
import { useState } from 'react';
import { describeDiscount } from '../../../../shared/domain/code-rules';
import { describeLimits } from '../../../../shared/domain/discount-csv';
import { buildCodeRulesTable } from '../../../../shared/domain/table-exports/codes';
import { useSession } from '../../app/workspace-context';
import { EmptyState } from '../../components/empty-state';
import { ExportTableMenu } from '../../components/export-table-menu';
import { RowActionsMenu } from '../../components/row-actions-menu';
import { notifyWithUndo } from '../../components/undo-notification';
import { CodeRuleModal } from './code-rule-modal';
import type { SavedRule } from './code-rows';

/** Each program's or tier's naming pattern and what its codes give. */
export function CodeRulesPanel({ rules, campaigns }: { rules: SavedRule[]; campaigns: { value: string; label: string }[] }) {
  const session = useSession();
  const [editing, setEditing] = useState<SavedRule | null>(null);
  const [adding, setAdding] = useState(false);
  const modal = <CodeRuleModal opened={adding || editing !== null} onClose={() => { setAdding(false); setEditing(null); }} editing={editing} campaigns={campaigns} />;
  if (!rules.length) {
    return (
      <>
        <EmptyState icon={<IconRulerMeasure />} title="No code rules yet" action={<Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>Create a code rule</Button>}>
          A rule says how a program’s codes are named ({'{HANDLE}{DISCOUNT}'} makes ZOEMAKES15), what they give, when they expire and how often they can be used. Codes are then generated for many creators at once, never clashing.
        </EmptyState>
        {modal}
      </>
    );
  }
  const campaignName = (id: string | null) => campaigns.find((c) => c.value === id)?.label ?? 'Any campaign';
  return (
    <Paper withBorder radius="lg" p="md">
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">Rules are shared with your team.</Text>
        <Group gap="xs">
          <ExportTableMenu rowCount={rules.length} name="code-rules" sheetName="Code rules" what={['rule', 'rules']}
            build={() => buildCodeRulesTable(rules.map((r) => ({ name: r.name, campaignName: r.rule.campaignId ? campaignName(r.rule.campaignId) : '', rule: r.rule })))} />
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>New code rule</Button>
        </Group>
      </Group>
      <Table verticalSpacing="sm" data-testid="code-rules-table">
        <Table.Thead><Table.Tr><Table.Th>Rule</Table.Th><Table.Th>Pattern</Table.Th><Table.Th>Gives</Table.Th><Table.Th>Limits</Table.Th><Table.Th w={40} /></Table.Tr></Table.Thead>
        <Table.Tbody>
          {rules.map(({ id, name, rule }) => (
            <Table.Tr key={id}>
              <Table.Td><Text fw={600} size="sm">{name}</Text><Text size="xs" c="dimmed">{campaignName(rule.campaignId)}{rule.tier ? ` · ${rule.tier}` : ''}</Text></Table.Td>
              <Table.Td><Code>{rule.pattern}</Code> <Text span size="xs" c="dimmed">max {rule.maxLength}, {rule.letterCase === 'upper' ? 'UPPER' : 'lower'}</Text></Table.Td>
              <Table.Td><Badge variant="light">{describeDiscount(rule)}</Badge></Table.Td>
              <Table.Td><Text size="sm">{describeLimits(rule)}</Text></Table.Td>
              <Table.Td>
                <RowActionsMenu name={name}>
                  <Menu.Item onClick={() => setEditing({ id, name, rule })}>Edit</Menu.Item>
                  <Menu.Item color="red" onClick={() => void session.commands.softDelete('settings', [id]).then(() => notifyWithUndo(`${name} deleted`, () => void session.commands.restore('settings', [id])))}>Delete</Menu.Item>
                </RowActionsMenu>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {modal}
    </Paper>
  );
}
