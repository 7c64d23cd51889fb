import type { z } from 'zod';
import type { StoreOperation } from '../data/store';
import type { activityFields, activityKinds } from '../data/schemas/activities';

/**
 * The one place a line for a timeline (or a task) is put together, so every
 * screen and every shared action files it under the same creator, campaign
 * and engagement, with the same author fields.
 */
export type ActivityKind = (typeof activityKinds)[number];
export type ActivityInput = z.input<typeof activityFields>;

/** The teammate doing something. */
export interface Actor {
  id: string;
  /** Null when the person has not told the app their name. */
  name: string | null;
}

/** What a line is about: the timelines it shows in. */
export interface ActivityAbout {
  creatorId?: string | null;
  campaignId?: string | null;
  engagementId?: string | null;
}

export interface ActivityLine extends ActivityAbout {
  kind: ActivityKind;
  title: string;
  at: string;
  /** Null for what the app does on its own (a reminder it raises). */
  actorId?: string | null;
  body?: string;
  dueAt?: string | null;
  assigneeId?: string | null;
  channel?: ActivityInput['channel'];
  data?: Record<string, unknown>;
}

/** An engagement's line is in its creator's and its campaign's timelines too. */
export function aboutEngagement(engagement: { id: string; creatorId: string; campaignId: string | null }): Required<ActivityAbout> {
  return { creatorId: engagement.creatorId, campaignId: engagement.campaignId, engagementId: engagement.id };
}

/** The person at this computer as an author: a name only once they have chosen one. */
export function actorOf(person: { id: string; name: string; named: boolean }): Actor {
  return { id: person.id, name: person.named ? person.name : null };
}

/** The fields of a new activity record, for `commands.create`. */
export function activityInput(line: ActivityLine): ActivityInput {
  const input: Record<string, unknown> = {};
  // Only the fields given: the schema's defaults fill the rest, as they did when screens wrote these by hand.
  for (const [key, value] of Object.entries(line)) if (value !== undefined) input[key] = value;
  return input as ActivityInput;
}

/** A new activity record as one operation of an `applyAll` batch. */
export function activityRecord(line: ActivityLine, id: string): StoreOperation {
  return { kind: 'create', collection: 'activities', id, input: activityInput(line) };
}
