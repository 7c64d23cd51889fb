import { useMemo } from 'react';
import { useRxQuery } from '../../hooks/use-rx-query';

/** A Library picture as the mood board shows it. */
export interface MoodBoardImage {
  id: string;
  sha256: string;
  fileName: string;
  notes: string;
  tags: string[];
  kind: string;
}

/** The Library's pictures (not videos or documents), newest first. */
export function useMoodBoardImages(): MoodBoardImage[] | null {
  const assets = useRxQuery<MoodBoardImage>('assets', { selector: { deletedAt: null }, sort: [{ position: 'desc' }] }, 'mood-board-assets');
  return useMemo(() => assets && assets.filter((a) => a.kind === 'image'), [assets]);
}
