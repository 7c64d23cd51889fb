import type { MediaRemoteStatus } from '../../../shared/api/contract';
import { blobRequest, networkProblem, statusProblem, type TeamRemote } from './blob-http';

/** Questions in flight at once: enough to answer a thousand files in well under a second over a LAN. */
const CONCURRENCY = 8;

/**
 * Which of these files the team server has (HEAD each). A file the server
 * found damaged answers 404 like one never sent, which is what it is now.
 * One unreachable answer makes the whole question unanswered: the caller
 * asks again when the server is back.
 */
export async function remoteStatus(remote: TeamRemote, sha256s: string[], signal?: AbortSignal): Promise<MediaRemoteStatus> {
  const unique = [...new Set(sha256s)];
  const onServer: string[] = [];
  const notOnServer: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      signal?.throwIfAborted();
      const sha256 = unique[next++];
      const res = await blobRequest(remote, sha256, { method: 'HEAD', signal });
      res.resume();
      if (res.statusCode === 200) onServer.push(sha256);
      else if (res.statusCode === 404) notOnServer.push(sha256);
      else throw statusProblem(res.statusCode ?? 0, null, 'download', `file ${sha256.slice(0, 8)}`);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, unique.length) }, worker));
  } catch (error) {
    throw networkProblem(error, 'download', signal);
  }
  return { onServer, notOnServer };
}
