/**
 * Room names come from the URL path: `/<workspaceId>` is the workspace's
 * document, `/<workspaceId>/<docId>` one of its rich-text documents. A token
 * opens one workspace, so the first segment is what access is checked on.
 * Only plain id characters are accepted: a room name becomes a database key.
 */
const SEGMENT = /^[A-Za-z0-9_.-]{1,128}$/;

export interface RoomPath {
  room: string;
  workspaceId: string;
}

export function parseRoomPath(pathname: string): RoomPath | null {
  const segments = pathname.replace(/^\/+/, '').replace(/\/+$/, '').split('/');
  if (segments.length < 1 || segments.length > 2) return null;
  if (!segments.every((s) => SEGMENT.test(s) && s !== '.' && s !== '..')) return null;
  return { room: segments.join('/'), workspaceId: segments[0] };
}
