import { Group, Loader, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { RichTextDoc } from '../../data/rich-text/rich-text-doc';
import { TeamStateLine } from './team-state-line';

/**
 * Two separate promises under the editor: "Saved on this computer" once it is
 * safe to close the window, and "Sent to the team" once the team server has
 * confirmed it has every word (only when the workspace has a team).
 */
export function SaveState({ doc }: { doc: RichTextDoc }) {
  const [saved, setSaved] = useState(doc.saved);
  const [team, setTeam] = useState(doc.teamStatus);
  useEffect(() => {
    setSaved(doc.saved);
    setTeam(doc.teamStatus);
    const stopSaved = doc.onSaved(setSaved);
    const stopTeam = doc.onTeamStatus(setTeam);
    return () => {
      stopSaved();
      stopTeam();
    };
  }, [doc]);
  return (
    <Group gap="md">
      <Group gap={4} c="dimmed" data-testid="text-save-state" aria-live="polite">
        {saved ? <IconCheck size={12} /> : <Loader size={10} />}
        <Text size="xs">{saved ? 'Saved on this computer' : 'Saving…'}</Text>
      </Group>
      {team.state !== 'off' && <TeamStateLine status={team} />}
    </Group>
  );
}
