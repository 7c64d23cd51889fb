/** Saves text as a file through the browser's download (the desktop app asks where to save). */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it starts; the URL only has to outlive the click.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
