import { formatDay } from '../../../../shared/domain/day-format';

const DAY_MS = 86_400_000;

/** "Today", "3 days ago", "5 weeks ago": how people think about the last time they reached out. */
export function daysAgo(iso: string, now = Date.now()): string {
  const days = Math.floor((now - Date.parse(iso)) / DAY_MS);
  if (days < 0) return shortDate(iso);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  if (days < 14) return `${days} days ago`;
  if (days < 60) return `${Math.round(days / 7)} weeks ago`;
  if (days < 365) return `${Math.round(days / 30)} months ago`;
  return shortDate(iso);
}

export function shortDate(iso: string): string {
  return formatDay(iso, { locale: 'en-US' });
}
