import { activities } from './activities';
import { assets } from './assets';
import { campaigns } from './campaigns';
import { codes } from './codes';
import { content } from './content';
import { creators } from './creators';
import { documents } from './documents';
import { engagements } from './engagements';
import { rights } from './rights';
import { products, shipments } from './seeding';
import { settings } from './settings';
import { swipes } from './swipes';

/**
 * The whole domain in thirteen collections: the most RxDB's free core opens
 * in one process. Nothing is left: a new need fits into an existing
 * collection (settings kinds, document kinds) or replaces the free core.
 */
export const collections = {
  settings, creators, campaigns, engagements, activities, products, shipments, codes, documents, content, rights, assets, swipes,
};

export type CollectionName = keyof typeof collections;
export const collectionNames = Object.keys(collections) as CollectionName[];

export type { RecordBase } from './base';
export { baseFieldNames } from './base';
