const labels: Record<string, string> = {
  name: 'name', title: 'title', tags: 'tags', phone: 'phone', emails: 'emails', accounts: 'platform accounts', location: 'location',
  languages: 'languages', niches: 'niches', ownerId: 'owner', status: 'status', campaignId: 'campaign', shippingAddress: 'shipping address',
  brandSafetyFlags: 'brand-safety flags', rates: 'rates', audience: 'audience', deletedAt: 'trash', position: 'order', budget: 'budget',
  moodBoard: 'mood board',
};

/** Fields that hold record ids: a person reads how many, not the ids. */
const counted: Record<string, [string, string]> = { moodBoard: ['picture', 'pictures'] };

/** "shippingAddress" → "shipping address", unless we know a better word. */
export function fieldLabel(field: string): string {
  return labels[field] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A value as a sentence can show it: “Maya J.”, vip, travel, empty. */
export function describeValue(value: unknown, field?: string): string {
  if (value === null || value === undefined || value === '') return 'empty';
  const unit = field ? counted[field] : undefined;
  if (unit && Array.isArray(value)) return value.length === 0 ? 'none' : `${value.length} ${value.length === 1 ? unit[0] : unit[1]}`;
  if (typeof value === 'string') return `“${value.length > 80 ? `${value.slice(0, 80)}…` : value}”`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    const parts = value.map((v) => (typeof v === 'object' && v ? Object.values(v).filter((x) => typeof x === 'string' && x).slice(0, 2).join(' ') : String(v)));
    return parts.slice(0, 5).join(', ') + (parts.length > 5 ? ` and ${parts.length - 5} more` : '');
  }
  const text = Object.values(value as Record<string, unknown>).filter((v) => typeof v === 'string' && v).join(', ');
  return text ? `“${text}”` : 'a new value';
}
