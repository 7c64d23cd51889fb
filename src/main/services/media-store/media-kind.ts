import { extname } from 'node:path';
import type { MediaFile } from '../../../shared/api/contract';

type Kind = MediaFile['kind'];

/**
 * What a file is, from its name alone: enough to file it in the library and
 * to decide whether ffprobe is worth asking. Anything unknown is kept as a
 * document rather than refused: contracts, briefs and decks belong there too.
 */
const BY_EXTENSION: Record<string, [Kind, string]> = {
  '.mp4': ['video', 'video/mp4'],
  '.m4v': ['video', 'video/x-m4v'],
  '.mov': ['video', 'video/quicktime'],
  '.webm': ['video', 'video/webm'],
  '.mkv': ['video', 'video/x-matroska'],
  '.avi': ['video', 'video/x-msvideo'],
  '.3gp': ['video', 'video/3gpp'],
  '.jpg': ['image', 'image/jpeg'],
  '.jpeg': ['image', 'image/jpeg'],
  '.png': ['image', 'image/png'],
  '.gif': ['image', 'image/gif'],
  '.webp': ['image', 'image/webp'],
  '.avif': ['image', 'image/avif'],
  '.heic': ['image', 'image/heic'],
  '.heif': ['image', 'image/heif'],
  '.tif': ['image', 'image/tiff'],
  '.tiff': ['image', 'image/tiff'],
  '.bmp': ['image', 'image/bmp'],
  '.svg': ['image', 'image/svg+xml'],
  '.mp3': ['audio', 'audio/mpeg'],
  '.m4a': ['audio', 'audio/mp4'],
  '.aac': ['audio', 'audio/aac'],
  '.wav': ['audio', 'audio/wav'],
  '.ogg': ['audio', 'audio/ogg'],
  '.opus': ['audio', 'audio/opus'],
  '.flac': ['audio', 'audio/flac'],
  '.pdf': ['document', 'application/pdf'],
  '.doc': ['document', 'application/msword'],
  '.docx': ['document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  '.xls': ['document', 'application/vnd.ms-excel'],
  '.xlsx': ['document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  '.ppt': ['document', 'application/vnd.ms-powerpoint'],
  '.pptx': ['document', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  '.key': ['document', 'application/vnd.apple.keynote'],
  '.txt': ['document', 'text/plain'],
  '.csv': ['document', 'text/csv'],
  '.zip': ['document', 'application/zip'],
};

export function mediaKindOf(fileName: string): { kind: Kind; mimeType: string } {
  const known = BY_EXTENSION[extname(fileName).toLowerCase()];
  return known ? { kind: known[0], mimeType: known[1] } : { kind: 'document', mimeType: 'application/octet-stream' };
}
