import { notifications } from '@mantine/notifications';
import { addTagOperations, addToCampaignOperations, assignOwnerOperations, removeTagOperations, restoreOwnerOperations, trashOperations } from '../../../../shared/domain/bulk-edits';
import { SYSTEM_ORIGIN } from '../../../../shared/data/ydoc';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import type { WorkspaceSession } from '../../data/workspace-session';
import type { CreatorRow } from '../creator-row';
import type { OwnerChoice } from './teammates';
import type { CampaignOption } from './use-creator-data';

/**
 * What the bulk bar does. Each change is one `applyAll` (checked as a whole,
 * one undo step), says what it did in plain words, and offers Undo that takes
 * back exactly that change, even if other edits happened since.
 */
export const creatorsWord = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'creator' : 'creators'}`;

async function current(session: WorkspaceSession, ids: string[]): Promise<CreatorRow[]> {
  const docs = await session.projection.collections.creators.findByIds(ids).exec();
  return ids.flatMap((id) => {
    const doc = docs.get(id);
    return doc ? [doc.toJSON() as unknown as CreatorRow] : [];
  });
}

function done(message: string) {
  notifications.show({ message, autoClose: 4000 });
}

export async function tagCreators(session: WorkspaceSession, rows: CreatorRow[], tag: string, remove = false): Promise<void> {
  const ops = remove ? removeTagOperations(rows, tag) : addTagOperations(rows, tag);
  if (!ops.length) return done(remove ? `None of them has the tag “${tag}”.` : `They all have the tag “${tag}” already.`);
  const ids = ops.map((o) => o.id);
  try {
    await session.commands.applyAll(ops);
  } catch (error) {
    return reportError(remove ? 'Could not remove the tag' : 'Could not add the tag')(error);
  }
  notifyWithUndo(remove ? `Removed “${tag}” from ${creatorsWord(ids.length)}` : `Tagged ${creatorsWord(ids.length)} “${tag.trim()}”`, () => {
    void current(session, ids).then((now) => session.commands.applyAll(remove ? addTagOperations(now, tag) : removeTagOperations(now, tag)))
      .catch(reportError('Could not undo'));
  });
}

export async function assignOwner(session: WorkspaceSession, rows: CreatorRow[], owner: OwnerChoice | null): Promise<void> {
  const ops = assignOwnerOperations(rows, owner?.id ?? null);
  const name = owner ? (owner.isMe ? 'you' : owner.name) : 'nobody';
  if (!ops.length) return done(`They are all assigned to ${name} already.`);
  const before = rows.filter((r) => ops.some((o) => o.id === r.id)).map((r) => ({ id: r.id, ownerId: r.ownerId }));
  try {
    // The team learns this person's name once, so lists on every laptop can show it.
    if (owner && !owner.known && owner.name && owner.name !== 'You') {
      await session.commands.create('settings', { kind: 'member', name: owner.name, data: { personId: owner.id } }, { origin: SYSTEM_ORIGIN });
    }
    await session.commands.applyAll(ops);
  } catch (error) {
    return reportError('Could not assign the owner')(error);
  }
  notifyWithUndo(owner ? `Assigned ${creatorsWord(before.length)} to ${name}` : `Removed the owner of ${creatorsWord(before.length)}`,
    () => void session.commands.applyAll(restoreOwnerOperations(before)).catch(reportError('Could not undo')));
}

export async function addToCampaign(session: WorkspaceSession, ids: string[], campaign: CampaignOption): Promise<void> {
  if (!campaign.steps.length) return done(`“${campaign.name}” has no pipeline steps yet; add them in the campaign first.`);
  const existing = await session.projection.collections.engagements.find({ selector: { campaignId: campaign.id, deletedAt: null } }).exec();
  const ops = addToCampaignOperations(ids, campaign, new Set(existing.map((e) => e.get('creatorId') as string)));
  if (!ops.length) return done(`They are all in “${campaign.name}” already.`);
  const skipped = ids.length - ops.length;
  try {
    await session.commands.applyAll(ops);
  } catch (error) {
    return reportError('Could not add them to the campaign')(error);
  }
  notifyWithUndo(`Added ${creatorsWord(ops.length)} to “${campaign.name}” at ${campaign.steps[0].name}${skipped ? ` (${skipped.toLocaleString()} already in it)` : ''}`,
    () => void session.commands.softDelete('engagements', ops.map((o) => o.id)).catch(reportError('Could not undo')));
}

export async function trashCreators(session: WorkspaceSession, ids: string[]): Promise<void> {
  try {
    await session.commands.applyAll(trashOperations(ids));
  } catch (error) {
    return reportError('Could not move them to the trash')(error);
  }
  notifyWithUndo(`Moved ${creatorsWord(ids.length)} to the trash`, () => void session.commands.restore('creators', ids).catch(reportError('Could not undo')));
}
