/**
 * People paste handles as "@name", "name" or a profile URL; all three must
 * find the same creator.
 */
export function normalizeHandle(raw: string): string {
  let value = raw.trim();
  const url = value.match(/^(?:https?:\/\/)?(?:www\.|m\.)?[a-z0-9.-]+\.[a-z]{2,}\/(.+)$/i);
  if (url) {
    const segments = url[1].split(/[/?#]/).filter(Boolean);
    const meaningful = segments.filter((s) => !['channel', 'c', 'user', 'in'].includes(s.toLowerCase()));
    value = meaningful[0] ?? segments[0] ?? '';
  }
  return value.replace(/^@+/, '').toLowerCase();
}
