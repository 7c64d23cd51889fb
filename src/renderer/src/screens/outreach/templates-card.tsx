import { Badge, Button, Card, Group, Menu, Progress, Stack, Table, Text } from '@mantine/core';
import { IconMail, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReplyRate } from '../../../../shared/domain/follow-ups';
import { buildTemplatesTable } from '../../../../shared/domain/table-exports/outreach';
import { useSession } from '../../app/workspace-context';
import { ExportTableMenu } from '../../components/export-table-menu';
import { RowActionsMenu } from '../../components/row-actions-menu';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import { activationLabels } from '../campaign-row';
import { TemplateEditorModal } from './template-editor-modal';
import { templateKindLabel, type Template } from './use-outreach-data';

export function formatRate(rate: ReplyRate | undefined): string {
  if (!rate || rate.rate == null) return 'Not sent yet';
  return `${Math.round(rate.rate * 100)}% · ${rate.replied} of ${rate.contacted} replied`;
}

/** The team's message templates, with how often creators answer each. */
export function TemplatesCard({ templates, rates, onCreated }: { templates: Template[]; rates: Map<string, ReplyRate>; onCreated?: (id: string) => void }) {
  const session = useSession();
  const [editing, setEditing] = useState<Template | 'new' | null>(null);

  const remove = async (template: Template) => {
    try {
      await session.commands.softDelete('documents', [template.id]);
      notifyWithUndo(`“${template.title}” moved to the trash`, () => void session.commands.undo());
    } catch (error) {
      reportError('The template was not deleted')(error);
    }
  };

  return (
    <Card withBorder radius="lg">
      <Group justify="space-between" mb="sm">
        <Stack gap={0}>
          <Text fw={700}>Templates</Text>
          <Text size="xs" c="dimmed">Reply rate: creators who answered after receiving it, of all creators it was sent to.</Text>
        </Stack>
        <Group gap="xs">
          <ExportTableMenu rowCount={templates.length} name="outreach-templates" sheetName="Templates" what={['template', 'templates']}
            build={() => buildTemplatesTable(templates.map((t) => ({ title: t.title, subject: t.subject ?? '', usedFor: templateKindLabel(t.templateFor), rate: rates.get(t.id) })))} />
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>New template</Button>
        </Group>
      </Group>
      {templates.length === 0 ? (
        <Stack align="center" gap={6} py="md">
          <IconMail size={28} color="var(--mantine-color-dimmed)" />
          <Text size="sm" c="dimmed" ta="center" maw={420}>Write a template once, with merge fields such as {'{{first_name}}'} and {'{{code}}'}, and send it to many creators, each with their own details.</Text>
        </Stack>
      ) : (
        <Table verticalSpacing="xs" data-testid="templates-table">
          <Table.Thead><Table.Tr><Table.Th>Template</Table.Th><Table.Th>Used for</Table.Th><Table.Th>Reply rate</Table.Th><Table.Th w={40} /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {templates.map((t) => {
              const rate = rates.get(t.id);
              return (
                <Table.Tr key={t.id} data-testid="template-row">
                  <Table.Td><Text size="sm" fw={600}>{t.title}</Text>{t.subject && <Text size="xs" c="dimmed" lineClamp={1}>{t.subject}</Text>}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray">{templateKindLabel(t.templateFor)}</Badge>
                    <Text size="xs" c="dimmed" mt={2}>{t.activationModels.length ? t.activationModels.map((m) => activationLabels[m] ?? m).join(', ') : 'Any campaign'}</Text>
                  </Table.Td>
                  <Table.Td w={240}>
                    <Text size="sm" data-testid="reply-rate">{formatRate(rate)}</Text>
                    {rate?.rate != null && <Progress value={rate.rate * 100} size="xs" mt={4} color="teal" aria-hidden />}
                  </Table.Td>
                  <Table.Td>
                    <RowActionsMenu name={t.title}>
                      <Menu.Item onClick={() => setEditing(t)}>Edit</Menu.Item>
                      <Menu.Item color="red" onClick={() => void remove(t)}>Move to trash</Menu.Item>
                    </RowActionsMenu>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <TemplateEditorModal opened={editing !== null} onClose={() => setEditing(null)} template={editing === 'new' ? null : editing}
        onSaved={(id) => { if (editing === 'new') onCreated?.(id); }} />
    </Card>
  );
}
