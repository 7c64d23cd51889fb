import type { ProjectedCreator } from '../../../shared/domain/projected-creator';

/**
 * A creator as the projection holds it: the whole record plus the derived
 * fields the list sorts and filters on. The list's sorting and filtering
 * rules live in shared/domain (creator-index, creator-columns).
 */
export type CreatorRow = ProjectedCreator;
