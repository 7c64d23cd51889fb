import { describe, expect, it } from 'vitest';
import { planSearch } from '../../../src/shared/domain/typed-query';

describe('planning a typed search', () => {
  it.each([
    ['', { words: [], fullText: null, tail: null }],
    ['  ', { words: [], fullText: null, tail: null }],
    ['m', { words: ['m'], fullText: null, tail: null }],
    ['Ma', { words: ['Ma'], fullText: null, tail: null }],
    ['Ł', { words: ['Ł'], fullText: null, tail: null }],
    ['maz', { words: ['maz'], fullText: 'maz', tail: null }],
    ['lena m', { words: ['lena', 'm'], fullText: 'lena', tail: 'm' }],
    ['lena mü', { words: ['lena', 'mü'], fullText: 'lena', tail: 'mü' }],
    ['lena mül', { words: ['lena', 'mül'], fullText: 'lena mül', tail: null }],
    ['lena ', { words: ['lena'], fullText: 'lena', tail: null }],
    ['agnieszka.3', { words: ['agnieszka', '3'], fullText: 'agnieszka', tail: '3' }],
    ['@zo', { words: ['zo'], fullText: null, tail: null }],
    ['@zoe.runs', { words: ['zoe', 'runs'], fullText: '@zoe.runs', tail: null }],
    ['https://www.tiktok.com/@zoe.runs/', { words: ['zoe', 'runs'], fullText: 'https://www.tiktok.com/@zoe.runs/', tail: null }],
  ])('%j → %j', (typed, plan) => expect(planSearch(typed)).toEqual(plan));
});
