import type { HostApi } from '../../../shared/api/contract';
import { connectElectronHost } from './electron-host-client';
import { connectWebHost } from './web-host-client';

/** The only way the UI reaches the machine; nothing else knows which transport it is on. */
export const host: HostApi = window.fanfare ? connectElectronHost(window.fanfare) : connectWebHost();
