/** The IndexedDB database that holds a workspace's Y.Doc (y-indexeddb). */
export const ydocDatabaseName = (workspaceId: string) => `fanfare-ws-${workspaceId}`;
