import { useEffect, useState } from 'react';
import { useSession } from '../../app/workspace-context';
import type { ImportProgress } from '../../data/workspace-session';

/** The latest progress the data engine reported for this import. */
export function useImportProgress(importId: string): ImportProgress | null {
  const session = useSession();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => session.onImportProgress((p) => {
    if (p.importId === importId) setProgress(p);
  }), [session, importId]);
  return progress;
}
