/**
 * File sizes the way people read them. Binary units (1 MB = 1024 KB), as the
 * sync server reports its limits, so "the limit is 2 GB" means the same on
 * both sides.
 */
const UNITS = [
  { name: 'GB', size: 1024 ** 3 },
  { name: 'MB', size: 1024 ** 2 },
  { name: 'KB', size: 1024 },
] as const;

function unitFor(bytes: number): (typeof UNITS)[number] | null {
  return UNITS.find((u) => bytes >= u.size) ?? null;
}

function amount(bytes: number, size: number): string {
  const value = bytes / size;
  // "48 MB" and "1.5 MB": one decimal only where it tells something.
  return String(value >= 10 ? Math.round(value) : Math.round(value * 10) / 10);
}

export function formatSize(bytes: number): string {
  const unit = unitFor(bytes);
  if (!unit) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  return `${amount(bytes, unit.size)} ${unit.name}`;
}

/** "12 of 48 MB": both numbers in the unit of the total, so they compare at a glance. */
export function formatTransferred(done: number, total: number): string {
  const unit = unitFor(total);
  if (!unit) return `${done} of ${total} bytes`;
  return `${amount(done, unit.size)} of ${amount(total, unit.size)} ${unit.name}`;
}
