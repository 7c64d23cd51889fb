import { Modal, Text } from '@mantine/core';
import { InviteForm } from '../components/invite-form';
import { useWorkspace } from './workspace-context';

/** Join a teammate's workspace: a new workspace on this computer that syncs with theirs. */
export function JoinTeamModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { joinTeam } = useWorkspace();
  return (
    <Modal opened={opened} onClose={onClose} title="Join a team workspace" size="lg" centered>
      <Text size="sm" c="dimmed" mb="sm">Paste the invite a teammate sent you. Their workspace downloads to this computer and stays in sync.</Text>
      <InviteForm submitLabel="Join workspace" onCancel={onClose}
        onInvite={async (invite) => {
          const problem = await joinTeam(invite);
          if (!problem) onClose();
          return problem;
        }} />
    </Modal>
  );
}
