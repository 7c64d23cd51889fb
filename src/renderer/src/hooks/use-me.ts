import { useEffect, useState } from 'react';
import type { Teammate } from '../../../shared/sync/presence';
import { getMe, onMeChange } from '../data/me';

/** The person at this computer, live (their name can change in Settings). */
export function useMe(): Teammate & { named: boolean } {
  const [me, setMe] = useState(getMe);
  useEffect(() => onMeChange(() => setMe(getMe())), []);
  return me;
}
