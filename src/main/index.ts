import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, screen, session, shell, type MenuItemConstructorOptions, type WebContents } from 'electron';
import { registerAppScheme, serveAppFiles } from './app-protocol';
import { guardClose, unsavedCloseQuestion } from './close-handshake';
import { contentSecurityPolicy } from './csp';
import { TeamServers } from './services/team-servers';
import { createHostHandlers } from './handlers';
import { APP_INDEX_URL } from './services/app-files';
import { SyncHost } from './services/sync-host';
import { MediaStore } from './services/media-store/media-store';
import { createTrustedUrlCheck, registerHostIpc } from './ipc';
import { clampToDisplays, DEFAULT_WINDOW_STATE, readWindowState, trackWindowState } from './window-state';

// Built layout: out/main/index.js, out/preload/index.cjs, out/renderer/ (served as app://fanfare/).
const mainDir = fileURLToPath(new URL('.', import.meta.url));
const preloadPath = join(mainDir, '../preload/index.cjs');
const rendererDir = join(mainDir, '../renderer');
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const isTrustedUrl = createTrustedUrlCheck({ devServerUrl });

/** Links that may leave the app, always in the person's own browser. */
const EXTERNAL_HOSTS = [
  'instagram.com', 'tiktok.com', 'youtube.com', 'youtu.be', 'facebook.com', 'x.com', 'twitter.com',
  'linkedin.com', 'pinterest.com', 'twitch.tv', 'threads.net', 'snapchat.com', 'fanfare.app', 'github.com',
];

function isAllowedExternal(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' && EXTERNAL_HOSTS.some((h) => hostname === h || hostname.endsWith(`.${h}`));
  } catch {
    return false;
  }
}

let mainWindow: BrowserWindow | null = null;
let quitting = false;

function createWindow(): BrowserWindow {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
  const state = clampToDisplays(readWindowState(stateFile) ?? DEFAULT_WINDOW_STATE, workAreas);

  const { maximized, ...bounds } = state;
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Fanfare',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: true,
    },
  });
  if (maximized) win.maximize();
  trackWindowState(win, stateFile);
  guardClose(win, ipcMain, {
    askToCloseUnsaved: async (readiness) => (await dialog.showMessageBox(win, unsavedCloseQuestion(readiness))).response === 1,
    // Quitting waits for this window; kept open, the app stays too.
    onKeptOpen: () => {
      quitting = false;
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
    // Quitting waited for this window to save; carry on with it now.
    if (quitting) app.quit();
  });

  void win.loadURL(devServerUrl ?? APP_INDEX_URL);
  return win;
}

/** Applies to every web contents, including ones we did not create on purpose. */
function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (isTrustedUrl(url)) return;
    event.preventDefault();
    if (isAllowedExternal(url)) void shell.openExternal(url);
  });
  // will-navigate only sees the top frame; a frame inside the page stays on our origin too.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isTrustedUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

function configureSession(teamServers: TeamServers): void {
  const ses = session.defaultSession;
  // Our own page may write to the clipboard ("Copy code") and show a video full screen; nothing else
  // (camera, location, notifications…) is needed, so everything else is refused.
  const allowed = new Set(['clipboard-sanitized-write', 'fullscreen']);
  ses.setPermissionRequestHandler((contents, permission, callback) => {
    callback(allowed.has(permission) && isTrustedUrl(contents.getURL()));
  });
  ses.setPermissionCheckHandler((contents, permission) =>
    allowed.has(permission) && contents !== null && isTrustedUrl(contents.getURL()));
  // In development the dev server serves the page (it needs inline scripts for React refresh); the page's meta tag still applies.
  if (devServerUrl) return;
  // Every answer of app:// carries the policy and the web host's security headers.
  serveAppFiles(ses, { rendererDir, contentSecurityPolicy: () => contentSecurityPolicy(teamServers.origins()) });
}

function buildMenu(): Menu {
  const isMac = process.platform === 'darwin';
  const dev = !app.isPackaged;
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...(dev
          ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[]
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}

function focus(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

if (!app.requestSingleInstanceLock()) {
  // Two copies would fight over the same local database; the first one gets focused instead.
  app.quit();
} else {
  // Before ready, as Chromium requires; the files are served once the session exists.
  registerAppScheme();
  // Every renderer sandboxed, also one created without our webPreferences.
  app.enableSandbox();
  app.on('second-instance', () => {
    if (mainWindow) focus(mainWindow);
  });
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow && app.isReady()) mainWindow = createWindow();
  });

  void app.whenReady().then(() => {
    app.setAppUserModelId('com.fanfare.app');
    // The window's policy names the team servers this computer connected to; read per page load.
    const teamServers = new TeamServers(join(app.getPath('userData'), 'team-servers.json'));
    configureSession(teamServers);
    Menu.setApplicationMenu(buildMenu());
    const syncHost = new SyncHost(join(app.getPath('userData'), 'sync-host'));
    app.on('will-quit', () => void syncHost.close());
    void syncHost.resume();
    const mediaStore = new MediaStore(join(app.getPath('userData'), 'media'));
    const handlers = createHostHandlers({
      appVersion: app.getVersion(), syncHost, mediaStore, teamServers,
      // Mailbox passwords are sealed by the operating system's keychain, never written in the clear.
      mailKeychain: {
        encrypt: (plain) => safeStorage.encryptString(plain.toString('utf8')),
        decrypt: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'utf8'),
      },
      // A native dialog: page script can fill in an invite, but cannot answer this for the person.
      confirmNewTeamServer: async (origin) => {
        const options = {
          type: 'question' as const,
          buttons: ['Cancel', 'Connect'],
          defaultId: 0,
          cancelId: 0,
          message: `Connect this computer to the team server at ${origin}?`,
          detail: 'Fanfare will sync this workspace with it and send the workspace’s media files there. Connect only to a server your team runs.',
        };
        const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
        return response === 1;
      },
      onQuit: (stop) => app.on('will-quit', () => void stop()),
    });
    registerHostIpc(ipcMain, handlers, isTrustedUrl);
    mainWindow = createWindow();
  });
}
