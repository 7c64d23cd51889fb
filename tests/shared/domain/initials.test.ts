import { describe, expect, it } from 'vitest';
import { initials } from '../../../src/shared/domain/initials';

describe('avatar initials', () => {
  it('never counts a bracketed note such as “(you)”', () => {
    expect(initials('Priya Shah (you)')).toBe('PS');
    expect(initials('Priya (you)')).toBe('PR');
    expect(initials('Sam Ortiz (Bright Talent)')).toBe('SO');
  });

  it('uses letters only, in any script', () => {
    expect(initials('Zoë Łukasiewicz')).toBe('ZŁ');
    expect(initials('Ψυχή Παπαδοπούλου')).toBe('ΨΠ');
    expect(initials('@zoe.runs')).toBe('ZO');
    expect(initials('Ana "AK" Kowalska')).toBe('AK');
    expect(initials('Nguyễn Thị Hương')).toBe('NH');
    expect(initials('  ')).toBe('?');
    expect(initials('42 (you)')).toBe('?');
  });
});
