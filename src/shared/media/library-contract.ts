import { z } from 'zod';
import type { MediaFile } from '../api/contract';
import { channelPresetFields } from './channel-presets';

/**
 * The library's and the cutting queue's part of the host API, spread into
 * `hostContract`. Inputs are validated here like every other call: the
 * renderer may be a browser tab, so nothing it sends is trusted.
 */
const sha256 = z.string().regex(/^[a-f0-9]{64}$/, 'Not a file fingerprint (SHA-256)');
const uploadId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Not an upload id');
const jobId = z.string().regex(/^[A-Za-z0-9_-]{4,64}$/, 'Not a job id');
/** The workspace a job belongs to: its queue, its outputs and its records stay there. */
const workspaceId = z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'Not a workspace id');
/** A plain file name: no folders, nothing a file system refuses. */
const fileName = z.string().trim().min(1, 'The file needs a name').max(255, 'The file name is too long')
  // eslint-disable-next-line no-control-regex
  .refine((n) => !/[/\\\u0000-\u001f]/.test(n) && n !== '.' && n !== '..', 'A file name cannot contain / or \\');
const fraction = z.number().min(0, 'Between 0 and 1').max(1, 'Between 0 and 1');
const seconds = z.number().min(0, 'Cannot be negative').max(24 * 3600, 'At most 24 hours');

export const CHUNK_BYTES = 512 * 1024;

export const libraryContract = {
  /** A browser has no file paths: it sends a file in base64 pieces, in order. */
  'library-upload-chunk': {
    input: z.object({
      uploadId,
      offset: z.number().int().min(0),
      data: z.string().max(Math.ceil(CHUNK_BYTES / 3) * 4 + 4, 'A piece is at most 512 KB').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64'),
    }).strict(),
  },
  /** The last piece arrived: hash it into the media store, read its details, make its thumbnail. */
  'library-upload-finish': {
    input: z.object({ uploadId, fileName, sizeBytes: z.number().int().min(0) }).strict(),
  },
  'library-thumbnail': {
    input: z.object({ sha256, size: z.enum(['small', 'large']).default('small') }).strict(),
  },
  /** Frames along a video, for the trimming timeline. */
  'library-frames': {
    input: z.object({ sha256, count: z.number().int().min(1).max(16).default(8) }).strict(),
  },
  /** Where the interesting part of the picture is, from sharp's attention strategy on a few frames. */
  'library-suggest-focus': {
    input: z.object({ sha256, atSeconds: z.array(seconds).max(6).default([]) }).strict(),
  },
  /** A piece of a stored file, for the preview player. */
  'library-read': {
    input: z.object({ sha256, offset: z.number().int().min(0), length: z.number().int().min(1).max(CHUNK_BYTES) }).strict(),
  },
  'cut-jobs-start': {
    input: z.object({
      workspaceId,
      sourceSha256: sha256,
      sourceFileName: fileName,
      sourceAssetId: z.string().min(1).max(64),
      inSeconds: seconds.default(0),
      outSeconds: seconds.nullable().default(null),
      outputs: z.array(z.object({
        preset: channelPresetFields,
        fit: z.enum(['crop', 'blur']).default('crop'),
        focusX: fraction.default(0.5),
        focusY: fraction.default(0.5),
        keepAudio: z.boolean().default(true),
      }).strict()).min(1, 'Choose at least one channel').max(12, 'At most 12 outputs per cut'),
    }).strict(),
  },
  /** One workspace's queue; with `afterVersion` it waits (up to `waitMs`) until something of that workspace changes, so progress arrives as it happens. */
  'cut-jobs-list': {
    input: z.object({
      workspaceId,
      afterVersion: z.number().int().min(-1).default(-1),
      waitMs: z.number().int().min(0).max(25_000).default(0),
    }).strict(),
  },
  'cut-jobs-cancel': {
    input: z.object({ workspaceId, jobId }).strict(),
  },
  /** The job's outputs are in its workspace's library now: no window files them again. */
  'cut-jobs-filed': {
    input: z.object({ workspaceId, jobId }).strict(),
  },
  /** Removes the workspace's finished, failed and cancelled jobs from its list. */
  'cut-jobs-clear': {
    input: z.object({ workspaceId }).strict(),
  },
  /** Assets × presets into one zip, named by the export convention. */
  'library-export': {
    input: z.object({
      items: z.array(z.object({ sha256, name: fileName }).strict()).min(1, 'Choose something to export').max(2000),
      packName: fileName,
    }).strict(),
  },
  'library-export-read': {
    input: z.object({ exportId: uploadId, offset: z.number().int().min(0), length: z.number().int().min(1).max(CHUNK_BYTES) }).strict(),
  },
} as const;

export type CutJobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface CutJobOutputView {
  presetId: string;
  presetName: string;
  width: number;
  height: number;
  fit: 'crop' | 'blur';
  /** Cancelled: someone stopped the job before this output was made (nothing went wrong). */
  status: 'pending' | 'done' | 'failed' | 'cancelled';
  /** Why this output failed, for a person. */
  problem: string | null;
  /** The checked output, once it is in the media store. */
  file: MediaFile | null;
  /** What ffprobe confirmed ("1080×1920", "H.264 High", …). */
  checks: string[];
}

export interface CutJobView {
  id: string;
  /** The workspace that started it; only that workspace lists it and files its outputs. */
  workspaceId: string;
  sourceSha256: string;
  sourceFileName: string;
  sourceAssetId: string;
  kind: 'video' | 'image';
  createdAt: string;
  status: CutJobStatus;
  /** 0..100 */
  percent: number;
  /** Estimated, while running; null before there is enough to go on. */
  secondsLeft: number | null;
  error: string | null;
  outputs: CutJobOutputView[];
  /** Its checked outputs have been added to its workspace's library. */
  filed: boolean;
}

export interface LibraryOutputs {
  'library-upload-chunk': { receivedBytes: number };
  'library-upload-finish': MediaFile;
  'library-thumbnail': { dataUrl: string | null };
  'library-frames': { frames: { atSeconds: number; dataUrl: string }[] };
  'library-suggest-focus': { focusX: number; focusY: number };
  'library-read': { data: string; totalBytes: number };
  'cut-jobs-start': CutJobView;
  'cut-jobs-list': { version: number; jobs: CutJobView[] };
  'cut-jobs-cancel': CutJobView | null;
  'cut-jobs-filed': CutJobView | null;
  'cut-jobs-clear': { version: number; jobs: CutJobView[] };
  'library-export': { exportId: string; fileName: string; totalBytes: number; fileCount: number };
  'library-export-read': { data: string; totalBytes: number };
}
