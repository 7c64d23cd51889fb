import { describe, expect, it } from 'vitest';
import { mappingProblems } from '../../../src/shared/import/fields';
import { autoMapping, detectPreset } from '../../../src/shared/import/presets';

const mapped = (headers: string[]) => {
  const preset = detectPreset(headers);
  const mapping = autoMapping(headers, preset);
  return { preset: preset?.id ?? 'generic', map: Object.fromEntries(headers.map((h, i) => [h, mapping[i]])) };
};

describe('recognising the tool a file came from', () => {
  it('Modash: username, full name, followers, engagement rate and average views of one platform', () => {
    const { preset, map } = mapped(['userId', 'username', 'fullname', 'url', 'followers', 'engagements', 'engagementRate', 'avgViews', 'email']);
    expect(preset).toBe('modash');
    expect(map).toMatchObject({ username: 'account.handle', fullname: 'name', url: 'account.url', followers: 'account.followers', engagementRate: 'account.engagementRate', avgViews: 'account.avgViews', email: 'email', engagements: 'ignore', userId: 'ignore' });
  });

  it('Upfluence: its CSV columns, shipping address included', () => {
    const { preset, map } = mapped(['influencer_id', 'media_url', 'profile_name', 'first_name', 'last_name', 'phone_number', 'email', 'shipping_address.line1', 'shipping_address.zipcode', 'shipping_address.city', 'shipping_address.state', 'shipping_address.country_code']);
    expect(preset).toBe('upfluence');
    expect(map).toMatchObject({ media_url: 'account.url', profile_name: 'name', first_name: 'firstName', phone_number: 'phone', 'shipping_address.line1': 'address.line1', 'shipping_address.zipcode': 'address.postalCode', 'shipping_address.country_code': 'address.country' });
  });

  it('GRIN: names, gender, one column per network, discount codes', () => {
    const { preset, map } = mapped(['First Name', 'Last Name', 'Email', 'Gender', 'Instagram', 'TikTok', 'YouTube', 'Discount Code', 'Tags']);
    expect(preset).toBe('grin');
    expect(map).toMatchObject({ 'First Name': 'firstName', Instagram: 'instagram.handle', TikTok: 'tiktok.handle', YouTube: 'youtube.handle', Gender: 'appendToNotes', 'Discount Code': 'appendToNotes', Tags: 'tags' });
  });

  it('Shopify customers, old and new layouts: the address becomes the shipping address', () => {
    const old = mapped(['First Name', 'Last Name', 'Email', 'Company', 'Address1', 'Address2', 'City', 'Province', 'Province Code', 'Country', 'Country Code', 'Zip', 'Phone', 'Accepts Email Marketing', 'Accepts SMS Marketing', 'Total Spent', 'Total Orders', 'Note', 'Tax Exempt', 'Tags']);
    expect(old.preset).toBe('shopify');
    expect(old.map).toMatchObject({ Address1: 'address.line1', City: 'address.city', 'Province Code': 'address.region', 'Country Code': 'address.country', Zip: 'address.postalCode', Note: 'notes', Country: 'ignore', 'Total Spent': 'appendToNotes' });
    const current = mapped(['Customer ID', 'First Name', 'Last Name', 'Email', 'Accepts Email Marketing', 'Default Address Company', 'Default Address Address1', 'Default Address City', 'Default Address Province Code', 'Default Address Country Code', 'Default Address Zip', 'Phone', 'Total Spent', 'Tags']);
    expect(current.preset).toBe('shopify');
    expect(current.map).toMatchObject({ 'Default Address Address1': 'address.line1', 'Default Address Country Code': 'address.country', 'Customer ID': 'ignore' });
  });

  it('a generic spreadsheet: common names, any case or punctuation', () => {
    const { preset, map } = mapped(['Creator Name', 'E-mail', 'IG handle', 'IG Followers', 'TikTok', 'Engagement Rate (%)', 'Country', 'Niche', 'Random column']);
    expect(preset).toBe('generic');
    expect(map).toMatchObject({ 'Creator Name': 'name', 'E-mail': 'email', 'IG handle': 'instagram.handle', 'IG Followers': 'instagram.followers', TikTok: 'tiktok.handle', Country: 'location.country', Niche: 'niches', 'Random column': 'ignore' });
  });

  it('puts a loose "Followers" or "ER" beside per-network columns on the network to its left', () => {
    const { map } = mapped(['Name', 'Instagram', 'Followers', 'ER', 'TikTok', 'TikTok followers']);
    expect(map).toMatchObject({ Followers: 'instagram.followers', ER: 'instagram.engagementRate', 'TikTok followers': 'tiktok.followers' });
  });

  it('leaves a second column for a one-value field to the person, and says what is wrong with a mapping', () => {
    expect(mapped(['Followers', 'Followers (2)', 'Handle']).map).toMatchObject({ Followers: 'account.followers', 'Followers (2)': 'ignore' });
    expect(mappingProblems(['account.followers', 'account.followers', 'name'], ['A', 'B', 'C'])).toEqual(['Followers comes from 2 columns (“A”, “B”). Choose one.']);
    expect(mappingProblems(['email', 'email'], ['A', 'B'])).toEqual([]);
    expect(mappingProblems(['tags', 'ignore'], ['A', 'B'])).toEqual(['Choose at least one column with the creator’s name, email, handle or profile link.']);
  });
});
