/**
 * ffmpeg's last words, turned into a sentence a marketer can act on. The
 * raw text is kept for support, never shown as the message.
 */
export function explainFfmpegFailure(stderr: string): string {
  const text = stderr.toLowerCase();
  const codec = /(?:decoder|codec) \(?(?:codec )?([a-z0-9_]+)\)? not found|unknown decoder '([^']+)'|unsupported codec (?:id )?(?:with id )?([a-z0-9_]+)/i.exec(stderr);
  if (codec) {
    const name = codec[1] ?? codec[2] ?? codec[3];
    return `This video uses a codec (${name}) that is not supported on this computer. Ask the creator for an MP4 (H.264) file, or export one from their editing app.`;
  }
  if (/not supported|unsupported|no decoder|could not find codec/.test(text)) {
    return 'This codec is not supported on this computer. Ask the creator for an MP4 (H.264) file, or export one from their editing app.';
  }
  if (text.includes('no space left on device')) return 'The disk is full, so the cut could not be saved. Free up some space and try again.';
  if (text.includes('permission denied')) return 'Fanfare was not allowed to write the cut. Check that its data folder is not read-only.';
  if (/moov atom not found|invalid data found|end of file|truncat|partial file|error while decoding|corrupt|invalid nal/.test(text)) {
    return 'This video is damaged or incomplete (it may have been cut off while copying), so it could not be cut. Ask for the file again.';
  }
  if (/does not contain any stream|matches no streams|output file .* does not contain/.test(text)) {
    return 'This file has no picture in it, so there is nothing to cut.';
  }
  if (text.includes('cannot allocate memory') || text.includes('out of memory')) {
    return 'This computer ran out of memory while cutting. Close some programs, or cut fewer channels at once.';
  }
  return 'ffmpeg stopped while cutting this file without saying why; the file may be damaged. Try another copy of it.';
}
