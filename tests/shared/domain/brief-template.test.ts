import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { briefTemplateUpdate, monthlyBriefTitle, nextBriefMonth, standardBriefSections } from '../../../src/shared/domain/brief-template';
import { richTextToPlain } from '../../../src/shared/data/rich-text';

describe('briefTemplateUpdate', () => {
  it('writes every section as a heading with its prompt, and the campaign’s own key messages and dates', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, briefTemplateUpdate('body', { keyMessages: ['Glow in 7 days', 'Vegan formula'], startsOn: '2027-03-01', endsOn: null }));
    const fragment = doc.getXmlFragment('body');
    const headings = fragment.toArray().filter((n) => n instanceof Y.XmlElement && n.nodeName === 'heading');
    expect(headings).toHaveLength(standardBriefSections.length);
    expect((headings[0] as Y.XmlElement).getAttribute('level')).toBe(2);
    const text = richTextToPlain(fragment);
    expect(text).toContain('Mandatory elements');
    expect(text).toContain('Glow in 7 days');
    expect(text).toContain('Campaign starts: 2027-03-01');
    expect(text).toContain('#ad');
  });
});

describe('monthly versions', () => {
  const now = new Date('2026-11-21T10:00:00Z');
  it('names the month', () => {
    expect(monthlyBriefTitle('Ambassadors', '2026-12')).toBe('Ambassadors — December 2026');
  });
  it('goes to the month after the latest version, across the year end, never into the past', () => {
    expect(nextBriefMonth(null, now)).toBe('2026-11');
    expect(nextBriefMonth('2026-11', now)).toBe('2026-12');
    expect(nextBriefMonth('2026-12', now)).toBe('2027-01');
    expect(nextBriefMonth('2025-03', now)).toBe('2026-11');
  });
});
