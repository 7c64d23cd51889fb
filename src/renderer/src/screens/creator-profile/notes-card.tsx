import { Card, Text } from '@mantine/core';
import { useCallback, useRef } from 'react';
import * as Y from 'yjs';
import { plainTextSeed } from '../../../../shared/data/rich-text';
import { SYSTEM_ORIGIN } from '../../../../shared/data/ydoc';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { CollaborativeText } from '../../components/rich-text/collaborative-text';
import { RICH_TEXT_FIELD, type RichTextDoc } from '../../data/rich-text/rich-text-doc';
import type { CreatorRow } from '../creator-row';

/** The team's shared notes on a creator: rich text everyone can type in at once. */
export function NotesCard({ creator }: { creator: CreatorRow }) {
  const session = useSession();
  const id = creator.id;
  const notesDocId = `notes-${id}`;
  const savedNotes = useRef(creator.notes);
  savedNotes.current = creator.notes;
  const saveNotesText = useCallback((notes: string) => {
    if (notes === savedNotes.current) return;
    // The words are kept on the record too, for search and the table; the rich text is the original.
    session.commands.update('creators', id, { notes: notes.slice(0, 5000) }, { origin: SYSTEM_ORIGIN }).catch(reportError('Your notes were not saved for search'));
  }, [session, id]);
  const prepareNotes = (doc: RichTextDoc) => {
    // Notes typed before rich text existed become its first paragraphs, once.
    if (creator.notesDocId) return;
    if (doc.isEmpty() && creator.notes) Y.applyUpdate(doc.doc, plainTextSeed(notesDocId, RICH_TEXT_FIELD, creator.notes));
    session.commands.update('creators', id, { notesDocId }, { origin: SYSTEM_ORIGIN }).catch(reportError('Your notes could not be linked to this creator'));
  };
  return (
    <Card withBorder radius="lg">
      <Text fw={700} mb="sm">Notes</Text>
      <CollaborativeText docId={notesDocId} recordId={id} field="notes" label="Notes" readOnly={!!creator.deletedAt}
        placeholder="What the team should know: how they like to be contacted, what worked last time…"
        prepare={prepareNotes} onText={saveNotesText} minHeight={90} />
    </Card>
  );
}
