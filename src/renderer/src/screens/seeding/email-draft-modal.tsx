import { Alert, Anchor, Button, Group, Modal, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconCopy, IconMail } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { describeProblems, fieldLabel, renderTemplate, type MergeValues } from '../../../../shared/domain/merge-fields';
import { mailtoLink } from '../../../../shared/domain/shipping-notice';

export interface EmailDraft {
  to: string;
  values: MergeValues;
  subject: string;
  body: string;
  /** Where the template is remembered on this computer, so an edit is kept for the next email. */
  storageKey: string;
  title: string;
}

/**
 * An email from a template: every merged value shown in place, missing ones
 * in red, and nothing can be opened or copied while a field is missing: a
 * creator must never get "Tracking number: ".
 */
export function EmailDraftModal({ draft, onClose }: { draft: EmailDraft | null; onClose: () => void }) {
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  useEffect(() => {
    if (!draft) return;
    const saved = localStorage.getItem(draft.storageKey);
    const parsed = saved ? (JSON.parse(saved) as { subject: string; body: string }) : null;
    setSubject(parsed?.subject ?? draft.subject);
    setBody(parsed?.body ?? draft.body);
  }, [draft]);
  if (!draft) return null;
  const remember = (next: { subject: string; body: string }) => localStorage.setItem(draft.storageKey, JSON.stringify(next));
  const renderedSubject = renderTemplate(subject, draft.values);
  const renderedBody = renderTemplate(body, draft.values);
  const problems = describeProblems({ missing: [...new Set([...renderedSubject.missing, ...renderedBody.missing])], unknown: [...new Set([...renderedSubject.unknown, ...renderedBody.unknown])] });
  const ready = renderedSubject.ready && renderedBody.ready && Boolean(draft.to);
  const copy = async () => {
    await navigator.clipboard.writeText(`${renderedSubject.text}\n\n${renderedBody.text}`);
    notifications.show({ message: 'Email copied: paste it into your mail or DM' });
  };
  return (
    <Modal opened onClose={onClose} title={draft.title} size="xl">
      <Stack>
        <Group grow align="flex-start">
          <Stack gap="xs">
            <TextInput label="Subject" value={subject} onChange={(e) => { setSubject(e.currentTarget.value); remember({ subject: e.currentTarget.value, body }); }} />
            <Textarea label="Template" description="Merge fields such as {{first_name}} and {{tracking_link}} are filled in for each creator" autosize minRows={12} value={body}
              onChange={(e) => { setBody(e.currentTarget.value); remember({ subject, body: e.currentTarget.value }); }} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }} />
            <Anchor component="button" size="xs" ta="left" onClick={() => { setSubject(draft.subject); setBody(draft.body); localStorage.removeItem(draft.storageKey); }}>Back to the standard template</Anchor>
          </Stack>
          <Stack gap="xs">
            <Text size="sm" fw={500}>To: {draft.to || <Text span c="red" size="sm">no email address on file</Text>}</Text>
            <Paper withBorder radius="md" p="sm" data-testid="email-preview">
              <Text fw={600} size="sm" mb="xs"><Segments rendered={renderedSubject} /></Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}><Segments rendered={renderedBody} /></Text>
            </Paper>
          </Stack>
        </Group>
        {problems && (
          <Alert color="orange" variant="light" title="Fill these in before sending">
            {problems}{renderedBody.missing.includes('sender_name') || renderedSubject.missing.includes('sender_name') ? '. Set your name in Settings → Your name, or sign the template by hand.' : ''}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" leftSection={<IconCopy size={16} />} disabled={!renderedSubject.ready || !renderedBody.ready} onClick={() => void copy()}>Copy</Button>
          <Button component="a" href={ready ? mailtoLink(draft.to, renderedSubject.text, renderedBody.text) : undefined} leftSection={<IconMail size={16} />} disabled={!ready}
            data-disabled={!ready || undefined} onClick={(e) => { if (!ready) e.preventDefault(); }}>Open in mail client</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Segments({ rendered }: { rendered: ReturnType<typeof renderTemplate> }) {
  return (
    <>
      {rendered.segments.map((s, i) => {
        if (s.kind === 'text') return <span key={i}>{s.text}</span>;
        if (s.kind === 'field') return <Text key={i} span c="teal.8" fw={600} inherit>{s.value}</Text>;
        if (s.kind === 'missing') return <Text key={i} span c="red" fw={600} inherit>[{fieldLabel(s.key)} missing]</Text>;
        return <Text key={i} span c="red" td="underline" inherit>{s.raw}</Text>;
      })}
    </>
  );
}
