import { Button, Checkbox, Group, Modal, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useRxQuery } from '../../hooks/use-rx-query';
import { campaignPlanSource, type PlanCampaign, type PlanEngagement } from '../../../../shared/documents/campaign-plan-from-records';
import type { CreatorLike } from '../../../../shared/documents/contract-from-records';
import type { DocumentRequest } from '../../../../shared/documents/requests';
import { PdfPreviewModal } from './pdf-preview-modal';
import { NumberField } from '../../components/number-field';
import { readTyped } from '../../components/number-locale';
import { days } from '../../../../shared/domain/number-fields';
import { useBrandKit } from './use-brand-kit';
import { brandHandleProblem, guidePlatformLabels, guidePlatforms, type GuidePlatform, type GuideTemplateSettings } from '../../../../shared/documents/whitelisting-guide';
import { formatLongDate } from '../../../../shared/domain/usage-rights';
import { AdAccessGuideTemplates } from '../rights/ad-access-guide-templates';
import { useRecordedAccess } from '../rights/use-recorded-access';

type Kind = 'campaign-plan' | 'opt-in-form' | 'whitelisting-guide';
const kindLabels: Record<Kind, string> = { 'campaign-plan': 'Campaign plan', 'opt-in-form': 'Opt-in form', 'whitelisting-guide': 'Ad access guide' };
const kindHelp: Record<Kind, string> = {
  'campaign-plan': 'For leadership: goals, budget and what is committed, the creator mix, the pipeline and every creator with their fee.',
  'opt-in-form': 'For creators before products ship: address, sizes, product choices and agreement, as fields they fill in any PDF reader. Leave the creator empty for a blank form.',
  'whitelisting-guide': 'For one creator: step by step, how to give your brand ad access with Meta partnership ads and TikTok Spark codes, with your handles and theirs.',
};

/** The same bounds as the guide's request schema (requests.ts), said the same way. */
const sparkDaysSpec = { ...days('Duration', 7, 365, 'Spark codes last at most 365 days.'), minReason: 'Spark codes last 7 days or more.' };

interface CampaignRow extends PlanCampaign { id: string; productIds?: string[] }
interface EngagementRow extends PlanEngagement { id: string }

const handleOn = (c: CreatorLike | undefined, platform: string) => c?.accounts?.find((a) => a.platform === platform)?.handle ?? '';

/** Campaign plans, opt-in forms and ad access guides: pick the campaign (and creator), fill the specifics, preview. */
export function CampaignDocumentsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { kit } = useBrandKit();
  const [kind, setKind] = useState<Kind>('campaign-plan');
  const campaigns = useRxQuery<CampaignRow>('campaigns', { selector: { deletedAt: null }, sort: [{ name: 'asc' }] }, 'doc-campaigns');
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const campaign = campaigns?.find((c) => c.id === campaignId) ?? null;
  const engagements = useRxQuery<EngagementRow>('engagements', { selector: { campaignId: campaignId ?? '-', deletedAt: null } }, `doc-engagements-${campaignId}`);
  const creatorIds = useMemo(() => (engagements ?? []).map((e) => e.creatorId), [engagements]);
  const creators = useRxQuery<CreatorLike>('creators', { selector: { id: { $in: creatorIds } } }, `doc-creators-${creatorIds.join(',').slice(0, 2000)}`);
  const creatorById = useMemo(() => new Map((creators ?? []).map((c) => [c.id, c])), [creators]);
  const products = useRxQuery<{ id: string; name: string; variants: Array<{ name: string }> }>('products', { selector: { deletedAt: null }, sort: [{ name: 'asc' }] }, 'doc-products');
  const [creatorId, setCreatorId] = useState<string | null>(null);
  const creator = creatorId ? creatorById.get(creatorId) : undefined;

  const [sizes, setSizes] = useState<string[]>(['Shoe size (EU)', 'T-shirt size']);
  const [productIds, setProductIds] = useState<string[]>([]);
  // The products to choose from start as the campaign's own, in its order (the person may change them).
  const productsFor = useRef<string | null>(null);
  useEffect(() => {
    if (!campaign || !products || productsFor.current === campaign.id) return;
    productsFor.current = campaign.id;
    const live = new Set(products.map((p) => p.id));
    setProductIds((campaign.productIds ?? []).filter((id) => live.has(id)));
  }, [campaign, products]);
  const [agreement, setAgreement] = useState('I agree to post about the products within 30 days of receiving them, marked #ad, as set out in my agreement with the brand.');
  const [returnBy, setReturnBy] = useState('');
  const [returnTo, setReturnTo] = useState('');
  const [brandInstagram, setBrandInstagram] = useState('');
  const [brandTiktok, setBrandTiktok] = useState('');
  const [guideParts, setGuideParts] = useState<GuidePlatform[]>([...guidePlatforms]);
  const [metaBusiness, setMetaBusiness] = useState('');
  const [sparkDaysText, setSparkDaysText] = useState('60');
  const [accessUntil, setAccessUntil] = useState('');
  const [deadline, setDeadline] = useState('');
  const [adAccount, setAdAccount] = useState('');
  const [templateProblems, setTemplateProblems] = useState<string[]>([]);
  const recorded = useRecordedAccess(kind === 'whitelisting-guide' ? creatorId : null, campaignId);
  // What is recorded for the creator fills the guide once per creator; the person may still change it.
  const filledFor = useRef('');
  useEffect(() => {
    const key = `${campaignId}:${creatorId}`;
    // An empty answer may be the query before it caught up with the new creator: wait for something to fill in.
    const something = recorded && (recorded.platforms.length || recorded.accessUntil || recorded.sparkDays != null || recorded.adAccount);
    if (!something || filledFor.current === key) return;
    filledFor.current = key;
    if (recorded.platforms.length) setGuideParts(recorded.platforms);
    if (recorded.accessUntil) setAccessUntil(formatLongDate(recorded.accessUntil));
    if (recorded.sparkDays != null) setSparkDaysText(String(recorded.sparkDays));
    if (recorded.adAccount) setAdAccount(recorded.adAccount);
  }, [recorded, campaignId, creatorId]);
  const recordedNote = recorded && (recorded.platforms.length || recorded.accessUntil || recorded.adAccount)
    ? `Filled in from the ad access recorded for this creator: ${[
      recorded.platforms.map((p) => guidePlatformLabels[p]).join(' and '),
      recorded.accessUntil ? `until ${formatLongDate(recorded.accessUntil)}` : '',
      recorded.sparkDays != null ? `${recorded.sparkDays}-day Spark code` : '',
      recorded.adAccount ? `ad account ${recorded.adAccount}` : '',
    ].filter(Boolean).join(', ')}.` : null;
  const templateSettings: GuideTemplateSettings = {
    platforms: guideParts, brandInstagram, brandTiktok, metaBusinessName: metaBusiness, sparkDays: null, sendCodesTo: returnTo, adAccount,
  };
  const applyTemplate = (t: GuideTemplateSettings, problems: string[]) => {
    setGuideParts(t.platforms); setBrandInstagram(t.brandInstagram); setBrandTiktok(t.brandTiktok); setMetaBusiness(t.metaBusinessName);
    if (t.sparkDays != null) setSparkDaysText(String(t.sparkDays));
    setReturnTo(t.sendCodesTo); if (t.adAccount) setAdAccount(t.adAccount);
    setTemplateProblems(problems);
  };
  const [preview, setPreview] = useState<DocumentRequest | null>(null);

  const spark = readTyped(sparkDaysText, sparkDaysSpec);
  const sparkProblem = kind !== 'whitelisting-guide' ? null : !spark.ok ? spark.reason : spark.value == null ? 'Say how many days the Spark code lasts.' : null;
  // The guide tells creators to search for the brand's handles, so it is not made without them (never with the brand's name instead).
  const handleProblems = kind !== 'whitelisting-guide' ? [] : guideParts.map((p) => brandHandleProblem(p, p === 'meta' ? brandInstagram : brandTiktok)).filter((p): p is string => !!p);
  const shownHandleError = (platform: GuidePlatform, value: string) => (guideParts.includes(platform) && value.trim() ? brandHandleProblem(platform, value) ?? undefined : undefined);
  const guideProblem = kind !== 'whitelisting-guide' ? null : !guideParts.length ? 'Choose what the guide explains: Meta partnership ads, TikTok Spark Ads or both.' : handleProblems[0] ?? null;
  const ready = !!campaign && (kind !== 'whitelisting-guide' || (!!creator && !sparkProblem && !guideProblem));
  const sparkEmpty = spark.ok && spark.value == null ? 'Say how many days the Spark code lasts.' : undefined;
  const build = (): DocumentRequest | null => {
    if (!campaign) return null;
    if (kind === 'campaign-plan') {
      const names = new Map([...creatorById].map(([id, c]) => [id, { name: c.name, handle: c.accounts?.[0]?.handle ? `@${c.accounts[0].handle.replace(/^@/, '')}` : '' }]));
      const src = campaignPlanSource(campaign, engagements ?? [], names);
      return { ...src, kind: 'campaign-plan', campaignKind: src.kind, brand: kit };
    }
    if (kind === 'opt-in-form') {
      return {
        kind: 'opt-in-form', brand: kit, campaignName: campaign.name, creatorName: creator?.name ?? '', creatorEmail: creator?.emails?.find((e) => e.primary)?.address ?? '',
        sizeQuestions: sizes.map((label, i) => ({ key: label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || `size-${i + 1}`, label })),
        products: productIds.flatMap((id) => products?.filter((p) => p.id === id) ?? []).map((p) => ({ id: p.id, name: p.name, options: p.variants.length ? `${p.variants[0].name}–${p.variants[p.variants.length - 1].name}` : '' })),
        agreement, returnBy, returnTo,
      };
    }
    if (!spark.ok || spark.value == null) return null;
    return {
      kind: 'whitelisting-guide', brand: kit, creatorName: creator?.name ?? '', creatorInstagram: handleOn(creator, 'instagram'), creatorTiktok: handleOn(creator, 'tiktok'),
      brandInstagram, brandTiktok, platforms: guideParts, metaBusinessName: metaBusiness, sparkDays: spark.value, accessUntil, sendCodesTo: returnTo, deadline, adAccount,
    };
  };

  return (
    <>
      <Modal opened={opened && !preview} onClose={onClose} title="Plans, guides and forms" size="lg">
        <Stack>
          <SegmentedControl value={kind} onChange={(v) => setKind(v as Kind)} data={(Object.keys(kindLabels) as Kind[]).map((k) => ({ value: k, label: kindLabels[k] }))} />
          <Text size="sm" c="dimmed">{kindHelp[kind]}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label="Campaign" placeholder="Choose the campaign" searchable data={(campaigns ?? []).map((c) => ({ value: c.id, label: c.name }))} value={campaignId}
              onChange={(v) => { setCampaignId(v); setCreatorId(null); }} nothingFoundMessage="No campaign with that name" />
            {kind !== 'campaign-plan' && (
              <Select label="Creator" placeholder={kind === 'opt-in-form' ? 'Blank form for anyone' : 'Choose the creator'} searchable clearable disabled={!campaign}
                data={(engagements ?? []).filter((e) => creatorById.has(e.creatorId)).map((e) => ({ value: e.creatorId, label: creatorById.get(e.creatorId)!.name }))}
                value={creatorId} onChange={setCreatorId} nothingFoundMessage="Nobody with that name in this campaign" />
            )}
          </SimpleGrid>
          {kind === 'opt-in-form' && (
            <>
              <TagsInput label="Size questions" description="Press Enter after each" value={sizes} onChange={setSizes} maxTags={12} />
              <MultiSelect label="Products to choose from" data={(products ?? []).map((p) => ({ value: p.id, label: p.name }))} value={productIds} onChange={setProductIds} searchable />
              <Textarea label="What the creator agrees to" value={agreement} onChange={(e) => setAgreement(e.currentTarget.value)} autosize minRows={2} />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label="Send it back by" placeholder="e.g. 1 March 2026" value={returnBy} onChange={(e) => setReturnBy(e.currentTarget.value)} />
                <TextInput label="Send it back to" placeholder="e.g. seeding@brand.com" value={returnTo} onChange={(e) => setReturnTo(e.currentTarget.value)} />
              </SimpleGrid>
            </>
          )}
          {kind === 'whitelisting-guide' && (
            <AdAccessGuideTemplates current={{ ...templateSettings, sparkDays: spark.ok ? spark.value : null }} activationModels={campaign?.activationModels ?? []} onApply={applyTemplate} />
          )}
          {kind === 'whitelisting-guide' && templateProblems.map((p) => <Text key={p} size="sm" c="orange.8">{p}</Text>)}
          {kind === 'whitelisting-guide' && recordedNote && <Text size="sm" c="teal.8" data-testid="guide-recorded">{recordedNote}</Text>}
          {kind === 'whitelisting-guide' && recorded?.sparkDaysNote && <Text size="sm" c="orange.8">{recorded.sparkDaysNote}</Text>}
          {kind === 'whitelisting-guide' && (
            <Checkbox.Group label="The guide explains" value={guideParts} onChange={(v) => setGuideParts(guidePlatforms.filter((p) => v.includes(p)))}>
              <Group mt={6}>{guidePlatforms.map((p) => <Checkbox key={p} value={p} label={guidePlatformLabels[p]} />)}</Group>
            </Checkbox.Group>
          )}
          {kind === 'whitelisting-guide' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Brand on Instagram" placeholder="@yourbrand" value={brandInstagram} onChange={(e) => setBrandInstagram(e.currentTarget.value)}
                disabled={!guideParts.includes('meta')} withAsterisk={guideParts.includes('meta')} error={shownHandleError('meta', brandInstagram)}
                description="Creators search for it to approve the brand" />
              <TextInput label="Brand on TikTok" placeholder="@yourbrand" value={brandTiktok} onChange={(e) => setBrandTiktok(e.currentTarget.value)}
                disabled={!guideParts.includes('tiktok')} withAsterisk={guideParts.includes('tiktok')} error={shownHandleError('tiktok', brandTiktok)}
                description="Untick TikTok above if the brand is not on it" />
              <TextInput label="Meta business name" placeholder="As creators see it" value={metaBusiness} onChange={(e) => setMetaBusiness(e.currentTarget.value)} />
              <NumberField label="Spark code lasts (days)" spec={sparkDaysSpec} value={sparkDaysText} onChange={setSparkDaysText} error={sparkEmpty} />
              <TextInput label="Ads may run until" placeholder="From the usage rights" value={accessUntil} onChange={(e) => setAccessUntil(e.currentTarget.value)} />
              <TextInput label="Send codes to" placeholder="e.g. ads@brand.com" value={returnTo} onChange={(e) => setReturnTo(e.currentTarget.value)} />
              <TextInput label="Please finish by" value={deadline} onChange={(e) => setDeadline(e.currentTarget.value)} />
              <TextInput label="Ad account" placeholder="From the recorded ad access" value={adAccount} onChange={(e) => setAdAccount(e.currentTarget.value)} />
            </SimpleGrid>
          )}
          {guideProblem && <Text size="sm" c="orange.8" data-testid="guide-problem">{guideProblem}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button leftSection={<IconEye size={16} />} disabled={!ready} onClick={() => setPreview(build())}>Preview</Button>
          </Group>
        </Stack>
      </Modal>
      <PdfPreviewModal request={preview} title={preview ? `Preview · ${kindLabels[preview.kind as Kind] ?? 'Document'}` : ''} onClose={() => setPreview(null)} />
    </>
  );
}
