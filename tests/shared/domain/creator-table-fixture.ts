import * as Y from 'yjs';
import { projectAll } from '../../../src/shared/data/batches';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { generateDemoWorkspace } from '../../../src/shared/demo/generate';
import { loadDemoRecords } from '../../../src/shared/demo/load';
import type { ColumnContext } from '../../../src/shared/domain/creator-columns';
import { buildCreatorFacts, type FactsActivity, type FactsContent, type FactsEngagement } from '../../../src/shared/domain/creator-facts';
import type { ProjectedCreator } from '../../../src/shared/domain/projected-creator';
import { defaultTierThresholds } from '../../../src/shared/domain/tiers';

/** The sample workspace as the projection holds it: the real generator through the real commands. */
export function sampleWorkspace(creators = 400) {
  const store = new WorkspaceStore(new Y.Doc());
  loadDemoRecords(store, generateDemoWorkspace({ creators, seed: 7 }));
  const docs = projectAll(store.doc);
  const rows = docs.creators as unknown as ProjectedCreator[];
  const facts = buildCreatorFacts({
    engagements: docs.engagements as unknown as FactsEngagement[],
    activities: docs.activities as unknown as FactsActivity[],
    content: docs.content as unknown as FactsContent[],
    criteria: [],
  });
  return { store, docs, rows, facts };
}

export const names: Omit<ColumnContext, 'facts'> = {
  thresholds: defaultTierThresholds,
  ownerName: (id) => `Person ${id}`,
  campaignName: (id) => id,
  stepName: (_c, s) => s,
  countryName: (code) => code,
  languageName: (code) => code,
};
