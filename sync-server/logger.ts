/**
 * Structured logs: one JSON object per line, so an admin can grep them or ship
 * them to any log tool. Entries say who (a token's short id, never the token),
 * which workspace and room, and why something was refused. Document contents
 * are never logged: the server's admin is not necessarily allowed to read them.
 */
export interface LogEntry {
  event: string;
  message?: string;
  tokenId?: string;
  workspaceId?: string;
  room?: string;
  remote?: string;
  status?: number;
  code?: number;
  reason?: string;
  [key: string]: unknown;
}

export type Logger = (entry: LogEntry) => void;

export const jsonLineLogger: Logger = (entry) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};

export const silentLogger: Logger = () => {};
