import { moneyFrom } from '../domain/fields';
import { freshChecklist } from '../domain/review-rounds';
import type { DemoRecords } from './generate';
import { demoFormat } from './formats';

const at = (today: string, daysAgo: number, hour = 10) => new Date(Date.parse(`${today}T${String(hour).padStart(2, '0')}:00:00Z`) - daysAgo * 86_400_000).toISOString();
const dateAfter = (today: string, days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The sample's content review and usage rights: a few drafts in rounds (one
 * approved at v2, one waiting, one sent back with changes) and rights on a
 * few posts (paid use running, one ending within two weeks, one expired, one
 * organic with no end), so every screen has something true to show.
 */
export function addReviewDemo(records: DemoRecords, today: string): void {
  const engagements = records.engagements ?? [];
  const content = (records.content ??= []);
  const rights = (records.rights ??= []);
  const activities = (records.activities ??= []);
  const posted = engagements.filter((e) => e.input.terms);
  const waiting = engagements.filter((e) => !e.input.terms && e.input.campaignId === 'demo-ca-spring').slice(0, 4);
  const checklist = (ticks: number) => freshChecklist().map((item, i) => ({ ...item, done: i < ticks }));

  // Creators who have not posted yet get a deliverable, so their drafts have something to count rounds against.
  for (const [i, e] of waiting.entries()) {
    const creator = records.creators?.find((c) => c.id === e.input.creatorId);
    e.input.terms = { deliverables: [{ id: 'd1', platform: creator?.input.accounts?.[0]?.platform ?? 'instagram', format: demoFormat(creator?.input.accounts?.[0]?.platform ?? 'instagram', i), quantity: 1, dueOn: dateAfter(today, 5 + i * 3) }] };
  }

  const draft = (id: string, e: (typeof engagements)[number], round: number, daysAgo: number, review: Record<string, unknown>, ticks: number) => {
    content.push({ id, input: { kind: 'submission', creatorId: e.input.creatorId, campaignId: e.input.campaignId, engagementId: e.id, deliverableId: 'd1', round, url: `https://drive.google.com/file/d/demo-${id}/view`, caption: round === 1 ? 'First cut: 28 s, morning routine, product at 0:04.' : 'v2 with #ad up front and the code on screen.', checklist: checklist(ticks), review } as never });
    activities.push({ id: `${id}-ac`, input: { kind: 'content', title: `Draft v${round} submitted for review`, at: at(today, daysAgo), creatorId: e.input.creatorId, campaignId: e.input.campaignId, engagementId: e.id, data: { contentId: id, round } } });
  };
  const changes = [
    { what: 'The #ad disclosure', how: 'Say #ad in the first line of the caption and on screen in the first 3 seconds, not at the end.', piece: 'Caption, 0:00–0:03' },
    { what: 'The product shot', how: 'Hold the serum bottle label to camera for a full second so the name can be read.', piece: '0:04–0:06' },
  ];
  if (posted[0]) {
    draft('demo-sub-1a', posted[0], 1, 12, { status: 'changes-requested', reviewerId: null, decidedAt: at(today, 11), feedback: changes, note: 'Love the hook and the light.' }, 2);
    draft('demo-sub-1b', posted[0], 2, 9, { status: 'approved', reviewerId: null, decidedAt: at(today, 8), feedback: [] }, 4);
  }
  if (waiting[0]) draft('demo-sub-2a', waiting[0], 1, 2, { status: 'pending', reviewerId: null }, 0);
  if (waiting[1]) {
    draft('demo-sub-3a', waiting[1], 1, 6, { status: 'changes-requested', reviewerId: null, decidedAt: at(today, 5), feedback: [changes[0]] }, 3);
    draft('demo-sub-3b', waiting[1], 2, 1, { status: 'pending', reviewerId: null }, 0);
  }
  if (waiting[2]) draft('demo-sub-4a', waiting[2], 1, 4, { status: 'changes-requested', reviewerId: null, decidedAt: at(today, 3), feedback: [changes[1]] }, 3);

  const posts = content.filter((c) => c.input.kind === 'post').slice(0, 4);
  const terms = [
    { channels: ['organic-social', 'paid-social-meta', 'website'], startsOn: dateAfter(today, -20), endsOn: dateAfter(today, 70), fee: moneyFrom(400, 'USD'), extensionOption: '+6 months paid social', extensionPrice: moneyFrom(250, 'USD'), source: 'contract', evidence: 'Contract §7 (usage)', exclusivity: 'No competing skincare brand for 60 days' },
    { channels: ['paid-social-tiktok', 'whitelisting'], startsOn: dateAfter(today, -80), endsOn: dateAfter(today, 10), fee: moneyFrom(300, 'USD'), extensionOption: '+3 months on request', extensionPrice: moneyFrom(150, 'USD'), source: 'contract', evidence: 'Contract §7', exclusivity: '' },
    { channels: ['paid-social-meta'], startsOn: dateAfter(today, -120), endsOn: dateAfter(today, -5), fee: moneyFrom(200, 'USD'), extensionOption: '', extensionPrice: null, source: 'dm', evidence: 'Instagram DM, screenshot in the library', exclusivity: '' },
    { channels: ['organic-social'], startsOn: dateAfter(today, -30), endsOn: null, fee: null, extensionOption: '', extensionPrice: null, source: 'program-terms', evidence: 'Run Club ambassador terms', exclusivity: '' },
  ];
  posts.forEach((post, i) => {
    rights.push({ id: `demo-ri-${i + 1}`, input: { contentId: post.id, creatorId: post.input.creatorId, campaignId: post.input.campaignId ?? null, territories: ['WW'], paidUse: terms[i].channels.some((c) => c.startsWith('paid') || c === 'whitelisting'), ...terms[i] } as never });
  });
}
