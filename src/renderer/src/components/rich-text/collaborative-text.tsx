import { Skeleton, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useWorkspace } from '../../app/workspace-context';
import { acquireRichText } from '../../data/rich-text/open-rich-text';
import { useRichTextLink } from '../../hooks/use-rich-text-link';
import type { RichTextDoc } from '../../data/rich-text/rich-text-doc';
import { RichTextBody, type RichTextBodyProps } from './rich-text-body';

export interface CollaborativeTextProps extends Omit<RichTextBodyProps, 'doc'> {
  docId: string;
  /** Runs once the local copy is loaded, before the editor shows: e.g. to start from older plain notes. */
  prepare?: (doc: RichTextDoc) => void;
}

/**
 * A rich-text document edited together: opens its Y.Doc (local copy first,
 * the team server's room when the workspace is connected), then shows the
 * editor. Works the same offline; changes merge when back online.
 */
export function CollaborativeText({ docId, prepare, ...body }: CollaborativeTextProps) {
  const { session } = useWorkspace();
  const link = useRichTextLink();
  const [doc, setDoc] = useState<RichTextDoc | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    if (!session) return;
    const { doc: opened, release } = acquireRichText(session.id, docId, link);
    let live = true;
    opened.loaded.then(() => {
      if (!live) return;
      prepare?.(opened);
      setDoc(opened);
    }, (error: unknown) => live && setFailed(error instanceof Error ? error.message : String(error)));
    return () => {
      live = false;
      setDoc(null);
      release();
    };
    // `prepare` is read once per document, on purpose: it seeds, it does not follow renders.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session, docId, link]);

  if (failed) return <Text size="sm" c="red">This text could not be opened on this computer: {failed}</Text>;
  if (!doc) return <Skeleton height={body.minHeight ?? 120} radius="md" />;
  return <RichTextBody key={docId} doc={doc} {...body} />;
}
