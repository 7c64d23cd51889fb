import { platformLabels, platforms, type Platform } from '../data/schemas/creators';

/**
 * What a column of the file can become in Fanfare. "account.*" is the main
 * account of each row (its platform from a Platform column, the profile
 * link, or the file's platform chosen in the mapping step); "<platform>.*"
 * is for files with a column per network, as GRIN and Aspire write them.
 */
export type AccountStat = 'handle' | 'followers' | 'avgViews' | 'engagementRate';
export type FieldKey =
  | 'ignore'
  | 'name' | 'firstName' | 'lastName'
  | 'email' | 'otherEmails' | 'phone'
  | 'account.handle' | 'account.url' | 'account.platform' | 'account.followers' | 'account.avgViews' | 'account.engagementRate'
  | `${Platform}.${AccountStat}`
  | 'location' | 'location.country' | 'location.region' | 'location.city'
  | 'address.line1' | 'address.line2' | 'address.city' | 'address.region' | 'address.postalCode' | 'address.country'
  | 'languages' | 'niches' | 'tags' | 'notes' | 'appendToNotes'
  | 'manager.name' | 'manager.agency' | 'manager.email' | 'manager.phone';

export interface FieldInfo {
  key: FieldKey;
  label: string;
  group: string;
  /** Several columns may feed it (their values are joined); other fields take one column. */
  many?: boolean;
}

const statLabels: Record<AccountStat, string> = {
  handle: 'handle or link', followers: 'followers', avgViews: 'average views', engagementRate: 'engagement rate',
};

const base: FieldInfo[] = [
  { key: 'name', label: 'Full name', group: 'Person' },
  { key: 'firstName', label: 'First name', group: 'Person' },
  { key: 'lastName', label: 'Last name', group: 'Person' },
  { key: 'email', label: 'Email', group: 'Contact', many: true },
  { key: 'otherEmails', label: 'Other emails', group: 'Contact', many: true },
  { key: 'phone', label: 'Phone', group: 'Contact' },
  { key: 'manager.name', label: 'Manager or agent', group: 'Contact' },
  { key: 'manager.agency', label: 'Agency', group: 'Contact' },
  { key: 'manager.email', label: 'Manager’s email', group: 'Contact' },
  { key: 'manager.phone', label: 'Manager’s phone', group: 'Contact' },
  { key: 'account.handle', label: 'Handle', group: 'Main account' },
  { key: 'account.url', label: 'Profile link', group: 'Main account' },
  { key: 'account.platform', label: 'Platform', group: 'Main account' },
  { key: 'account.followers', label: 'Followers', group: 'Main account' },
  { key: 'account.avgViews', label: 'Average views', group: 'Main account' },
  { key: 'account.engagementRate', label: 'Engagement rate', group: 'Main account' },
];

const perPlatform: FieldInfo[] = platforms.flatMap((platform) =>
  (['handle', 'followers', 'avgViews', 'engagementRate'] as AccountStat[]).map((stat) => ({
    key: `${platform}.${stat}` as FieldKey,
    label: `${platformLabels[platform]} ${statLabels[stat]}`,
    group: platformLabels[platform],
  })));

const rest: FieldInfo[] = [
  { key: 'location', label: 'Location (“City, Country”)', group: 'Where they are' },
  { key: 'location.country', label: 'Country', group: 'Where they are' },
  { key: 'location.region', label: 'Region or state', group: 'Where they are' },
  { key: 'location.city', label: 'City', group: 'Where they are' },
  { key: 'address.line1', label: 'Address line 1', group: 'Shipping address' },
  { key: 'address.line2', label: 'Address line 2', group: 'Shipping address' },
  { key: 'address.city', label: 'Address city', group: 'Shipping address' },
  { key: 'address.region', label: 'Address region or state', group: 'Shipping address' },
  { key: 'address.postalCode', label: 'Postal code', group: 'Shipping address' },
  { key: 'address.country', label: 'Address country', group: 'Shipping address' },
  { key: 'languages', label: 'Languages', group: 'About', many: true },
  { key: 'niches', label: 'Niches or topics', group: 'About', many: true },
  { key: 'tags', label: 'Tags', group: 'About', many: true },
  { key: 'notes', label: 'Notes', group: 'About', many: true },
  { key: 'appendToNotes', label: 'Add to notes (with the column name)', group: 'About', many: true },
];

export const importFields: FieldInfo[] = [...base, ...perPlatform, ...rest];
export const fieldInfo = new Map<FieldKey, FieldInfo>(importFields.map((f) => [f.key, f]));

export function fieldLabel(key: FieldKey): string {
  return key === 'ignore' ? 'Don’t import' : fieldInfo.get(key)?.label ?? key;
}

/** The account a field belongs to: 'account' for the main one, a platform for per-network columns. */
export function accountOf(key: FieldKey): { account: 'account' | Platform; stat: string } | null {
  const [head, stat] = key.split('.');
  if (head === 'account' || (platforms as readonly string[]).includes(head)) return { account: head as 'account' | Platform, stat };
  return null;
}

/**
 * Mistakes in a mapping that would make rows come out wrong: a one-value
 * field fed by two columns, or nothing that says who a row is.
 */
export function mappingProblems(mapping: FieldKey[], headers: string[]): string[] {
  const problems: string[] = [];
  const columns = new Map<FieldKey, string[]>();
  mapping.forEach((key, i) => {
    if (key === 'ignore') return;
    columns.set(key, [...(columns.get(key) ?? []), headers[i]]);
  });
  for (const [key, cols] of columns) {
    if (cols.length > 1 && !fieldInfo.get(key)?.many) problems.push(`${fieldLabel(key)} comes from ${cols.length} columns (${cols.map((c) => `“${c}”`).join(', ')}). Choose one.`);
  }
  const identifies = [...columns.keys()].some((k) => ['name', 'firstName', 'lastName', 'email', 'account.handle', 'account.url'].includes(k) || k.endsWith('.handle'));
  if (!identifies) problems.push('Choose at least one column with the creator’s name, email, handle or profile link.');
  return problems;
}

export const CELL_EMPTY = 0;
export const CELL_TEXT = 1;
export const CELL_LINK = 2;

/**
 * The rows whose main account has a handle but nothing that says its
 * platform: no profile link in any account column, and no Platform column
 * (or an empty one). `of` is how many rows name a main account at all, so a
 * file of bare handles (all rows) reads differently from a file of links
 * with a few bare handles.
 */
export function rowsWithoutPlatform(mapping: FieldKey[], cellKinds: Uint8Array[]): { rows: number[]; of: number } {
  const columns = mapping.flatMap((k, i) => (k === 'account.handle' || k === 'account.url' ? [i] : []));
  const platformColumn = mapping.indexOf('account.platform');
  const rows: number[] = [];
  let of = 0;
  const count = cellKinds[0]?.length ?? 0;
  if (!columns.length) return { rows, of };
  for (let r = 0; r < count; r++) {
    let text = false;
    let link = false;
    for (const c of columns) {
      const kind = cellKinds[c][r];
      if (kind === CELL_LINK) link = true;
      else if (kind === CELL_TEXT) text = true;
    }
    if (!text && !link) continue;
    of++;
    if (!link && (platformColumn < 0 || cellKinds[platformColumn][r] === CELL_EMPTY)) rows.push(r);
  }
  return { rows, of };
}
