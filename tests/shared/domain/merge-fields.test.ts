import { describe, expect, it } from 'vitest';
import { describeProblems, fieldsUsed, renderTemplate } from '../../../src/shared/domain/merge-fields';

describe('renderTemplate', () => {
  it('merges every value and is ready to send', () => {
    const r = renderTemplate('Hi {{first_name}}, {{ Campaign }} starts {{start-date}}.', { first_name: 'Zoë', campaign: 'Spring glow', start_date: '1 Mar' });
    expect(r.text).toBe('Hi Zoë, Spring glow starts 1 Mar.');
    expect(r.ready).toBe(true);
    expect(r.segments.filter((s) => s.kind === 'field')).toHaveLength(3);
  });

  it('flags a missing value instead of leaving a gap or a raw placeholder', () => {
    const r = renderTemplate('Use {{code}} at checkout, {{first_name}}!', { first_name: 'Alena', code: '  ' });
    expect(r.ready).toBe(false);
    expect(r.missing).toEqual(['code']);
    expect(r.segments).toContainEqual({ kind: 'missing', key: 'code' });
    expect(describeProblems(r)).toBe('Missing discount code');
  });

  it('flags a misspelt field name', () => {
    const r = renderTemplate('Hi {{frist_name}}', { first_name: 'Alena' });
    expect(r.ready).toBe(false);
    expect(r.unknown).toEqual(['frist_name']);
    expect(describeProblems(r)).toBe('Unknown field {{frist_name}}');
  });

  it('accepts fields an area adds through its values', () => {
    expect(renderTemplate('Size {{shoe_size}}', { shoe_size: '39' }).text).toBe('Size 39');
  });

  it('lists the fields a template uses once each', () => {
    expect(fieldsUsed('{{handle}} {{code}} {{Handle}}')).toEqual(['handle', 'code']);
  });

  it('leaves single braces alone', () => {
    expect(renderTemplate('{not a field}', {}).text).toBe('{not a field}');
  });
});
