import { useEffect, useRef, useState } from 'react';
import type { CutJobView } from '../../../../shared/media/library-contract';
import { useWorkspace } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { host } from '../../host';
import type { AssetRow } from './library-data';

/** Jobs this window has filed or is filing (two effects must not file one twice). */
const filing = new Set<string>();

/**
 * The open workspace's cutting queue as the main process has it. The page
 * asks and the host answers as soon as one of this workspace's jobs changes
 * (or after 20 s), so progress arrives as it happens, and a reloaded window
 * simply asks again: nothing is lost. Finished outputs are filed as cuts of
 * their original only in the workspace that started the job: a job that
 * finished while the person was in another workspace (or before a restart:
 * the host keeps finished jobs) is filed the next time its own workspace's
 * library is open. The host then marks the job filed, so a cut filed and
 * later deleted is not filed again; a cut already in the library (filed, but
 * the mark did not arrive) is recognised, not added twice.
 */
export function useCutJobs(assets: AssetRow[], loaded: boolean) {
  const { session, caughtUp } = useWorkspace();
  if (!session) throw new Error('No workspace is open');
  const workspaceId = session.id;
  const [jobs, setJobs] = useState<CutJobView[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const assetsRef = useRef(assets);
  assetsRef.current = assets;

  useEffect(() => {
    const controller = new AbortController();
    let version = -1;
    let first = true;
    void (async () => {
      while (!controller.signal.aborted) {
        try {
          const result = await host['cut-jobs-list']({ workspaceId, afterVersion: version, waitMs: first ? 0 : 20_000 }, { signal: controller.signal });
          if (controller.signal.aborted) return;
          first = false;
          version = result.version;
          // The host lists only this workspace's jobs; the filter is a second lock on the door.
          setJobs(result.jobs.filter((j) => j.workspaceId === workspaceId));
          setProblem(null);
        } catch (error) {
          if (controller.signal.aborted) return;
          setProblem(error instanceof Error ? error.message : String(error));
          await new Promise((r) => setTimeout(r, 2000));
        }
      }
    })();
    return () => controller.abort();
  }, [workspaceId]);

  useEffect(() => {
    if (!loaded || !caughtUp) return;
    const known = new Set(assetsRef.current.map((a) => `${a.derivedFromId ?? ''}:${a.sha256}`));
    const source = new Map(assetsRef.current.map((a) => [a.id, a]));
    for (const job of jobs) {
      if (job.workspaceId !== session.id || job.status !== 'done' || job.filed || filing.has(job.id)) continue;
      filing.add(job.id);
      const original = source.get(job.sourceAssetId);
      const toFile = job.outputs.flatMap((out) => {
        const m = out.file;
        if (!m || known.has(`${job.sourceAssetId}:${m.sha256}`)) return [];
        return [{
          sha256: m.sha256, fileName: m.fileName, mimeType: m.mimeType, kind: m.kind, sizeBytes: m.sizeBytes,
          width: m.width, height: m.height, durationSeconds: m.durationSeconds, videoCodec: m.videoCodec, audioCodec: m.audioCodec,
          source: 'cut' as const, derivedFromId: job.sourceAssetId,
          creatorId: original?.creatorId ?? null, campaignId: original?.campaignId ?? null, contentId: original?.contentId ?? null,
          tags: [...(original?.tags ?? []), out.presetName].slice(0, 50),
        }];
      });
      void (async () => {
        if (toFile.length) await session.commands.createMany('assets', toFile);
        await host['cut-jobs-filed']({ workspaceId: job.workspaceId, jobId: job.id });
      })().catch((error: unknown) => {
        // Not filed after all (the workspace closed meanwhile): the next look at this workspace's queue tries again.
        filing.delete(job.id);
        reportError('The finished cuts could not be added to the library')(error);
      });
    }
  }, [jobs, loaded, caughtUp, session]);

  return { jobs, problem, workspaceId };
}
