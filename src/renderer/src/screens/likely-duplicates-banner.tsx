import { Alert, Button, Group, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DuplicateGroup } from '../../../shared/data/likely-duplicates';
import { useWorkspace } from '../app/workspace-context';
import { DuplicatesReviewModal } from './duplicates-review-modal';
import { onDuplicateSearch } from './duplicate-search';
import { notifications } from '@mantine/notifications';
import { reportError } from '../components/report-error';

const SETTLE_MS = 600;

/**
 * Creators added twice (typically by two teammates offline) are kept, never
 * silently merged; this says so above the list and opens the review.
 * `version` changes whenever the creator list does.
 */
export function LikelyDuplicatesBanner({ version }: { version: unknown }) {
  const { session, caughtUp } = useWorkspace();
  const [groups, setGroups] = useState<DuplicateGroup[]>([]);
  const [reviewing, setReviewing] = useState(false);
  // Only the newest check's answer counts: one that started earlier must not wipe out one asked for since.
  const latest = useRef(0);
  // Once someone has asked for namesakes too, later checks keep them in view.
  const withNames = useRef(false);
  // Someone asked from the palette: whichever check answers last opens the review (or says there is nothing).
  const answerAsked = useRef(false);
  const check = useCallback(() => {
    if (!session) return;
    const mine = ++latest.current;
    session.commands.likelyDuplicates(withNames.current ? { names: true } : undefined).then((found) => {
      if (mine !== latest.current) return;
      setGroups(found);
      if (!answerAsked.current) return;
      answerAsked.current = false;
      if (found.length) setReviewing(true);
      else notifications.show({ color: 'teal', message: 'No duplicates found: no two creators share a handle, an email or a name.' });
    }, answerAsked.current ? reportError('The duplicate search did not finish') : () => undefined);
  }, [session]);

  useEffect(() => {
    if (!caughtUp) return;
    // Checked in the data worker, after the list settles: it reads every creator.
    const timer = setTimeout(check, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [check, caughtUp, version]);

  // Asked for from the palette: answered once the workspace has caught up, never from a half-loaded list.
  const [asked, setAsked] = useState(false);
  useEffect(() => onDuplicateSearch(() => setAsked(true)), []);
  useEffect(() => {
    if (!asked || !caughtUp) return;
    setAsked(false);
    withNames.current = true;
    answerAsked.current = true;
    check();
  }, [asked, caughtUp, check]);

  if (groups.length === 0) return null;
  const people = groups.length === 1 ? 'One creator may be' : `${groups.length} creators may be`;
  return (
    <>
      <Alert color="yellow" variant="light" radius="lg" mb="md" icon={<IconCopy size={18} />} data-testid="duplicates-banner">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">
            <b>{people} in your list twice</b>, with the same handle, email or name — often added by two people while offline. Nothing was merged without you.
          </Text>
          <Button size="xs" variant="white" color="yellow.9" onClick={() => setReviewing(true)} style={{ flexShrink: 0 }}>Review</Button>
        </Group>
      </Alert>
      <DuplicatesReviewModal groups={groups} opened={reviewing} onClose={() => setReviewing(false)}
        onResolved={(ids) => setGroups((all) => all.filter((g) => !g.ids.some((id) => ids.includes(id))))} />
    </>
  );
}
