import { z } from 'zod';
import { briefSpec, type PmNode } from './brief';
import { contractSpec } from './contract';
import { fontFamilies, type DocumentSpec } from './model';

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour such as #3b2f8f');

export const brandKitInput = z.object({
  name: z.string().trim().min(1, 'The brand needs a name').max(200),
  primary: hexColor,
  accent: hexColor,
  font: z.enum(fontFamilies),
  logoSha256: z.string().regex(/^[a-f0-9]{64}$/, 'Not a file fingerprint (SHA-256)').nullable(),
});

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
    images: z.array(z.object({ sha256: z.string().regex(/^[a-f0-9]{64}$/), caption: z.string().max(300) })).max(100).optional(),
  }),
]);

export type DocumentRequest = z.input<typeof documentRequest>;

export function specFor(request: z.output<typeof documentRequest>): DocumentSpec {
  switch (request.kind) {
    case 'contract': return contractSpec(request.mergeValues, request.clauseIds, request.brand, request.title);
    case 'brief': return briefSpec(request, request.brand);
  }
}

/** A file name people recognise: "Creator agreement – Zoë Łukasiewicz.pdf". */
export function fileNameFor(spec: DocumentSpec): string {
  return `${spec.title.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120) || 'Document'}.pdf`;
}
