import { notifications } from '@mantine/notifications';

/** Saves a file through the browser's download (the desktop app asks where to save). */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it starts; the URL only has to outlive the click.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The notice after a file was saved. At the top, over the page's header: at
 * the bottom right it covered the last columns of the table just exported. A
 * plain "saved" closes by itself after a few seconds; one that asks the
 * person to do something (`needsAction`) stays until closed.
 */
export function showDownloadNotice({ title, message, needsAction = false }: { title: string; message: string; needsAction?: boolean }): void {
  notifications.show({
    color: needsAction ? 'orange' : 'teal', title, message, position: 'top-center', withCloseButton: true,
    autoClose: needsAction ? false : 4000, maw: 420,
  });
}
