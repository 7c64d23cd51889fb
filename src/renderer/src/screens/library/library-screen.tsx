import { Alert, Button, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { IconFolderOpen, IconLayoutGrid, IconList, IconPackageExport, IconPhotoVideo, IconSettings, IconUpload } from '@tabler/icons-react';
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import { isNotOurs } from '../../../../shared/domain/swipe-file';
import { emptyFilter, filterAssets } from '../../../../shared/media/library-filter';
import { buildLibraryTable } from '../../../../shared/domain/table-exports/library';
import { EmptyState } from '../../components/empty-state';
import { ExportTableMenu } from '../../components/export-table-menu';
import { PageHeader } from '../../components/page-header';
import { AssetDrawer } from './asset-drawer';
import { AssetGrid } from './asset-grid';
import { AssetTable } from './asset-table';
import { CutJobsPanel } from './cut-jobs-panel';
import { CutModal } from './cut-modal';
import { ExportPackModal } from './export-pack-modal';
import { filesFromDrop } from './import-files';
import { LibraryFilterBar, type LibraryScreenFilter } from './library-filter-bar';
import { NotOursAssetDrawer } from '../swipe-file/not-ours-asset-drawer';
import { rightsLabels, useLibraryData, type AssetRow } from './library-data';
import { PresetsModal } from './presets-modal';
import { useCutJobs } from './use-cut-jobs';
import { useLibraryImport } from './use-library-import';

const VIEW_KEY = 'fanfare.library.view';

export function LibraryScreen() {
  const data = useLibraryData();
  const [filter, setFilter] = useState<LibraryScreenFilter>(emptyFilter);
  const [view, setView] = useState<'grid' | 'list'>(() => (localStorage.getItem(VIEW_KEY) === 'list' ? 'list' : 'grid'));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  const [cutting, setCutting] = useState<AssetRow | null>(null);
  const [exporting, setExporting] = useState(false);
  const [presetsOpen, setPresetsOpen] = useState(false);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const { jobs, problem, workspaceId } = useCutJobs(data.assets, data.loaded);

  const existingShas = useCallback(() => new Set(data.assets.map((a) => a.sha256)), [data.assets]);
  const importer = useLibraryImport(existingShas, { creatorId: filter.creatorId, campaignId: filter.campaignId });

  // The rights filter runs here: it also knows the swipe file's posts that are not ours, which the shared filter does not.
  const shown = useMemo(() => (filterAssets(data.assets, { ...filter, rights: 'any' }, {
    creatorName: (id) => data.creatorName.get(id), campaignName: (id) => data.campaignName.get(id), rightsOf: () => 'none',
  }) as AssetRow[]).filter((a) => filter.rights === 'any' || data.rightsOf(a) === filter.rights), [data, filter]);
  const open = data.assets.find((a) => a.id === openId) ?? null;
  // Someone else's post is never packed for our channels.
  const selectedAssets = data.assets.filter((a) => selected.has(a.id) && !isNotOurs(a));
  const selectedNotOurs = data.assets.filter((a) => selected.has(a.id) && isNotOurs(a)).length;

  const toggle = useCallback((id: string) => setSelected((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  }), []);

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    await importer.run(await filesFromDrop(e.dataTransfer));
  };

  const imp = importer.state;
  const importButtons = (
    <>
      <Button leftSection={<IconUpload size={16} />} onClick={() => fileInput.current?.click()} disabled={imp.running}>Add files</Button>
      <Button variant="default" leftSection={<IconFolderOpen size={16} />} onClick={() => folderInput.current?.click()} disabled={imp.running}>Add a folder</Button>
    </>
  );

  return (
    <div onDragOver={(e) => { e.preventDefault(); setDragging(true); }} onDragLeave={(e) => { if (e.currentTarget === e.target) setDragging(false); }}
      onDrop={(e) => void onDrop(e)} style={{ minHeight: '80vh', position: 'relative' }} data-testid="library-drop-area">
      <input ref={fileInput} type="file" multiple accept="image/*,video/*" hidden data-testid="library-file-input"
        onChange={(e) => { const files = [...(e.currentTarget.files ?? [])]; e.currentTarget.value = ''; void importer.run(files); }} />
      <input ref={folderInput} type="file" hidden data-testid="library-folder-input" {...{ webkitdirectory: '', directory: '' }}
        onChange={(e) => { const files = [...(e.currentTarget.files ?? [])]; e.currentTarget.value = ''; void importer.run(files); }} />
      <PageHeader title="Library" subtitle="Every photo and video creators sent you, and the versions cut for each channel."
        actions={<>
          {selectedNotOurs > 0 && <Text size="xs" c="dimmed" maw={260}>{selectedNotOurs === 1 ? 'One selected file is' : `${selectedNotOurs} selected files are`} not ours (swipe file): left out of packs.</Text>}
          {selectedAssets.length > 0 && <Button variant="light" leftSection={<IconPackageExport size={16} />} onClick={() => setExporting(true)}>Export pack ({selectedAssets.length})</Button>}
          <Button variant="subtle" leftSection={<IconSettings size={16} />} onClick={() => setPresetsOpen(true)}>Channel formats</Button>
          {importButtons}
        </>} />

      {(imp.running || imp.total > 0 || imp.skipped.length > 0) && (
        <Card withBorder radius="md" mb="lg" p="md" data-testid="import-progress">
          {imp.running ? (
            <Stack gap={6}>
              <Group justify="space-between">
                <Text size="sm" fw={600}>Adding {imp.done + 1} of {imp.total}: {imp.current}</Text>
                <Button size="xs" variant="default" onClick={importer.cancel}>Stop</Button>
              </Group>
              <Progress value={((imp.done + imp.bytesFraction) / Math.max(1, imp.total)) * 100} aria-label="Adding files" />
            </Stack>
          ) : (
            <Stack gap={4}>
              <Group justify="space-between">
                <Text size="sm" fw={600}>
                  {imp.added} {imp.added === 1 ? 'file' : 'files'} added
                  {imp.duplicates.length > 0 && `, ${imp.duplicates.length} already in the library`}
                  {imp.skipped.length > 0 && `, ${imp.skipped.length} skipped`}
                </Text>
                <Button size="xs" variant="subtle" onClick={importer.dismiss}>Dismiss</Button>
              </Group>
              {imp.duplicates.length > 0 && <Text size="xs" c="dimmed">Already here (same file, even if renamed): {imp.duplicates.slice(0, 5).join(', ')}{imp.duplicates.length > 5 ? '…' : ''}</Text>}
              {imp.skipped.map((s) => <Text key={s.fileName} size="xs" c="red">{s.fileName}: {s.reason}</Text>)}
            </Stack>
          )}
        </Card>
      )}

      <CutJobsPanel jobs={jobs} problem={problem} workspaceId={workspaceId} />

      {dragging && (
        <Card withBorder radius="lg" p="xl" mb="lg" style={{ borderStyle: 'dashed', borderWidth: 2, borderColor: 'var(--mantine-color-fanfare-5)' }}>
          <Text ta="center" fw={600}>Drop photos, videos or whole folders to add them</Text>
        </Card>
      )}

      {data.loaded && data.assets.length === 0 ? (
        <EmptyState icon={<IconPhotoVideo size={28} />} title="Bring in the content creators made for you"
          action={<Group>{importButtons}</Group>}>
          Drag photos, videos or a whole folder onto this page, or use the buttons. Fanfare keeps its own copy of each file (the same file
          twice is kept once), reads its size, length and codecs, and makes a thumbnail. Then open a video and choose “Cut for channels”
          to make Reels, TikTok, Shorts, feed and square versions in one go, on this computer.
        </EmptyState>
      ) : (
        <>
          <Group justify="space-between" mb="md" align="flex-end">
            <LibraryFilterBar filter={filter} onChange={setFilter} data={data} />
            <Button.Group>
              {(['grid', 'list'] as const).map((v) => (
                <Button key={v} size="sm" variant={view === v ? 'filled' : 'default'} aria-pressed={view === v}
                  leftSection={v === 'grid' ? <IconLayoutGrid size={14} /> : <IconList size={14} />}
                  onClick={() => { setView(v); localStorage.setItem(VIEW_KEY, v); }}>{v === 'grid' ? 'Grid' : 'List'}</Button>
              ))}
            </Button.Group>
          </Group>
          <Group justify="space-between" mb="sm">
            <Text size="sm" c="dimmed">{shown.length} of {data.assets.length} {data.assets.length === 1 ? 'file' : 'files'}</Text>
            <Group gap="xs">
              {shown.length > 0 && (
                <Button size="xs" variant="subtle" onClick={() => setSelected(selected.size === shown.length ? new Set() : new Set(shown.map((a) => a.id)))}>
                  {selected.size === shown.length ? 'Select none' : 'Select all shown'}
                </Button>
              )}
              <ExportTableMenu rowCount={shown.length} name="library" sheetName="Library" what={['file', 'files']}
                filters={[filter.kind !== 'all' && filter.kind, filter.creatorId && data.creatorName.get(filter.creatorId), filter.campaignId && data.campaignName.get(filter.campaignId), filter.rights !== 'any' && rightsLabels[filter.rights].label, filter.text]}
                build={() => buildLibraryTable(shown.map((a) => ({
                  ...a, creatorName: a.creatorId ? data.creatorName.get(a.creatorId) ?? '' : '', campaignName: a.campaignId ? data.campaignName.get(a.campaignId) ?? '' : '', usageRights: rightsLabels[data.rightsOf(a)].label,
                })))} />
            </Group>
          </Group>
          {shown.length === 0 && data.assets.length > 0 && <Alert color="gray">No file matches these filters. Clear a filter to see more.</Alert>}
          {view === 'grid'
            ? <AssetGrid assets={shown} data={data} selected={selected} onToggle={toggle} onOpen={setOpenId} />
            : <AssetTable assets={shown} data={data} selected={selected} onToggle={toggle} onOpen={setOpenId} />}
        </>
      )}

      {open && isNotOurs(open)
        ? <NotOursAssetDrawer asset={open} tags={data.tags} onClose={() => setOpenId(null)} />
        : <AssetDrawer asset={open} data={data} onClose={() => setOpenId(null)} onCut={(a) => { setOpenId(null); setCutting(a); }} onOpen={setOpenId} />}
      {cutting && <CutModal asset={cutting} data={data} onClose={() => setCutting(null)} />}
      {exporting && <ExportPackModal assets={selectedAssets} data={data} onClose={() => setExporting(false)} />}
      {presetsOpen && <PresetsModal data={data} onClose={() => setPresetsOpen(false)} />}
    </div>
  );
}
