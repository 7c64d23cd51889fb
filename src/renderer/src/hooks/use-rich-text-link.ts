import { useMemo } from 'react';
import { useWorkspace } from '../app/workspace-context';
import type { RichTextLink } from '../data/rich-text/rich-text-doc';

/** How rich-text documents of the open workspace reach the team: its invite, or null when it is not shared. */
export function useRichTextLink(): RichTextLink | null {
  const { current } = useWorkspace();
  const invite = current?.invite ?? null;
  const paused = !!current?.syncPaused;
  return useMemo(() => (invite ? { invite, paused } : null), [invite, paused]);
}
