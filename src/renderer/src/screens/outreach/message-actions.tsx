import { Button, CopyButton, Group } from '@mantine/core';
import { IconCheck, IconCopy, IconMailForward } from '@tabler/icons-react';
import { mailtoUrl } from '../../../../shared/domain/outreach-values';

/** Open in the mail app (email) or copy (DM), then log it as sent: opening a draft is not sending it. */
export function MessageActions({ channel, email, subject, text, ready, onLogged, size = 'xs' }: {
  channel: 'email' | 'dm'; email: string | null; subject: string; text: string; ready: boolean; onLogged: () => void; size?: 'xs' | 'sm';
}) {
  return (
    <Group gap={6} wrap="nowrap">
      {channel === 'email' ? (
        <Button size={size} variant="light" component="a" href={ready && email ? mailtoUrl(email, subject, text) : undefined}
          disabled={!ready || !email} leftSection={<IconMailForward size={14} />}>Open in mail app</Button>
      ) : (
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button size={size} variant="light" onClick={copy} disabled={!ready} leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}>
              {copied ? 'Copied' : 'Copy message'}
            </Button>
          )}
        </CopyButton>
      )}
      <Button size={size} variant="default" disabled={!ready} onClick={onLogged}>Log as sent</Button>
    </Group>
  );
}
