import { Text } from '@mantine/core';

/** The day of the month in a calendar cell; today is filled in the brand colour. */
export function DayNumber({ date, today, dimmed = false, label }: { date: string; today: string; dimmed?: boolean; label?: string }) {
  const isToday = date === today;
  return (
    <Text size="xs" fw={700} c={isToday ? 'white' : dimmed ? 'dimmed' : undefined} aria-current={isToday ? 'date' : undefined}
      style={isToday ? { background: 'var(--mantine-color-fanfare-filled)', borderRadius: 999, padding: '1px 8px', alignSelf: 'flex-start' } : { padding: '1px 2px' }}>
      {label ?? Number(date.slice(8))}
    </Text>
  );
}
