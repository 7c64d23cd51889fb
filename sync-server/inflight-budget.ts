/**
 * Bytes the server holds for clients before it is done with them: frames
 * being received (reserved when their header arrives) and messages waiting
 * in a room's queue until they are checked and written. Counted per invite
 * (token) and per workspace, so one invite, or one workspace, cannot fill
 * the server's memory however many connections it opens.
 */
export class InflightBudget {
  private readonly byToken = new Map<string, number>();
  private readonly byWorkspace = new Map<string, number>();

  constructor(
    readonly perToken: number,
    readonly perWorkspace: number,
  ) {}

  /** Reserves `bytes` for a token of a workspace; false (and nothing reserved) when either would go over its limit. */
  tryReserve(tokenHash: string, workspaceId: string, bytes: number): boolean {
    const token = (this.byToken.get(tokenHash) ?? 0) + bytes;
    const workspace = (this.byWorkspace.get(workspaceId) ?? 0) + bytes;
    if (token > this.perToken || workspace > this.perWorkspace) return false;
    this.byToken.set(tokenHash, token);
    this.byWorkspace.set(workspaceId, workspace);
    return true;
  }

  release(tokenHash: string, workspaceId: string, bytes: number): void {
    if (bytes <= 0) return;
    settle(this.byToken, tokenHash, bytes);
    settle(this.byWorkspace, workspaceId, bytes);
  }

  heldBy(tokenHash: string): number {
    return this.byToken.get(tokenHash) ?? 0;
  }

  heldIn(workspaceId: string): number {
    return this.byWorkspace.get(workspaceId) ?? 0;
  }
}

function settle(map: Map<string, number>, key: string, bytes: number): void {
  const left = (map.get(key) ?? 0) - bytes;
  if (left > 0) map.set(key, left);
  else map.delete(key);
}
