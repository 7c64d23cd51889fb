import { describe, expect, it } from 'vitest';
import { optInFromForm } from '../../../src/shared/domain/returned-opt-in';

const blank = { name: '', email: '', phone: '', address: { line1: '', line2: '', city: '', region: '', postalCode: '', country: '' }, sizes: {}, productIds: [], notes: '', agreed: false, signedName: '', signedOn: '' };

describe('optInFromForm', () => {
  it('takes what the creator filled in, the country as a code and products by name', () => {
    const read = optInFromForm({
      ...blank, name: 'Zoë Łukasiewicz', address: { ...blank.address, line1: 'ul. Długa 5', city: 'Kraków', postalCode: '31-001', country: 'Polska' },
      sizes: { top: 'M', shoe: '39' }, productIds: ['serum', 'gone'], agreed: true,
    }, new Map([['serum', 'Glow Serum 30 ml']]));
    expect(read.address).toEqual({ name: 'Zoë Łukasiewicz', line1: 'ul. Długa 5', city: 'Kraków', postalCode: '31-001', country: 'PL' });
    expect(read.sizes).toEqual({ Top: 'M', Shoe: '39' });
    expect(read.products).toEqual(['Glow Serum 30 ml']);
    expect(read.agreed).toBe(true);
    expect(read.notes).toEqual(['A product they ticked is no longer in the catalogue.']);
  });

  it('leaves out empty answers and says when a country is unknown', () => {
    const read = optInFromForm({ ...blank, address: { ...blank.address, country: 'Narnia' } }, new Map());
    expect(read.address).toEqual({});
    expect(read.notes).toEqual(['Country “Narnia” is not one we know: choose it from the list.']);
  });
});
