import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { BRIEF_TEMPLATE } from '../../../../shared/domain/team-templates';
import { hrefFor } from '../../app/routes';
import { activationLabels } from '../campaign-row';
import { useTeamTemplates } from '../templates/use-team-templates';

/** The team's brief templates, each opened like a brief to edit, rename or delete. Nothing shows until the team has one. */
export function BriefTemplatesCard() {
  const templates = useTeamTemplates(BRIEF_TEMPLATE);
  if (!templates?.length) return null;
  return (
    <Card withBorder radius="lg" data-testid="brief-templates">
      <Text fw={700}>Team brief templates</Text>
      <Text size="xs" c="dimmed" mb="xs">New briefs in campaigns with these activation models start from them. Open one to change its text, rename or delete it.</Text>
      <Stack gap={4}>
        {templates.map((t) => (
          <Group key={t.id} justify="space-between" wrap="nowrap">
            <Anchor size="sm" fw={600} href={hrefFor({ screen: 'brief', id: t.id })}>{t.title}</Anchor>
            <Text size="xs" c="dimmed">{t.activationModels.length ? t.activationModels.map((m) => activationLabels[m] ?? m).join(', ') : 'Any campaign'}</Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
