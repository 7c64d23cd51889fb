import type { activationModels } from '../data/schemas/campaigns';

type ActivationModel = (typeof activationModels)[number];

/**
 * The steps a creator goes through, by activation model. Gifting has no
 * brief and no review; paid work adds negotiation, contract and review.
 */
const pipelines: Record<ActivationModel, string[]> = {
  gifting: ['Shortlisted', 'Contacted', 'Replied', 'Opted in', 'Address collected', 'Shipped', 'Delivered', 'Posted'],
  ambassador: ['Shortlisted', 'Contacted', 'Negotiating', 'Contract sent', 'Signed', 'Briefed', 'Content in review', 'Posted'],
  events: ['Shortlisted', 'Invited', 'Confirmed', 'Attended', 'Posted'],
  'pay-to-post': ['Shortlisted', 'Contacted', 'Negotiating', 'Contract sent', 'Signed', 'Content in review', 'Approved', 'Posted', 'Paid'],
  affiliate: ['Shortlisted', 'Contacted', 'Opted in', 'Code issued', 'Posted'],
  collab: ['Shortlisted', 'Pitched', 'Agreed', 'In production', 'Launched'],
  licensing: ['Shortlisted', 'Negotiating', 'Contract sent', 'Signed', 'Content delivered'],
  'content-creation': ['Shortlisted', 'Contacted', 'Contract sent', 'Signed', 'Briefed', 'Content in review', 'Approved', 'Delivered', 'Paid'],
  whitelisting: ['Shortlisted', 'Access requested', 'Access granted', 'Ads live', 'Access expired'],
};

export function defaultPipeline(model: ActivationModel): { id: string; name: string; position: number }[] {
  return pipelines[model].map((name, index) => ({
    id: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    name,
    position: index + 1,
  }));
}
