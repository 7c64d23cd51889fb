import { Alert, Anchor, Stack } from '@mantine/core';
import { IconUserQuestion } from '@tabler/icons-react';
import { useState } from 'react';
import { hrefFor } from '../../app/routes';
import { ComposeCard } from './compose-card';
import { FollowUpQueue } from './follow-up-queue';
import { FollowUpRuleCard } from './follow-up-rule-card';
import { TemplatesCard } from './templates-card';
import { useNow } from './use-now';
import { useCampaignOutreach, useReplyRates, useTemplates } from './use-outreach-data';

/** The campaign's Outreach tab: who needs a follow-up, writing to creators, the templates and the follow-up rule. */
export function OutreachPanel({ campaignId }: { campaignId: string }) {
  const data = useCampaignOutreach(campaignId);
  const templates = useTemplates();
  const rates = useReplyRates();
  const now = useNow();
  const [templateId, setTemplateId] = useState<string | null>(null);
  if (data.loading || !data.campaign || !templates) return null;
  return (
    <Stack>
      {!data.senderName && (
        <Alert color="yellow" variant="light" icon={<IconUserQuestion size={18} />}>
          Messages signed with {'{{sender_name}}'} are held back until you set your name in <Anchor href={hrefFor({ screen: 'settings' })} inherit>Settings → Your name</Anchor>.
        </Alert>
      )}
      <FollowUpQueue campaignId={campaignId} templates={templates} now={now} />
      <ComposeCard campaign={data.campaign} engagements={data.engagements} creatorById={data.creatorById} valuesFor={data.valuesFor}
        templates={templates} templateId={templateId ?? templates.find((t) => t.templateFor === 'outreach-email')?.id ?? null} onTemplate={setTemplateId} />
      <TemplatesCard templates={templates} rates={rates} onCreated={setTemplateId} />
      <FollowUpRuleCard campaign={data.campaign} />
    </Stack>
  );
}
