export interface OpenFromLinkPage {
  port: number;
  /** Where the link is saved, when the host knows (the CLI does). */
  linkFile?: string;
  /** The address carried a key, but not this run's: an old link. */
  staleKey: boolean;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * What a browser tab without a session sees instead of the app: no script,
 * no app bundle, nothing that unlocks the API; only how to get in the way
 * the person who started Fanfare can.
 */
export function openFromLinkPage({ port, linkFile, staleKey }: OpenFromLinkPage): string {
  const where = linkFile
    ? `this file:<code class="line">${escapeHtml(linkFile)}</code>`
    : 'a file called <code>web-link.txt</code> in Fanfare’s data folder (usually the <code>.fanfare</code> folder in your home folder).';
  const stale = staleKey
    ? `<p class="note">This link is from an earlier time Fanfare was started, so it no longer opens it. Use the newest link.</p>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Open Fanfare from its link</title>
<style>
  body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center; background: #f1f3f5; color: #212529;
    font: 16px/1.55 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
  main { max-width: 560px; margin: 24px; padding: 32px 36px; background: #fff; border-radius: 12px; box-shadow: 0 1px 3px rgba(0,0,0,.08), 0 8px 24px rgba(0,0,0,.06); }
  h1 { font-size: 22px; margin: 0 0 8px; }
  .lead { margin: 0 0 20px; color: #495057; }
  ol { padding-left: 22px; margin: 0 0 20px; }
  li { margin-bottom: 12px; }
  code { background: #f1f3f5; padding: 1px 5px; border-radius: 4px; font-size: 14px; }
  code.line { display: block; margin: 6px 0; padding: 6px 10px; overflow-wrap: anywhere; }
  .note { background: #fff4e6; border-left: 4px solid #fd7e14; padding: 10px 14px; border-radius: 4px; margin: 0 0 20px; }
  .small { font-size: 14px; color: #868e96; margin: 0; }
  .small a { color: #1c7ed6; }
</style>
</head>
<body>
<main>
  <h1>Open Fanfare from its link</h1>
  <p class="lead">Fanfare is running on this computer, but this browser tab has not been let in. To keep your workspaces private from anyone else using this computer, Fanfare only opens from its own private link.</p>
  ${stale}
  <ol>
    <li>Go to the window where Fanfare was started (the terminal). Find the line <b>“Open this link in your browser”</b>; the link below it starts with<code class="line">http://127.0.0.1:${port}/?key=</code>Click it (or Ctrl-click, ⌘-click on a Mac), or copy it into this browser’s address bar.</li>
    <li>Closed that window? The same link is saved in ${where} Open that file and copy the link into the address bar.</li>
  </ol>
  <p class="small">Each time Fanfare starts it makes a new link, and older links stop working. Keep the link to yourself: it opens your workspaces. Just opened the link and still see this page? <a href="/">Try again</a>.</p>
</main>
</body>
</html>
`;
}
