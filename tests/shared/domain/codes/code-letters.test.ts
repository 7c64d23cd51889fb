import { describe, expect, it } from 'vitest';
import { codeLetters, greekDigraphs } from '../../../../src/shared/domain/code-letters';
import { codeRuleData } from '../../../../src/shared/domain/code-rules';
import { codeFor, generateCodes } from '../../../../src/shared/domain/code-generation';

const rule = codeRuleData.parse({ pattern: '{FIRSTNAME}{DISCOUNT}', discountValue: 15 });
const ctx = { campaign: 'Spring Glow', year: 2026 };
const code = (name: string, handle = '') => codeFor(rule, { id: '1', name, handle }, ctx);

describe('code letters from names in any script', () => {
  it('writes Greek by ELOT 743: ου is ou, αυ/ευ are av/ev or af/ef, γγ is ng', () => {
    expect(codeLetters('Ελένη Παπαδοπούλου')).toBe('EleniPapadopoulou');
    expect(codeLetters('ΟΥΡΑΝΙΑ')).toBe('OURANIA');
    expect(codeLetters('Ευάγγελος')).toBe('Evangelos');
    expect(codeLetters('Αυγερινός')).toBe('Avgerinos');
    expect(codeLetters('Ευθυμία')).toBe('Efthymia');
    expect(codeLetters('Ναυτίλος')).toBe('Naftilos');
    // A diaeresis keeps the vowels apart: no digraph.
    expect(greekDigraphs('Μαϊου')).toBe('Μαϊou');
  });

  it('transliterates Cyrillic, Polish, German, Vietnamese, Chinese and Arabic names', () => {
    expect(codeLetters('Анна Щукина')).toBe('AnnaShchukina');
    expect(codeLetters('Юлия')).toBe('Yuliya');
    expect(codeLetters('Łukasz Żółć')).toBe('LukaszZolc');
    expect(codeLetters('Straße')).toBe('Strasse');
    expect(codeLetters('Nguyễn Thị Đặng')).toBe('NguyenThiDang');
    expect(codeLetters('王小明')).toBe('WangXiaoMing');
    expect(codeLetters('محمد')).toBe('mhmd');
  });

  it('drops emoji and symbols instead of spelling them out', () => {
    expect(codeLetters('zoe.makes_✨')).toBe('zoemakes');
    expect(codeLetters('✨🌸')).toBe('');
  });

  it('gives every one of them a code', () => {
    expect(code('Ελένη Παπαδοπούλου')).toEqual({ code: 'ELENI15' });
    expect(code('Анна Щукина')).toEqual({ code: 'ANNA15' });
    expect(code('Łukasz Nowak')).toEqual({ code: 'LUKASZ15' });
    expect(code('王小明')).toEqual({ code: 'WANGXIAOMING15' });
    expect(code('Nguyễn Minh')).toEqual({ code: 'NGUYEN15' });
    expect(code('محمد علي')).toEqual({ code: 'MHMD15' });
  });
});

describe('a digit never runs into the discount', () => {
  it('leaves a handle’s last digits out when the discount follows (anna2 + 15 is not ANNA215)', () => {
    const handles = codeRuleData.parse({ pattern: '{HANDLE}{DISCOUNT}' });
    expect(codeFor(handles, { id: '1', name: 'Anna', handle: '@anna2' }, ctx)).toEqual({ code: 'ANNA15' });
    expect(codeFor(handles, { id: '1', name: 'Anna', handle: '@2anna' }, ctx)).toEqual({ code: '2ANNA15' });
    const dash = codeRuleData.parse({ pattern: '{HANDLE}-{DISCOUNT}', allowed: 'letters-digits-dash' });
    expect(codeFor(dash, { id: '1', name: 'Anna', handle: '@anna2' }, ctx)).toEqual({ code: 'ANNA2-15' });
    expect(codeFor(handles, { id: '1', name: '1234', handle: '1234' }, ctx)).toEqual({ problem: expect.stringMatching(/only digits.*12341?5?/) });
    const after = codeRuleData.parse({ pattern: '{DISCOUNT}{HANDLE}' });
    expect(codeFor(after, { id: '1', name: 'Anna', handle: '7anna' }, ctx)).toEqual({ code: '15ANNA' });
  });

  it('gives six creators with the same first name codes without a digit before the discount (no CHLOE215, no GLOW515)', () => {
    const chloes = Array.from({ length: 6 }, (_, i) => ({ id: String(i), name: `Chloé ${['Martin', 'Bernard', 'Dubois', 'Martin', 'Moreau', 'Laurent'][i]}`, handle: '' }));
    const out = generateCodes({ rule, creators: chloes, workspaceCodes: [], storeCodes: [], ...ctx });
    const codes = out.map((g) => g.code);
    expect(codes).toEqual(['CHLOE15', 'CHLOEB15', 'CHLOED15', 'CHLOEM15', 'CHLOEMOREAU15', 'CHLOEL15']);
    expect(new Set(codes.map((c) => c.toUpperCase())).size).toBe(codes.length);
    for (const c of codes) expect(c).not.toMatch(/\d15$/);
  });
});
