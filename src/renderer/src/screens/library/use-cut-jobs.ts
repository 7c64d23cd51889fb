import { useEffect, useRef, useState } from 'react';
import type { CutJobView } from '../../../../shared/media/library-contract';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { host } from '../../host';
import type { AssetRow } from './library-data';

/** Outputs this window has already filed in the library (two effects must not file one twice). */
const filed = new Set<string>();

/**
 * The cutting queue as the main process has it. The page asks and the host
 * answers as soon as anything changes (or after 20 s), so progress arrives
 * as it happens, and a reloaded window simply asks again: nothing is lost.
 * Finished outputs are filed in the library as cuts of their original.
 */
export function useCutJobs(assets: AssetRow[], loaded: boolean) {
  const session = useSession();
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
          const result = await host['cut-jobs-list']({ afterVersion: version, waitMs: first ? 0 : 20_000 }, { signal: controller.signal });
          first = false;
          version = result.version;
          setJobs(result.jobs);
          setProblem(null);
        } catch (error) {
          if (controller.signal.aborted) return;
          setProblem(error instanceof Error ? error.message : String(error));
          await new Promise((r) => setTimeout(r, 2000));
        }
      }
    })();
    return () => controller.abort();
  }, []);

  useEffect(() => {
    if (!loaded) return;
    const known = new Set(assetsRef.current.map((a) => `${a.derivedFromId ?? ''}:${a.sha256}`));
    const source = new Map(assetsRef.current.map((a) => [a.id, a]));
    const toFile = jobs.flatMap((job) => job.outputs.flatMap((out, i) => {
      const key = `${job.id}:${i}`;
      if (!out.file || filed.has(key) || known.has(`${job.sourceAssetId}:${out.file.sha256}`)) return [];
      filed.add(key);
      const original = source.get(job.sourceAssetId);
      const m = out.file;
      return [{
        sha256: m.sha256, fileName: m.fileName, mimeType: m.mimeType, kind: m.kind, sizeBytes: m.sizeBytes,
        width: m.width, height: m.height, durationSeconds: m.durationSeconds, videoCodec: m.videoCodec, audioCodec: m.audioCodec,
        source: 'cut' as const, derivedFromId: job.sourceAssetId,
        creatorId: original?.creatorId ?? null, campaignId: original?.campaignId ?? null, contentId: original?.contentId ?? null,
        tags: [...(original?.tags ?? []), out.presetName].slice(0, 50),
      }];
    }));
    if (toFile.length) void session.commands.createMany('assets', toFile).catch(reportError('The finished cuts could not be added to the library'));
  }, [jobs, loaded, session]);

  return { jobs, problem };
}
