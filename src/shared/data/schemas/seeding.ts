import { z } from 'zod';
import { address, isoInstant } from '../../domain/fields';
import { boundedMoney, numberFields } from '../../domain/number-fields';
import { count, defineCollection, idRef, optionalRef, requiredText, shortText } from './base';

export const productFields = z.object({
  name: requiredText('Product name'),
  sku: shortText(80).default(''),
  variants: z.array(z.object({ id: idRef, name: requiredText('Variant name', 100), sku: shortText(80).default('') })).default([]),
  value: boundedMoney(numberFields.unitValue).nullable().default(null),
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
  /**
   * The address was given for this parcel itself (re-shipped to another place,
   * typed on the shipment): it wins over the creator's profile, which otherwise
   * is read again at export because creators correct their address late.
   */
  addressFixed: z.boolean().default(false),
  status: z.enum(shipmentStatuses).default('to-ship'),
  carrier: shortText(60).default(''),
  trackingNumber: shortText(100).default(''),
  shippedAt: isoInstant.nullable().default(null),
  deliveredAt: isoInstant.nullable().default(null),
  replacesId: optionalRef,
  /** The order name the shop and the 3PL know it by ("FF-1042"): exports write it, tracking imports match on it. */
  orderName: shortText(64).default(''),
  /** A tracking page given by the carrier's own file, used when the carrier is not one the app knows. */
  trackingUrl: shortText(500).default(''),
  /** Why a delivery failed (returned to sender, wrong address…), said when it is re-shipped. */
  failedReason: shortText(300).default(''),
  note: shortText(1000).default(''),
});

export const shipments = defineCollection({
  version: 1,
  fields: shipmentFields,
  noun: 'shipment',
  indexed: {},
  indexes: [],
});
