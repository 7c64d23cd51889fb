import { Group, Stack, Text } from '@mantine/core';
import { RichTextEditor } from '@mantine/tiptap';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import Placeholder from '@tiptap/extension-placeholder';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect } from 'react';
import type * as Y from 'yjs';
import { richTextToPlain } from '../../../../shared/data/rich-text';
import { setEditingFocus } from '../../data/editing-focus';
import type { RichTextDoc } from '../../data/rich-text/rich-text-doc';
import { useMe } from '../../hooks/use-me';
import { caretLabel } from './caret-label';
import classes from './rich-text.module.css';
import { SaveState } from './save-state';

export interface RichTextBodyProps {
  doc: RichTextDoc;
  /** For presence: which record and field this text belongs to. */
  recordId: string;
  field: string;
  label: string;
  placeholder: string;
  readOnly?: boolean;
  minHeight?: number;
  /** The words, after this window's own edits settle: for search and summaries. */
  onText?: (plain: string) => void;
}

const TEXT_SETTLE_MS = 800;

export function RichTextBody({ doc, recordId, field, label, placeholder, readOnly = false, minHeight = 120, onText }: RichTextBodyProps) {
  const me = useMe();
  const editor = useEditor({
    extensions: [
      // The shared document keeps its own undo history (only this person's edits), so the plain one is off.
      StarterKit.configure({ undoRedo: false, link: { openOnClick: false, autolink: true, defaultProtocol: 'https' } }),
      Placeholder.configure({ placeholder }),
      Collaboration.configure({ fragment: doc.fragment }),
      ...(doc.provider ? [CollaborationCaret.configure({ provider: doc.provider, user: { name: me.name, color: me.color }, render: caretLabel })] : []),
    ],
    editable: !readOnly,
    editorProps: { attributes: { 'aria-label': label, 'aria-multiline': 'true', role: 'textbox' } },
    onFocus: () => setEditingFocus({ recordId, field }),
    onBlur: () => setEditingFocus(null),
  }, [doc]);

  useEffect(() => () => setEditingFocus(null), []);

  useEffect(() => {
    if (editor && doc.provider) editor.commands.updateUser({ name: me.name, color: me.color });
  }, [editor, doc.provider, me.name, me.color]);

  useEffect(() => {
    editor?.setEditable(!readOnly);
  }, [editor, readOnly]);

  useEffect(() => {
    if (!onText) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    // Only this window's typing reports text: every laptop saving the same words would be noise.
    const onChange = (_events: unknown, transaction: Y.Transaction) => {
      if (!transaction.local) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => onText(richTextToPlain(doc.fragment)), TEXT_SETTLE_MS);
    };
    doc.fragment.observeDeep(onChange);
    return () => {
      doc.fragment.unobserveDeep(onChange);
      if (timer) {
        clearTimeout(timer);
        onText(richTextToPlain(doc.fragment));
      }
    };
  }, [doc, onText]);

  return (
    <Stack gap={6}>
      <RichTextEditor editor={editor} className={classes.editor} style={{ '--rich-text-min-height': `${minHeight}px` } as React.CSSProperties}>
        {!readOnly && (
          <RichTextEditor.Toolbar>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Bold />
              <RichTextEditor.Italic />
              <RichTextEditor.Underline />
              <RichTextEditor.Strikethrough />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.H2 />
              <RichTextEditor.H3 />
              <RichTextEditor.BulletList />
              <RichTextEditor.OrderedList />
              <RichTextEditor.Blockquote />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Link />
              <RichTextEditor.Unlink />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Undo />
              <RichTextEditor.Redo />
            </RichTextEditor.ControlsGroup>
          </RichTextEditor.Toolbar>
        )}
        <RichTextEditor.Content />
      </RichTextEditor>
      {!readOnly && (
        <Group justify="space-between">
          <SaveState doc={doc} />
          <Text size="xs" c="dimmed">{doc.provider ? 'Your team sees changes as you type · ' : ''}Ctrl+Z undoes your own typing</Text>
        </Group>
      )}
    </Stack>
  );
}
