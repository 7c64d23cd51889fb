import { protocol, type Session } from 'electron';
import { APP_SCHEME, createAppFileHandler, type AppFilesOptions } from './services/app-files';

/**
 * Must run before the app is ready: Chromium fixes a scheme's powers at start-up.
 * standard: the page gets a real origin (app://fanfare), so relative URLs,
 * IndexedDB, module workers and CSP 'self' work as on the web; secure: a secure
 * context (crypto.subtle, no mixed-content downgrade); supportFetchAPI and
 * codeCache: the renderer fetches its own files and V8 may cache its scripts.
 * corsEnabled, bypassCSP, allowServiceWorkers and stream stay off: no other
 * origin may read these files, the policy always applies, no service worker can
 * outlive an update, and no media is served from here.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/**
 * Serves the built renderer in the window's session. The files are read with
 * node:fs rather than net.fetch(file://…), so the scheme never leans on
 * file:// and its privileges (the fuse turns them off).
 */
export function serveAppFiles(session: Session, options: AppFilesOptions): void {
  session.protocol.handle(APP_SCHEME, createAppFileHandler(options));
}
