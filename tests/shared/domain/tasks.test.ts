import { describe, expect, it } from 'vitest';
import { describeDue, dueAtFor, dueDateOf, groupTasks, openDueTodayCount, taskGroup } from '../../../src/shared/domain/tasks';

const today = '2026-11-19'; // a Thursday
const at = (date: string) => dueAtFor(date, 'Europe/Warsaw');

describe('tasks', () => {
  it('stores a date-only due time at local noon, which reads back as the same day', () => {
    expect(at('2026-11-19')).toBe('2026-11-19T11:00:00.000Z');
    expect(dueDateOf({ dueAt: at('2026-11-19') }, 'Europe/Warsaw')).toBe('2026-11-19');
    // A teammate in New York sees the same day.
    expect(dueDateOf({ dueAt: at('2026-11-19') }, 'America/New_York')).toBe('2026-11-19');
    expect(dueDateOf({ dueAt: null }, 'UTC')).toBeNull();
  });

  it('groups overdue, today, this week (to Sunday), later, undated and done', () => {
    const g = (date: string | null, doneAt: string | null = null) => taskGroup({ dueAt: date ? at(date) : null, doneAt }, today, 'Europe/Warsaw');
    expect(g('2026-11-18')).toBe('overdue');
    expect(g('2026-11-19')).toBe('today');
    expect(g('2026-11-20')).toBe('this-week');
    expect(g('2026-11-22')).toBe('this-week');
    expect(g('2026-11-23')).toBe('later');
    expect(g(null)).toBe('no-date');
    expect(g('2026-11-01', '2026-11-02T10:00:00Z')).toBe('done');
    // On a Sunday, tomorrow is already next week.
    expect(taskGroup({ dueAt: at('2026-11-23'), doneAt: null }, '2026-11-22', 'Europe/Warsaw')).toBe('later');
  });

  it('sorts each group soonest first, leaves deleted tasks out, and counts my open tasks due today or late', () => {
    const tasks = [
      { id: 'b', title: 'B', dueAt: at('2026-11-17'), doneAt: null, assigneeId: 'me' },
      { id: 'a', title: 'A', dueAt: at('2026-11-15'), doneAt: null, assigneeId: 'me' },
      { id: 'c', title: 'C', dueAt: at('2026-11-19'), doneAt: null, assigneeId: 'me' },
      { id: 'd', title: 'D', dueAt: at('2026-11-19'), doneAt: null, assigneeId: 'alex' },
      { id: 'e', title: 'E', dueAt: at('2026-11-19'), doneAt: '2026-11-19T08:00:00Z', assigneeId: 'me' },
      { id: 'f', title: 'F', dueAt: at('2026-11-19'), doneAt: null, assigneeId: 'me', deletedAt: '2026-11-19T08:00:00Z' },
      { id: 'g', title: 'G', dueAt: at('2026-11-20'), doneAt: null, assigneeId: 'me' },
    ];
    const groups = groupTasks(tasks, today, 'Europe/Warsaw');
    expect(groups.overdue.map((t) => t.id)).toEqual(['a', 'b']);
    expect(groups.today.map((t) => t.id)).toEqual(['c', 'd']);
    expect(groups['this-week'].map((t) => t.id)).toEqual(['g']);
    expect(groups.done.map((t) => t.id)).toEqual(['e']);
    expect(openDueTodayCount(tasks, 'me', today, 'Europe/Warsaw')).toBe(3);
    expect(openDueTodayCount(tasks, 'alex', today, 'Europe/Warsaw')).toBe(1);
  });

  it('says when a task is due in words', () => {
    const fmt = (d: string) => `on ${d}`;
    expect(describeDue('2026-11-19', today, fmt)).toBe('Today');
    expect(describeDue('2026-11-20', today, fmt)).toBe('Tomorrow');
    expect(describeDue('2026-11-18', today, fmt)).toBe('Yesterday');
    expect(describeDue('2026-11-15', today, fmt)).toBe('4 days late');
    expect(describeDue('2026-12-01', today, fmt)).toBe('on 2026-12-01');
  });
});
