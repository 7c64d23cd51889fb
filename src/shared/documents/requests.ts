import { z } from 'zod';
import { isoDate } from '../domain/fields';
import type { PmNode } from './brief';
import { briefSpec } from './brief-spec';
import { campaignPlanSpec } from './campaign-plan';
import { contractSpec } from './creator-agreement';
import { leadershipReportShape, leadershipReportSpec } from './leadership-report';
import { optInFormSpec } from './opt-in-form';
import { brandHandleProblem, guidePlatforms, whitelistingGuideSpec } from './whitelisting-guide';
import { fontFamilies, type DocumentSpec } from './model';

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour such as #3b2f8f');

export const brandKitInput = z.object({
  name: z.string().trim().min(1, 'The brand needs a name').max(200),
  primary: hexColor,
  accent: hexColor,
  font: z.enum(fontFamilies),
  logoSha256: z.string().regex(/^[a-f0-9]{64}$/, 'Not a file fingerprint (SHA-256)').nullable(),
});

const picture = z.object({ sha256: z.string().regex(/^[a-f0-9]{64}$/, 'Not a file fingerprint (SHA-256)'), caption: z.string().max(300) });

const pmNode: z.ZodType<PmNode> = z.lazy(() => z.object({
  type: z.string().max(60),
  attrs: z.record(z.string(), z.unknown()).optional(),
  content: z.array(pmNode).max(20_000).optional(),
  text: z.string().max(200_000).optional(),
  marks: z.array(z.object({ type: z.string().max(60), attrs: z.record(z.string(), z.unknown()).optional() })).max(20).optional(),
}));

/** What to make: each kind carries the data its builder needs. */
export const documentRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('contract'),
    brand: brandKitInput,
    title: z.string().trim().max(300).optional(),
    mergeValues: z.record(z.string().max(80), z.string().max(20_000)),
    clauseIds: z.array(z.string().max(60)).max(60),
  }),
  z.object({
    kind: z.literal('brief'),
    brand: brandKitInput,
    title: z.string().trim().min(1, 'The brief needs a title').max(300),
    campaignName: z.string().max(300).nullable(),
    statusLabel: z.string().max(60),
    updatedOn: z.string().max(60),
    body: pmNode.nullable(),
    /** Team copy: every field; creator copy: nothing internal (see brief-spec.ts internalBriefFields). */
    copy: z.enum(['team', 'creator']).default('team'),
    forCreator: z.string().max(300).optional(),
    campaign: z.object({
      startsOn: isoDate.nullable(),
      endsOn: isoDate.nullable(),
      budget: z.string().max(60),
      notes: z.string().max(5000),
    }).nullable().optional(),
    deliverables: z.array(z.object({
      creatorName: z.string().max(300),
      platform: z.string().max(40),
      format: z.string().max(60),
      quantity: z.number().int().min(0),
      dueOn: isoDate.nullable(),
      usageRights: z.string().max(300),
      fee: z.string().max(60),
    })).max(5000).optional(),
    moodBoard: z.array(picture).max(24, 'A mood board holds at most 24 pictures').optional(),
    images: z.array(picture).max(100).optional(),
  }),
  z.object({
    kind: z.literal('opt-in-form'),
    brand: brandKitInput,
    campaignName: z.string().trim().min(1, 'Choose a campaign').max(300),
    creatorName: z.string().max(300),
    creatorEmail: z.string().max(300),
    sizeQuestions: z.array(z.object({ key: z.string().regex(/^[a-z0-9-]{1,40}$/, 'Size keys are lowercase letters, digits and dashes'), label: z.string().trim().min(1).max(100) })).max(12),
    products: z.array(z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), name: z.string().max(200), options: z.string().max(300) })).max(60),
    agreement: z.string().trim().min(1, 'Say what the creator agrees to').max(1000),
    returnBy: z.string().max(100),
    returnTo: z.string().max(300),
  }),
  z.object({
    kind: z.literal('whitelisting-guide'),
    brand: brandKitInput,
    creatorName: z.string().trim().min(1, 'Choose a creator').max(300),
    creatorInstagram: z.string().max(100),
    creatorTiktok: z.string().max(100),
    brandInstagram: z.string().max(100),
    brandTiktok: z.string().max(100),
    platforms: z.array(z.enum(guidePlatforms)).min(1, 'Choose Meta partnership ads, TikTok Spark Ads or both').default([...guidePlatforms]),
    metaBusinessName: z.string().max(200),
    sparkDays: z.number().int().min(7, 'Spark codes last 7 days or more').max(365, 'Spark codes last at most 365 days'),
    accessUntil: z.string().max(100),
    sendCodesTo: z.string().max(300),
    deadline: z.string().max(100),
    adAccount: z.string().max(300).default(''),
  }).superRefine((guide, ctx) => {
    // The guide tells creators to search for these handles; without them it would print the brand's name as one.
    for (const platform of guide.platforms) {
      const field = platform === 'meta' ? 'brandInstagram' : 'brandTiktok';
      const problem = brandHandleProblem(platform, guide[field]);
      if (problem) ctx.addIssue({ code: 'custom', path: [field], message: problem });
    }
  }),
  z.object({
    kind: z.literal('campaign-plan'),
    brand: brandKitInput,
    name: z.string().trim().min(1).max(300),
    campaignKind: z.string().max(60),
    objective: z.string().max(60),
    activationModels: z.array(z.string().max(60)).max(20),
    dates: z.string().max(100),
    budget: z.string().max(60),
    committed: z.string().max(60),
    keyMessages: z.array(z.string().max(500)).max(50),
    kpiTargets: z.array(z.object({ kpi: z.string().max(60), target: z.string().max(60) })).max(50),
    buckets: z.array(z.object({ name: z.string().max(60), range: z.string().max(60), target: z.number(), inPipeline: z.number() })).max(50),
    steps: z.array(z.object({ name: z.string().max(60), count: z.number() })).max(50),
    creators: z.array(z.object({ name: z.string().max(300), handle: z.string().max(100), step: z.string().max(60), fee: z.string().max(60), deliverables: z.string().max(500) })).max(5000),
  }),
  z.object({
    kind: z.literal('leadership-report'),
    brand: brandKitInput,
    ...leadershipReportShape,
  }),
]);

export type DocumentRequest = z.input<typeof documentRequest>;

export function specFor(request: z.output<typeof documentRequest>): DocumentSpec {
  switch (request.kind) {
    case 'contract': return contractSpec(request.mergeValues, request.clauseIds, request.brand, request.title);
    case 'brief': return briefSpec(request, request.brand);
    case 'opt-in-form': return optInFormSpec(request, request.brand);
    case 'whitelisting-guide': return whitelistingGuideSpec(request, request.brand);
    case 'campaign-plan': return campaignPlanSpec({ ...request, kind: request.campaignKind }, request.brand);
    case 'leadership-report': return leadershipReportSpec(request, request.brand);
  }
}

/** A file name people recognise: "Creator agreement – Zoë Łukasiewicz.pdf". */
export function fileNameFor(spec: DocumentSpec): string {
  return `${spec.title.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120) || 'Document'}.pdf`;
}
