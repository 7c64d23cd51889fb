/**
 * The field this window is typing into, for presence ("Sam is editing the
 * notes"). A tiny store rather than React state: editors set it on focus and
 * blur, the presence announcer listens.
 */
export interface EditingFocus {
  recordId: string;
  field: string;
}

let current: EditingFocus | null = null;
const listeners = new Set<(focus: EditingFocus | null) => void>();

export function setEditingFocus(focus: EditingFocus | null): void {
  if (current?.recordId === focus?.recordId && current?.field === focus?.field) return;
  current = focus;
  listeners.forEach((l) => l(focus));
}

export function getEditingFocus(): EditingFocus | null {
  return current;
}

export function onEditingFocus(listener: (focus: EditingFocus | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
