import { Alert, Autocomplete, Button, FileButton, Group, Modal, SegmentedControl, Select, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { CommandError } from '../../../../shared/data/command-error';
import { newId } from '../../../../shared/data/ids';
import { fileSwipeOperations, readLink, type StoredFile, type SwipeDraft, type SwipeKind, type SwipeOwner, type swipeFacets } from '../../../../shared/domain/swipe-file';
import { useSession } from '../../app/workspace-context';
import { uploadFile } from '../library/import-files';
import { ownerLabels, type SwipeAsset, type SwipeRow } from './swipe-rows';

interface Props {
  /** A new item of this kind, or an item to edit. */
  start: { kind: SwipeKind } | { item: SwipeRow };
  facets: ReturnType<typeof swipeFacets>;
  assets: SwipeAsset[];
  onClose: () => void;
}

const kindTitles: Record<SwipeKind, string> = { link: 'Save a link', idea: 'Write down an idea', file: 'Save a file' };

export function SwipeFormModal({ start, facets, assets, onClose }: Props) {
  const session = useSession();
  const editing = 'item' in start ? start.item : null;
  const [draft, setDraft] = useState<SwipeDraft>(() => editing
    ? { kind: editing.kind, url: editing.url, title: editing.title, notes: editing.notes, tags: editing.tags, board: editing.board, ownerKind: editing.ownerKind, ownerName: editing.ownerName }
    : { kind: (start as { kind: SwipeKind }).kind, url: '', title: '', notes: '', tags: [], board: '', ownerKind: 'competitor', ownerName: '' });
  const [assetId, setAssetId] = useState<string | null>(editing?.assetId ?? null);
  const [uploaded, setUploaded] = useState<StoredFile | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof SwipeDraft>(key: K, value: SwipeDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const upload = async (file: File | null) => {
    if (!file) return;
    setUploading(file.name);
    setErrors((e) => ({ ...e, assetId: '' }));
    try {
      const stored = await uploadFile(file, () => undefined);
      // The same file already in the Library is used as it is, not kept twice.
      const existing = assets.find((a) => a.sha256 === stored.sha256);
      if (existing) { setAssetId(existing.id); setUploaded(null); } else { setUploaded(stored); setAssetId(null); }
    } catch (error) {
      setErrors((e) => ({ ...e, assetId: `“${file.name}” was not uploaded: ${error instanceof Error ? error.message : String(error)}` }));
    } finally {
      setUploading(null);
    }
  };

  const save = async () => {
    const found: Record<string, string> = {};
    let url = draft.url;
    if (draft.kind === 'link') {
      const link = readLink(draft.url);
      if (link.problem !== null) found.url = link.problem;
      else url = link.url;
    }
    if (draft.kind === 'file' && !uploaded && !assetId) found.assetId = 'Choose a Library file or upload a screenshot';
    if (draft.ownerKind !== 'ours' && !draft.ownerName.trim()) found.ownerName = draft.ownerKind === 'competitor' ? 'Name the competitor' : 'Name the creator';
    setErrors(found);
    if (Object.keys(found).length) return;
    const fields = { title: draft.title.trim(), notes: draft.notes, tags: draft.tags, board: draft.board.trim(), ownerKind: draft.ownerKind, ownerName: draft.ownerKind === 'ours' ? '' : draft.ownerName.trim() };
    setSaving(true);
    try {
      if (editing) {
        // A changed address is read again.
        const relink = draft.kind === 'link' && url !== editing.url ? { url, thumbnail: '', description: '', fetchedAt: null, fetchProblem: null } : {};
        await session.commands.update('swipes', editing.id, { ...fields, ...relink, ...(draft.kind === 'file' && assetId ? { assetId } : {}) });
      } else if (draft.kind === 'file') {
        const asset = assets.find((a) => a.id === assetId);
        await session.commands.applyAll(fileSwipeOperations({ ...draft, url: '' }, uploaded ? { uploaded } : { asset: { id: assetId!, ownerKind: asset?.ownerKind ?? null } }, newId));
      } else {
        await session.commands.create('swipes', { kind: draft.kind, url: draft.kind === 'link' ? url : '', ...fields });
      }
      onClose();
    } catch (error) {
      if (error instanceof CommandError) setErrors(error.fields);
      else setErrors({ form: error instanceof Error ? error.message : String(error) });
    } finally {
      setSaving(false);
    }
  };

  const pickable = assets.filter((a) => a.kind === 'image' || a.kind === 'video').map((a) => ({ value: a.id, label: a.fileName }));
  return (
    <Modal opened onClose={onClose} title={editing ? 'Edit the swipe-file item' : kindTitles[draft.kind]} size="lg">
      <Stack>
        {draft.kind === 'link' && (
          <TextInput label="Link" placeholder="https://www.tiktok.com/@brand/video/…" data-autofocus value={draft.url} error={errors.url}
            description="The page’s title and picture are read when you are online; offline, the link is saved now and filled in later."
            onChange={(e) => set('url', e.currentTarget.value)} />
        )}
        {draft.kind === 'file' && (
          <Stack gap={6}>
            <Group align="flex-end" wrap="nowrap">
              <Select label="Library file" placeholder={uploaded ? uploaded.fileName : 'Choose a photo or video'} searchable clearable data={pickable} style={{ flex: 1 }}
                value={assetId} onChange={(v) => { setAssetId(v); setUploaded(null); }} error={errors.assetId} />
              <FileButton onChange={(f) => void upload(f)} accept="image/*,video/*">
                {(props) => <Button {...props} variant="default" leftSection={<IconUpload size={16} />} loading={uploading !== null} data-testid="swipe-upload">Upload a screenshot</Button>}
              </FileButton>
            </Group>
            {uploaded && <Text size="sm" c="teal.8">Uploaded “{uploaded.fileName}”: it joins the Library when you save.</Text>}
          </Stack>
        )}
        <TextInput label="Title" placeholder={draft.kind === 'link' ? 'Filled in from the page' : draft.kind === 'idea' ? 'Unboxing in one take' : 'What is good about it'}
          value={draft.title} error={errors.title} onChange={(e) => set('title', e.currentTarget.value)} />
        <Textarea label={draft.kind === 'idea' ? 'The idea' : 'Notes'} autosize minRows={draft.kind === 'idea' ? 4 : 2}
          placeholder="Why you saved it: the hook, the format, what to borrow" value={draft.notes} error={errors.notes} onChange={(e) => set('notes', e.currentTarget.value)} />
        <Stack gap={6}>
          <Text size="sm" fw={500}>Whose content is it?</Text>
          <SegmentedControl value={draft.ownerKind} onChange={(v) => set('ownerKind', v as SwipeOwner)} aria-label="Whose content is it?"
            data={(Object.keys(ownerLabels) as SwipeOwner[]).map((k) => ({ value: k, label: ownerLabels[k] }))} />
          {draft.ownerKind !== 'ours' && (
            <Autocomplete label={draft.ownerKind === 'competitor' ? 'Competitor’s name' : 'Creator’s name'} placeholder={draft.ownerKind === 'competitor' ? 'Glossier' : '@mia.makes'}
              data={facets.owners.filter((o) => o.value !== 'ours').map((o) => o.label)} value={draft.ownerName} error={errors.ownerName} onChange={(v) => set('ownerName', v)} />
          )}
          {draft.ownerKind !== 'ours' && draft.kind === 'file' && (
            <Text size="xs" c="dimmed">Kept in the Library as theirs: for inspiration only, never cut into our ads.</Text>
          )}
        </Stack>
        <Group grow align="flex-start">
          <Autocomplete label="Board" placeholder="Summer launch ideas" data={facets.boards} value={draft.board} error={errors.board} onChange={(v) => set('board', v)} />
          <TagsInput label="Tags" placeholder="hook, unboxing…" data={facets.tags} value={draft.tags} error={errors.tags} onChange={(v) => set('tags', v)} />
        </Group>
        {errors.form && <Alert color="red">{errors.form}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => void save()} loading={saving} disabled={uploading !== null}>{editing ? 'Save changes' : 'Save to the swipe file'}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
