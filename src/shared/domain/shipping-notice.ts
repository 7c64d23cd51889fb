import { carrierName, trackingLink } from './carriers';
import type { MergeValues } from './merge-fields';

/**
 * The "your parcel is on its way" email: a template with merge fields
 * (see merge-fields.ts), filled from the shipment, opened in the user's own
 * mail client or copied. Sending is the mail client's job, not ours.
 */
export const defaultShippingSubject = 'Your {{product}} is on its way';

export const defaultShippingBody = `Hi {{first_name}},

Your {{product}} from {{brand}} is on its way with {{carrier}}.

Tracking number: {{tracking_number}}
Follow it here: {{tracking_link}}

When it arrives, we would love to see what you make with it for {{campaign}}. Any questions, just reply to this email.

{{sender_name}}`;

export interface NoticeFacts {
  creatorName: string;
  handle: string;
  campaignName: string;
  productNames: string[];
  carrier: string;
  trackingNumber: string;
  trackingUrl: string;
  brand: string;
  senderName: string;
}

export function shippingNoticeValues(facts: NoticeFacts): MergeValues {
  return {
    first_name: facts.creatorName.trim().split(/\s+/)[0] ?? '',
    creator_name: facts.creatorName,
    handle: facts.handle ? `@${facts.handle.replace(/^@/, '')}` : '',
    campaign: facts.campaignName,
    product: facts.productNames.join(' and '),
    carrier: carrierName(facts.carrier),
    tracking_number: facts.trackingNumber,
    tracking_link: trackingLink(facts.carrier, facts.trackingNumber) ?? facts.trackingUrl,
    brand: facts.brand,
    sender_name: facts.senderName,
  };
}

/** A mailto: link with subject and body; spaces as %20 (mail clients show "+" literally). */
export function mailtoLink(to: string, subject: string, body: string): string {
  const q = [`subject=${encodeURIComponent(subject)}`, `body=${encodeURIComponent(body.replace(/\r?\n/g, '\r\n'))}`].join('&');
  return `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?${q}`;
}
