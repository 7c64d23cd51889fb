import { Button, Menu, Text } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import type { CampaignOption } from './use-creator-data';

interface Props {
  campaigns: CampaignOption[];
  onAdd(campaign: CampaignOption): void;
}

/** Puts the selected creators into a campaign's pipeline, at its first step. */
export function BulkCampaignMenu({ campaigns, onAdd }: Props) {
  return (
    <Menu position="top" shadow="md" width={260}>
      <Menu.Target>
        <Button size="xs" variant="subtle" leftSection={<IconSpeakerphone size={16} />} title="Add to campaign">Add to campaign</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Add at the first step of</Menu.Label>
        {campaigns.map((c) => (
          <Menu.Item key={c.id} onClick={() => onAdd(c)} rightSection={<Text size="xs" c="dimmed">{c.steps[0]?.name}</Text>}>{c.name}</Menu.Item>
        ))}
        {campaigns.length === 0 && <Text size="xs" c="dimmed" px="sm" py={6}>No campaigns yet. Create one under Campaigns, then add creators here.</Text>}
      </Menu.Dropdown>
    </Menu>
  );
}
