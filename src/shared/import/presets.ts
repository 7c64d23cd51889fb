import { platformLabels, platforms, type Platform } from '../data/schemas/creators';
import { fieldInfo, type AccountStat, type FieldKey } from './fields';
import { nameKey } from '../domain/fold-text';

/**
 * Column layouts of the files people bring: a generic spreadsheet, and the
 * exports and templates of the tools they leave. Headers are compared folded
 * (case, accents, punctuation and spacing ignored), so "Full Name",
 * "full_name" and "FULL-NAME" are one header.
 */
export interface Preset {
  id: 'generic' | 'modash' | 'upfluence' | 'grin' | 'shopify';
  label: string;
  /** Folded headers only this tool writes; the best share of them present picks the preset. */
  signature: string[];
  /** Folded header → field, tried before the generic names. */
  columns: Record<string, FieldKey>;
}

/**
 * Modash — from Modash's published data points: the Discovery API's profile
 * fields (`userId`, `username`, `fullname`, `url`, `followers`, `engagements`,
 * `engagementRate`, `avgViews`; https://docs.modash.io/products/discovery_api
 * → "Search by Email" response) and the Help Center's "Modash API Data Points
 * Descriptions" / "API cheat sheet" (full name, username, URL, followers,
 * engagements, engagement rate, average views/likes;
 * https://help.modash.io/en/articles/6959997, /9073012). Modash lists are
 * made per channel ("Create relationship lists by channel",
 * https://help.modash.io/en/articles/5482206), so a file is one platform:
 * the mapping step asks which, unless the profile links tell. Its
 * engagement rate is a fraction (0.0027 = 0.27%); the scale is detected per
 * column and shown.
 */
const modash: Preset = {
  id: 'modash',
  label: 'Modash export',
  signature: ['username', 'fullname', 'engagements', 'engagement rate', 'engagementrate', 'avg views', 'avgviews', 'avg likes', 'avglikes', 'user id', 'userid'],
  columns: {
    username: 'account.handle', 'user name': 'account.handle', fullname: 'name', 'full name': 'name',
    url: 'account.url', 'profile url': 'account.url', followers: 'account.followers',
    'engagement rate': 'account.engagementRate', engagementrate: 'account.engagementRate', er: 'account.engagementRate',
    'avg views': 'account.avgViews', avgviews: 'account.avgViews', 'average views': 'account.avgViews',
    platform: 'account.platform', email: 'email', emails: 'email', country: 'location.country', city: 'location.city',
    location: 'location', language: 'languages', bio: 'appendToNotes',
    engagements: 'ignore', 'user id': 'ignore', userid: 'ignore', 'avg likes': 'ignore', avglikes: 'ignore', picture: 'ignore',
  },
};

/**
 * Upfluence — the columns its CSV import recognises, which are also what its
 * list exports carry: influencer_id, media_url, profile_name, first_name,
 * last_name, phone_number, email, shipping_address.line1/.line2/.zipcode/
 * .city/.state/.country_code, merge_fields ("How to add influencers to
 * Upfluence via CSV import", https://help.upfluence.co/en/articles/6997712).
 * profile_name is the social media name; first and last name win over it
 * when both are there.
 */
const upfluence: Preset = {
  id: 'upfluence',
  label: 'Upfluence export',
  signature: ['influencer id', 'media url', 'profile name', 'phone number', 'shipping address line1', 'shipping address zipcode', 'shipping address country code', 'merge fields'],
  columns: {
    'influencer id': 'ignore', 'media url': 'account.url', 'profile name': 'name', 'first name': 'firstName', 'last name': 'lastName',
    'phone number': 'phone', email: 'email',
    'shipping address line1': 'address.line1', 'shipping address line2': 'address.line2', 'shipping address zipcode': 'address.postalCode',
    'shipping address city': 'address.city', 'shipping address state': 'address.region', 'shipping address country code': 'address.country',
    'merge fields': 'appendToNotes',
  },
};

/**
 * GRIN — its creator CSV template and Contacts → Creators export: property
 * labels such as "First Name", "Last Name", "Email", "Gender", one column per
 * social network, tags and discount codes ("Importing Creators",
 * https://help.grin.co/docs/importing-creators; "Creators",
 * https://help.grin.co/docs/creators). GRIN lets people name properties
 * freely, so its distinctive labels only pick the preset; every column still
 * gets the generic names too. GRIN's engagement rate is (likes + comments) /
 * followers (https://support.grin.co/en/articles/2403207).
 */
const grin: Preset = {
  id: 'grin',
  label: 'GRIN export',
  signature: ['first name', 'last name', 'gender', 'contact type', 'discount code', 'discount codes', 'live site', 'instagram', 'tiktok', 'youtube', 'owner'],
  columns: {
    'first name': 'firstName', 'last name': 'lastName', email: 'email', gender: 'appendToNotes', 'contact type': 'ignore',
    'discount code': 'appendToNotes', 'discount codes': 'appendToNotes', 'live site': 'ignore', owner: 'ignore',
    instagram: 'instagram.handle', tiktok: 'tiktok.handle', youtube: 'youtube.handle', pinterest: 'pinterest.handle', twitter: 'x.handle', twitch: 'twitch.handle',
    website: 'blog.handle', phone: 'phone', tags: 'tags', country: 'location.country', city: 'location.city', state: 'location.region',
    'address 1': 'address.line1', 'address 2': 'address.line2', address1: 'address.line1', address2: 'address.line2', zip: 'address.postalCode',
    'postal code': 'address.postalCode',
  },
};

/**
 * Shopify customers export — "Using CSV files to import and export
 * customers" (https://help.shopify.com/en/manual/customers/import-export-customers;
 * the same table is mirrored at https://ascendfs.zendesk.com/hc/en-us/articles/26465992706843):
 * First Name, Last Name, Email, Company, Address1, Address2, City, Province,
 * Province Code, Country, Country Code, Zip, Phone, Accepts Email Marketing,
 * Accepts SMS Marketing, Total Spent, Total Orders, Note, Tax Exempt, Tags;
 * newer exports prefix the address columns with "Default Address" (as in
 * "Default Address Address1", "Default Address Country Code"). Customers who
 * became creators ship to their default address, which is where they live too.
 */
const shopify: Preset = {
  id: 'shopify',
  label: 'Shopify customers export',
  signature: ['accepts email marketing', 'accepts sms marketing', 'total spent', 'total orders', 'tax exempt', 'province code', 'default address address1', 'default address zip', 'default address country code', 'customer id'],
  columns: {
    'customer id': 'ignore', 'first name': 'firstName', 'last name': 'lastName', email: 'email', phone: 'phone', note: 'notes', tags: 'tags',
    company: 'ignore', 'default address company': 'ignore',
    address1: 'address.line1', address2: 'address.line2', city: 'address.city', province: 'ignore', 'province code': 'address.region',
    country: 'ignore', 'country code': 'address.country', zip: 'address.postalCode',
    'default address address1': 'address.line1', 'default address address2': 'address.line2', 'default address city': 'address.city',
    'default address province code': 'address.region', 'default address country code': 'address.country', 'default address zip': 'address.postalCode',
    'default address phone': 'ignore',
    'accepts email marketing': 'ignore', 'accepts sms marketing': 'ignore', 'total spent': 'appendToNotes', 'total orders': 'appendToNotes', 'tax exempt': 'ignore',
  },
};

const platformWords: Record<Platform, string[]> = {
  instagram: ['instagram', 'ig', 'insta'], tiktok: ['tiktok', 'tik tok', 'tt'], youtube: ['youtube', 'yt', 'youtube channel'],
  twitch: ['twitch'], pinterest: ['pinterest'], x: ['x', 'twitter', 'x twitter', 'twitter x'], linkedin: ['linkedin'],
  snapchat: ['snapchat', 'snap'], blog: ['blog', 'website', 'podcast', 'site', 'blog url', 'website url'], other: [],
};
const statWords: Record<AccountStat, string[]> = {
  handle: ['', 'handle', 'username', 'user name', 'account', 'url', 'link', 'profile', 'profile url', 'profile link', 'channel'],
  followers: ['followers', 'follower count', 'followers count', 'subscribers', 'fans'],
  avgViews: ['avg views', 'average views', 'views', 'avg video views'],
  engagementRate: ['engagement rate', 'er', 'er %', 'engagement', 'engagement %'],
};

/** The names people give columns in their own spreadsheets. */
const generic: Record<string, FieldKey> = (() => {
  const out: Record<string, FieldKey> = {};
  const add = (key: FieldKey, names: string[]) => names.forEach((n) => { out[nameKey(n)] ??= key; });
  add('name', ['name', 'full name', 'fullname', 'creator', 'creator name', 'influencer', 'influencer name', 'display name', 'contact name', 'talent', 'talent name']);
  add('firstName', ['first name', 'firstname', 'first', 'given name', 'forename']);
  add('lastName', ['last name', 'lastname', 'surname', 'family name']);
  add('email', ['email', 'e mail', 'email address', 'mail', 'contact email', 'primary email', 'business email', 'emails']);
  add('otherEmails', ['other emails', 'secondary email', 'other email', 'alternate email']);
  add('phone', ['phone', 'phone number', 'mobile', 'mobile phone', 'telephone', 'tel', 'cell']);
  add('account.handle', ['handle', 'username', 'user name', 'social handle', 'account', 'account name']);
  add('account.url', ['profile url', 'profile link', 'url', 'link', 'profile', 'social url', 'account url']);
  add('account.platform', ['platform', 'network', 'social network', 'channel', 'social platform']);
  add('account.followers', ['followers', 'follower count', 'followers count', 'subscribers', 'audience size', 'follower']);
  add('account.avgViews', ['avg views', 'average views', 'views', 'avg video views', 'average video views']);
  add('account.engagementRate', ['engagement rate', 'er', 'er %', 'eng rate', 'engagement', 'engagement %', 'engagement rate %']);
  for (const platform of platforms) {
    for (const word of platformWords[platform]) {
      for (const stat of ['handle', 'followers', 'avgViews', 'engagementRate'] as AccountStat[]) {
        add(`${platform}.${stat}`, statWords[stat].map((s) => `${word} ${s}`.trim()));
      }
    }
    add(`${platform}.handle`, [platformLabels[platform]]);
  }
  add('location', ['location', 'based in', 'home base']);
  add('location.country', ['country', 'country code', 'location country', 'nation', 'country region']);
  add('location.region', ['region', 'state', 'province', 'state province', 'county']);
  add('location.city', ['city', 'town', 'location city']);
  add('address.line1', ['address', 'address 1', 'address1', 'address line 1', 'street', 'street address', 'shipping address']);
  add('address.line2', ['address 2', 'address2', 'address line 2', 'apartment', 'suite']);
  add('address.postalCode', ['zip', 'zip code', 'zipcode', 'postal code', 'postcode', 'post code']);
  add('languages', ['language', 'languages', 'lang', 'spoken languages']);
  add('niches', ['niche', 'niches', 'category', 'categories', 'topic', 'topics', 'interests', 'vertical']);
  add('tags', ['tags', 'tag', 'labels', 'label', 'lists', 'list']);
  add('notes', ['notes', 'note', 'comments', 'comment']);
  add('appendToNotes', ['bio', 'description', 'about']);
  add('manager.name', ['manager', 'agent', 'manager name', 'agent name', 'management contact']);
  add('manager.agency', ['agency', 'management', 'agency name']);
  add('manager.email', ['manager email', 'agent email', 'agency email', 'management email']);
  add('manager.phone', ['manager phone', 'agent phone', 'agency phone']);
  return out;
})();

export const presets: Preset[] = [modash, upfluence, grin, shopify];
export const genericPreset = { id: 'generic' as const, label: 'Spreadsheet' };

/** Which tool wrote the file, judged by how many of its telltale headers are there. */
export function detectPreset(headers: string[]): Preset | null {
  const folded = new Set(headers.map(nameKey));
  let best: Preset | null = null;
  let bestScore = 0;
  for (const preset of presets) {
    const hits = preset.signature.filter((s) => folded.has(nameKey(s))).length;
    if (hits >= 3 && hits > bestScore) {
      best = preset;
      bestScore = hits;
    }
  }
  return best;
}

/** A field for every column: the preset's own names first, then the generic ones; unknown columns are not imported. */
export function autoMapping(headers: string[], preset: Preset | null): FieldKey[] {
  return attachLooseStats(firstMapping(headers, preset));
}

/**
 * "Instagram | Instagram followers | ER": a bare "ER" or "Followers" beside
 * per-network columns belongs to the network on its left, not to a main
 * account the file does not have.
 */
function attachLooseStats(mapping: FieldKey[]): FieldKey[] {
  if (mapping.includes('account.handle') || mapping.includes('account.url')) return mapping;
  const out = [...mapping];
  let network: Platform | null = null;
  out.forEach((key, i) => {
    const [head, stat] = key.split('.');
    if ((platforms as readonly string[]).includes(head)) network = head as Platform;
    else if (head === 'account' && stat !== 'platform') {
      const only = [...new Set(mapping.map((k) => k.split('.')[0]).filter((h) => (platforms as readonly string[]).includes(h)))];
      const to = network ?? (only.length === 1 ? (only[0] as Platform) : null);
      const field = to ? (`${to}.${stat}` as FieldKey) : null;
      if (field && !out.includes(field)) out[i] = field;
    }
  });
  return out;
}

function firstMapping(headers: string[], preset: Preset | null): FieldKey[] {
  const taken = new Set<FieldKey>();
  return headers.map((header) => {
    const key = nameKey(header.replace(/\(\d+\)$/, ''));
    const field = preset?.columns[key] ?? generic[key] ?? generic[key.replace(/\s*%$/, '')] ?? 'ignore';
    // A second column with a one-value field's name (two "Email"s are fine, two "Followers" are not) is left for the person.
    if (field !== 'ignore' && taken.has(field) && !fieldInfo.get(field)?.many) return 'ignore';
    taken.add(field);
    return field;
  });
}
