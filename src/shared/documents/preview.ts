import type { FontVariant } from './model';

/** What a page shows, for an on-screen preview drawn without a PDF viewer. Coordinates are PDF points, origin bottom-left. */
export type PreviewOp =
  | { op: 'text'; x: number; y: number; size: number; text: string; width: number; font: FontVariant | 'cjk'; color: string; opacity: number }
  | { op: 'rect'; x: number; y: number; width: number; height: number; color: string; opacity: number }
  | { op: 'image'; x: number; y: number; width: number; height: number; sha256: string }
  | { op: 'line'; x1: number; y1: number; x2: number; y2: number; color: string; thickness: number; dash?: number[] }
  | { op: 'circle'; x: number; y: number; r: number; color: string }
  | { op: 'field'; x: number; y: number; width: number; height: number; value: string; checkbox: boolean };
