import { newId } from '../../../shared/data/ids';
import { presenceColor, type Teammate } from '../../../shared/sync/presence';

/**
 * The person at this computer, as teammates see them: a name they choose
 * and an id that stamps their changes. Per computer, not per workspace.
 */
const KEY = 'fanfare.me.v1';

interface StoredMe {
  id: string;
  name: string;
}

const listeners = new Set<(me: Teammate) => void>();

function read(): StoredMe {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<StoredMe> | null;
    if (parsed && typeof parsed.id === 'string' && typeof parsed.name === 'string') return { id: parsed.id, name: parsed.name };
  } catch {
    // A damaged entry is replaced below; only the display name is lost.
  }
  const fresh = { id: newId('person-'), name: '' };
  localStorage.setItem(KEY, JSON.stringify(fresh));
  return fresh;
}

export function getMe(): Teammate & { named: boolean } {
  const me = read();
  return { id: me.id, name: me.name || 'A teammate', color: presenceColor(me.id), named: me.name.trim() !== '' };
}

export function setMyName(name: string): void {
  const me = read();
  localStorage.setItem(KEY, JSON.stringify({ ...me, name: name.trim().slice(0, 80) }));
  const updated = getMe();
  listeners.forEach((l) => l(updated));
}

export function onMeChange(listener: (me: Teammate) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
