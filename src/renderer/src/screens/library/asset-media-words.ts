import type { AssetRow } from './library-data';
import type { AssetMediaView } from './use-asset-media-state';

/** The words for where a file is, shared by the grid, the list and the drawer. */
export function mediaStateLabel(view: AssetMediaView, addedBy: string | null): string | null {
  switch (view.state) {
    case 'local':
      return 'On this computer';
    case 'downloading':
      return view.fraction === null ? 'Downloading…' : `Downloading · ${Math.floor(view.fraction * 100)}%`;
    case 'remote':
      return 'Only on the team server';
    case 'missing':
      return addedBy ? `Missing everywhere · added by ${addedBy}` : 'Missing everywhere';
    case 'checking':
      return 'Checking with the team server…';
    case 'unknown':
      return null;
  }
}

export const missingHelp = (addedBy: string | null) =>
  `Not on this computer and not on the team server. It is on ${addedBy ? `${addedBy}’s` : 'the'} computer it was added on, and arrives once that Fanfare is back online.`;

/** Every record has `createdBy`; the library's row type does not list it. */
export const createdByOf = (asset: AssetRow): string | null => (asset as AssetRow & { createdBy?: string | null }).createdBy ?? null;
