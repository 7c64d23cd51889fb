/** A teammate's caret in shared text: a thin line in their colour with their name above it. */
export function caretLabel(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' ? user.color : '#868e96';
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === 'string' ? user.name : 'A teammate';
  caret.append(label);
  return caret;
}
