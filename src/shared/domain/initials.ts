/**
 * The letters on an avatar: "Alex Morgan" → "AM", "Priya Shah (you)" → "PS",
 * "Zoë Łukasiewicz" → "ZŁ". Only letters count: a bracketed note such as
 * "(you)" or "(agency)", an @, digits and punctuation never become an
 * initial. A single word gives its first two letters; no letters give "?".
 */
export function initials(name: string): string {
  const words = name
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .split(/\s+/)
    .map((word) => Array.from(word.normalize('NFC')).filter((ch) => /\p{L}/u.test(ch)))
    .filter((letters) => letters.length > 0);
  if (words.length === 0) return '?';
  if (words.length === 1) return words[0].slice(0, 2).join('').toLocaleUpperCase();
  return (words[0][0] + words[words.length - 1][0]).toLocaleUpperCase();
}
