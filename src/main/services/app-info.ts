import type { AppInfo, Transport } from '../../shared/api/contract';
import { readPackageVersion } from './package-root';

export interface AppInfoOptions {
  /** Electron knows its version (app.getVersion()); plain Node reads package.json. */
  version?: string;
}

export function getAppInfo(transport: Transport, options: AppInfoOptions = {}): AppInfo {
  return {
    name: 'Fanfare',
    version: options.version ?? readPackageVersion(),
    platform: process.platform,
    transport,
    node: process.versions.node,
    electron: process.versions.electron ?? null,
  };
}
