import { useRxQuery } from '../../hooks/use-rx-query';

export interface SavedReply {
  id: string;
  name: string;
  data: { text?: unknown };
  position: number;
}

/** The team's saved comments, in the order they were written. */
export function useSavedReplies(): SavedReply[] | null {
  const rows = useRxQuery<SavedReply>('settings', { selector: { kind: 'saved-reply', deletedAt: null } }, 'saved-replies');
  return rows ? [...rows].sort((a, b) => a.position - b.position) : null;
}

/** A reply's text; a record written by hand elsewhere without one reads as empty rather than breaking the list. */
export function replyText(reply: SavedReply): string {
  return typeof reply.data.text === 'string' ? reply.data.text : '';
}
