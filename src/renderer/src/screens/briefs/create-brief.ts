import { briefTemplateUpdate, monthlyBriefTitle, nextBriefMonth } from '../../../../shared/domain/brief-template';
import { newId } from '../../../../shared/data/ids';
import { briefFromTemplateWrites } from '../../../../shared/domain/team-templates';
import { RICH_TEXT_FIELD, type RichTextLink } from '../../data/rich-text/rich-text-doc';
import { richTextContent, seedRichText } from '../../data/rich-text/seed-rich-text';
import type { WorkspaceSession } from '../../data/workspace-session';
import { briefBodyDocId, type BriefRow } from '../brief-row';
import type { TeamTemplate } from '../templates/use-team-templates';

export interface BriefCampaign {
  id: string;
  name: string;
  kind: 'campaign' | 'program';
  activationModels: string[];
  keyMessages: string[];
  startsOn: string | null;
  endsOn: string | null;
}

/** Where a new brief's text comes from: the built-in sections, nothing, or a team template. */
export type BriefStart = 'sections' | 'blank' | TeamTemplate;

/** A new brief, its text started from the chosen template (the built-in one with what the campaign already says). Returns its id. */
export async function createBrief(session: WorkspaceSession, link: RichTextLink | null, title: string, campaign: BriefCampaign | null, start: BriefStart): Promise<string> {
  const month = campaign?.kind === 'program' ? nextBriefMonth(null, new Date()) : null;
  const mergeValues: Record<string, string> = month ? { month } : {};
  if (typeof start !== 'string') {
    const writes = briefFromTemplateWrites(start, { title, campaignId: campaign?.id ?? null, bodyDocId: briefBodyDocId, mergeValues });
    // The text first: a brief that opens must never show an empty page and then fill.
    if (writes.copyText) await seedRichText(session.id, writes.copyText.to, link, await richTextContent(session.id, writes.copyText.from, link));
    await session.commands.applyAll(writes.operations);
    return writes.id;
  }
  const id = newId();
  await session.commands.create('documents', {
    kind: 'brief', title, campaignId: campaign?.id ?? null, bodyDocId: briefBodyDocId(id), mergeValues,
  }, { id });
  if (start === 'sections') {
    await seedRichText(session.id, briefBodyDocId(id), link, briefTemplateUpdate(RICH_TEXT_FIELD, {
      campaignName: campaign?.name, keyMessages: campaign?.keyMessages, startsOn: campaign?.startsOn, endsOn: campaign?.endsOn,
    }));
  }
  return id;
}

/**
 * The next version of a brief: for a program, next month's brief; its text
 * starts as a copy of this one's, to be updated rather than rewritten.
 */
export async function createNextVersion(session: WorkspaceSession, link: RichTextLink | null, brief: BriefRow, versions: readonly BriefRow[], campaign: BriefCampaign | null): Promise<string> {
  const id = newId();
  const latest = [...versions].sort((a, b) => b.version - a.version)[0] ?? brief;
  const month = campaign?.kind === 'program' ? nextBriefMonth(latest.mergeValues.month ?? null, new Date()) : null;
  const version = Math.max(...versions.map((v) => v.version), brief.version) + 1;
  const title = month && campaign ? monthlyBriefTitle(campaign.name, month) : `${brief.title.replace(/ \(v\d+\)$/, '')} (v${version})`;
  const content = await richTextContent(session.id, brief.bodyDocId ?? briefBodyDocId(brief.id), link);
  await session.commands.create('documents', {
    kind: 'brief', title, campaignId: brief.campaignId, bodyDocId: briefBodyDocId(id), version, parentId: brief.id,
    mergeValues: month ? { month } : {}, body: brief.body, moodBoard: brief.moodBoard ?? [],
  }, { id });
  await seedRichText(session.id, briefBodyDocId(id), link, content);
  return id;
}
