import { z } from 'zod';
import { address, isoInstant, money } from '../../domain/fields';
import { count, defineCollection, idRef, optionalRef, requiredText, shortText } from './base';

export const productFields = z.object({
  name: requiredText('Product name'),
  sku: shortText(80).default(''),
  variants: z.array(z.object({ id: idRef, name: requiredText('Variant name', 100), sku: shortText(80).default('') })).default([]),
  value: money.nullable().default(null),
  description: shortText(2000).default(''),
});

export const products = defineCollection({
  version: 1,
  fields: productFields,
  noun: 'product',
  indexed: {},
  indexes: [],
});

export const shipmentStatuses = ['to-ship', 'shipped', 'delivered', 'failed', 'reshipped'] as const;

export const shipmentFields = z.object({
  creatorId: idRef,
  campaignId: optionalRef,
  engagementId: optionalRef,
  items: z.array(z.object({ productId: idRef, variantId: optionalRef, quantity: count.min(1) })).default([]),
  address: address.nullable().default(null),
  status: z.enum(shipmentStatuses).default('to-ship'),
  carrier: shortText(60).default(''),
  trackingNumber: shortText(100).default(''),
  shippedAt: isoInstant.nullable().default(null),
  deliveredAt: isoInstant.nullable().default(null),
  replacesId: optionalRef,
});

export const shipments = defineCollection({
  version: 1,
  fields: shipmentFields,
  noun: 'shipment',
  indexed: {},
  indexes: [],
});
