import { Alert, Button, Center, Group, Loader, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useState, type ReactNode } from 'react';
import type { RenderedDocumentFile } from '../../../../shared/api/contract';
import type { DocumentRequest } from '../../../../shared/documents/requests';
import { useWorkspace } from '../../app/workspace-context';
import { downloadBlob } from '../../components/download-file';
import { fetchMissingMedia } from '../../data/media-sync';
import { host } from '../../host';
import { base64ToBytes } from '../../host/base64';
import { PdfPagePreview } from './pdf-page-preview';
import { UncoveredWarning } from './uncovered-warning';

const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/**
 * Shows a document's pages as they will print, before anything is saved;
 * "Save PDF" then asks where to save it (desktop) or downloads it (browser).
 */
export function PdfPreviewModal({ request, title, onClose, actions }: { request: DocumentRequest | null; title: string; onClose: () => void; actions?: (file: RenderedDocumentFile) => ReactNode }) {
  const [file, setFile] = useState<RenderedDocumentFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Saving a file with letters that print as boxes is allowed, but only after the user says so.
  const [confirming, setConfirming] = useState(false);
  const { media } = useWorkspace();

  useEffect(() => {
    if (!request) return;
    setFile(null);
    setError(null);
    setConfirming(false);
    const abort = new AbortController();
    const render = () => host['documents-render']({ document: request, preview: true }, { signal: abort.signal });
    // A teammate's pictures come from the team server first; then the pages are drawn again with them.
    render().then(async (first) => ((await fetchMissingMedia(media, first.missingImages, abort.signal)) > 0 ? render() : first))
      .then((rendered) => !abort.signal.aborted && setFile(rendered), (e: unknown) => !abort.signal.aborted && setError(e instanceof Error ? e.message : String(e)));
    return () => abort.abort();
  }, [request, media]);

  const save = (anyway = false) => {
    if (!file) return;
    if (file.uncovered.length && !anyway) { setConfirming(true); return; }
    setConfirming(false);
    downloadBlob(file.fileName, new Blob([base64ToBytes(file.pdfBase64)], { type: 'application/pdf' }));
  };

  // Ctrl/Cmd+S saves, as in any editor.
  useHotkeys(request ? [['mod+S', () => save()]] : [], [], true);

  return (
    <Modal opened={!!request} onClose={onClose} title={title} size={760} centered
      styles={{ body: { paddingBottom: 0 } }}>
      {error && <Alert color="red" icon={<IconAlertTriangle size={18} />} title="The PDF could not be made" mb="md">{error}</Alert>}
      {!file && !error && (
        <Center h={420}><Stack align="center" gap="xs"><Loader /><Text size="sm" c="dimmed">Laying out the pages…</Text></Stack></Center>
      )}
      {file?.preview && (
        <>
          <Group justify="space-between" mb="sm">
            <Text size="sm" c="dimmed" data-testid="pdf-summary">
              {file.pageCount} {file.pageCount === 1 ? 'page' : 'pages'} · {sizeText(file.sizeBytes)}
              {file.fields.length ? ` · ${file.fields.length} fields to fill in` : ''}
            </Text>
            {file.missingImages.length > 0 && <Text size="sm" c="orange">{file.missingImages.length} picture(s) are not on this computer yet and were left out.</Text>}
          </Group>
          <UncoveredWarning uncovered={file.uncovered} />
          <ScrollArea h="min(70vh, 900px)" type="auto" offsetScrollbars bg="gray.1" style={{ borderRadius: 8 }}>
            <Stack gap="lg" p="lg" maw={640} mx="auto">
              {file.preview.pages.map((ops, i) => (
                <PdfPagePreview key={i} index={i} ops={ops} width={file.preview!.pageWidth} height={file.preview!.pageHeight} fonts={file.preview!.fonts} images={file.preview!.images} />
              ))}
            </Stack>
          </ScrollArea>
        </>
      )}
      <Group justify="flex-end" py="md" style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-body)' }}>
        {confirming ? (
          <>
            <Text size="sm" c="orange.8" data-testid="save-anyway-question">Some letters would print as boxes. Save anyway?</Text>
            <Button variant="default" onClick={() => setConfirming(false)}>Not yet</Button>
            <Button color="orange" leftSection={<IconDownload size={16} />} onClick={() => save(true)}>Save anyway</Button>
          </>
        ) : (
          <>
            {file && actions?.(file)}
            <Button variant="default" onClick={onClose}>Close</Button>
            <Button leftSection={<IconDownload size={16} />} onClick={() => save()} disabled={!file} title="Save PDF (Ctrl+S)">Save PDF</Button>
          </>
        )}
      </Group>
    </Modal>
  );
}
