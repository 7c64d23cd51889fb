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

/**
 * The whole domain in twelve collections: RxDB's free core opens at most
 * thirteen, and one stays free for later needs.
 */
export const collections = {
  settings, creators, campaigns, engagements, activities, products, shipments, codes, documents, content, rights, assets,
};

export type CollectionName = keyof typeof collections;
export const collectionNames = Object.keys(collections) as CollectionName[];

export type { RecordBase } from './base';
export { baseFieldNames } from './base';
