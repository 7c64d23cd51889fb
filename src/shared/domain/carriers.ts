/**
 * Carriers as data: a name people recognise, the names their exports use for
 * them, and the public tracking page for a number. Adding a carrier is one
 * entry here; nothing else in the app knows carrier names.
 */
export interface Carrier {
  id: string;
  name: string;
  /** Lowercase names other tools write in a "carrier" or "tracking company" column. */
  aliases: string[];
  /** The public tracking page; `{number}` is replaced by the URL-encoded tracking number. */
  trackingUrl: string;
  /** Shapes of this carrier's numbers, to suggest a carrier when an import does not say. */
  patterns: RegExp[];
}

export const carriers: readonly Carrier[] = [
  { id: 'ups', name: 'UPS', aliases: ['ups', 'united parcel service', 'ups ground'], trackingUrl: 'https://www.ups.com/track?tracknum={number}', patterns: [/^1Z[0-9A-Z]{16}$/i] },
  { id: 'usps', name: 'USPS', aliases: ['usps', 'united states postal service', 'us postal service'], trackingUrl: 'https://tools.usps.com/go/TrackConfirmAction?tLabels={number}', patterns: [/^(94|93|92|95)\d{20}$/, /^[A-Z]{2}\d{9}US$/i] },
  { id: 'fedex', name: 'FedEx', aliases: ['fedex', 'federal express', 'fedex ground'], trackingUrl: 'https://www.fedex.com/fedextrack/?trknbr={number}', patterns: [/^\d{12}$/, /^\d{15}$/] },
  { id: 'dhl', name: 'DHL', aliases: ['dhl', 'dhl express', 'dhl ecommerce', 'dhl parcel'], trackingUrl: 'https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id={number}', patterns: [/^\d{10}$/, /^JJD\d{16,20}$/i] },
  { id: 'royal-mail', name: 'Royal Mail', aliases: ['royal mail', 'royalmail', 'parcelforce'], trackingUrl: 'https://www.royalmail.com/track-your-item#/tracking-results/{number}', patterns: [/^[A-Z]{2}\d{9}GB$/i] },
  { id: 'dpd', name: 'DPD', aliases: ['dpd', 'dpd uk', 'dpd local'], trackingUrl: 'https://track.dpd.co.uk/parcels/{number}', patterns: [/^\d{14}$/] },
  { id: 'inpost', name: 'InPost', aliases: ['inpost', 'paczkomaty', 'inpost paczkomaty'], trackingUrl: 'https://inpost.pl/sledzenie-przesylek?number={number}', patterns: [/^\d{24}$/] },
  { id: 'canada-post', name: 'Canada Post', aliases: ['canada post', 'postes canada'], trackingUrl: 'https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor={number}', patterns: [/^\d{16}$/] },
  { id: 'australia-post', name: 'Australia Post', aliases: ['australia post', 'auspost'], trackingUrl: 'https://auspost.com.au/mypost/track/#/details/{number}', patterns: [] },
  { id: 'gls', name: 'GLS', aliases: ['gls'], trackingUrl: 'https://gls-group.com/track/{number}', patterns: [] },
  { id: 'evri', name: 'Evri', aliases: ['evri', 'hermes', 'hermes uk'], trackingUrl: 'https://www.evri.com/track/parcel/{number}', patterns: [/^[A-Z0-9]{16}$/] },
];

const byId = new Map(carriers.map((c) => [c.id, c]));

/** The carrier for an id or any name a tool writes for it ("United Parcel Service" → UPS); null when unknown. */
export function findCarrier(nameOrId: string | null | undefined): Carrier | null {
  const key = (nameOrId ?? '').trim().toLowerCase();
  if (!key) return null;
  return byId.get(key) ?? carriers.find((c) => c.name.toLowerCase() === key || c.aliases.includes(key)) ?? null;
}

/** Tracking numbers are written with spaces and dashes on labels; carriers' pages want them plain. */
export function cleanTrackingNumber(raw: string): string {
  return raw.replace(/[\s-]+/g, '').toUpperCase();
}

/** The public tracking page for a shipment, or null when the carrier is unknown or there is no number yet. */
export function trackingLink(carrier: string | null | undefined, trackingNumber: string | null | undefined): string | null {
  const found = findCarrier(carrier);
  const number = cleanTrackingNumber(trackingNumber ?? '');
  if (!found || !number) return null;
  return found.trackingUrl.replace('{number}', encodeURIComponent(number));
}

/** Carriers whose number shapes fit, best guess first; empty when nothing fits (a guess is only a suggestion). */
export function guessCarriers(trackingNumber: string): Carrier[] {
  const number = cleanTrackingNumber(trackingNumber);
  if (!number) return [];
  return carriers.filter((c) => c.patterns.some((p) => p.test(number)));
}

/** The name to show and export: a known carrier's proper name, else what the user typed. */
export function carrierName(nameOrId: string | null | undefined): string {
  return findCarrier(nameOrId)?.name ?? (nameOrId ?? '').trim();
}
