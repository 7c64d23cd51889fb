import { useCallback, useMemo } from 'react';
import { newId } from '../../../../shared/data/ids';
import { SYSTEM_ORIGIN } from '../../../../shared/data/ydoc';
import { useSession } from '../../app/workspace-context';
import { useMe } from '../../hooks/use-me';
import { useTeammatesOnline } from '../../hooks/use-presence';
import { useRxQuery } from '../../hooks/use-rx-query';
import { ownerChoices, type MemberRecord, type OwnerChoice } from '../creators/teammates';

/**
 * The people tasks, campaigns and calendar items can be given to: this
 * person, teammates the workspace has named, those online now, and anyone
 * already responsible for something. `addTeammate` names someone new for
 * the whole team (a "member" setting), so they can be given work before
 * they first open the workspace.
 */
export function useTeammates(extraIds: readonly (string | null | undefined)[] = []) {
  const session = useSession();
  const me = useMe();
  const online = useTeammatesOnline();
  const members = useRxQuery<MemberRecord & { kind: string }>('settings', { selector: { deletedAt: null, kind: 'member' } }, 'settings-members');
  const extraKey = [...new Set(extraIds.filter(Boolean))].sort().join(',');
  const onlineKey = online.map((p) => `${p.user.id}:${p.user.name}`).sort().join(',');
  const teammates = useMemo(
    () => ownerChoices({ id: me.id, name: me.named ? me.name : 'You' }, members ?? [], online.map((p) => p.user), extraKey ? extraKey.split(',') : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [me.id, me.name, me.named, members, onlineKey, extraKey],
  );

  /** Writes down the name of someone only known from presence, so every laptop can show it. */
  const remember = useCallback(async (person: OwnerChoice) => {
    if (person.known || person.isMe || !person.name || person.name === 'Unknown teammate') return;
    await session.commands.create('settings', { kind: 'member', name: person.name, data: { personId: person.id } }, { origin: SYSTEM_ORIGIN });
  }, [session]);

  const addTeammate = useCallback(async (name: string): Promise<string> => {
    const personId = newId('person-');
    await session.commands.create('settings', { kind: 'member', name: name.trim(), data: { personId } });
    return personId;
  }, [session]);

  const nameOf = useCallback((id: string | null | undefined) => {
    if (!id) return null;
    const found = teammates.find((t) => t.id === id);
    if (!found) return 'Unknown teammate';
    return found.isMe ? (me.named ? `${me.name} (you)` : 'You') : found.name;
  }, [teammates, me]);

  return { me, teammates, nameOf, remember, addTeammate };
}
