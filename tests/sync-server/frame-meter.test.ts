import { describe, expect, it } from 'vitest';
import { FrameMeter } from '../../sync-server/frame-meter';

/** A client frame as it goes on the wire: FIN and opcode, masked length (7, 16 or 64 bits), mask, payload. */
function frame(opcode: number, payloadLength: number, fin = true): Uint8Array {
  const extended = payloadLength < 126 ? 0 : payloadLength < 65_536 ? 2 : 8;
  const bytes = new Uint8Array(2 + extended + 4 + payloadLength);
  bytes[0] = (fin ? 0x80 : 0) | opcode;
  bytes[1] = 0x80 | (extended === 0 ? payloadLength : extended === 2 ? 126 : 127);
  if (extended === 2) new DataView(bytes.buffer).setUint16(2, payloadLength);
  if (extended === 8) new DataView(bytes.buffer).setBigUint64(2, BigInt(payloadLength));
  bytes.fill(0x5a, 2 + extended + 4);
  return bytes;
}

describe('FrameMeter', () => {
  const stream = [frame(2, 5), frame(9, 3), frame(1, 300, false), frame(0, 70_000), frame(10, 0), frame(2, 0)];
  const expected = [
    { payloadLength: 5, continuation: false, fin: true },
    { payloadLength: 300, continuation: false, fin: false },
    { payloadLength: 70_000, continuation: true, fin: true },
    { payloadLength: 0, continuation: false, fin: true },
  ];
  const all = new Uint8Array(stream.reduce((n, f) => n + f.length, 0));
  stream.reduce((at, f) => (all.set(f, at), at + f.length), 0);

  it('reports each data frame once, with its length, skipping control frames and payloads', () => {
    const seen: unknown[] = [];
    new FrameMeter((f) => seen.push(f)).push(all);
    expect(seen).toEqual(expected);
  });

  it('reads headers split across chunks anywhere, down to one byte at a time', () => {
    for (const size of [1, 2, 3, 7, 13, 4096]) {
      const seen: unknown[] = [];
      const meter = new FrameMeter((f) => seen.push(f));
      for (let at = 0; at < all.length; at += size) meter.push(all.subarray(at, at + size));
      expect(seen, `chunks of ${size}`).toEqual(expected);
    }
  });

  it('reads a 64-bit length (a 60 MB frame) from its header alone', () => {
    const seen: Array<{ payloadLength: number }> = [];
    const header = frame(2, 60 * 1024 * 1024).subarray(0, 14);
    new FrameMeter((f) => seen.push(f)).push(header);
    expect(seen.map((f) => f.payloadLength)).toEqual([60 * 1024 * 1024]);
  });
});
