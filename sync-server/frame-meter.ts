/**
 * Reads the headers of the WebSocket frames a client sends, from the raw
 * bytes, ahead of the ws library. ws gathers a whole frame in memory before
 * it hands it on, so by the time a message arrives its memory is spent; the
 * header says how big the frame will be before any of it is buffered, which
 * is when the server can still say no (see InflightBudget).
 *
 * Client frames are always masked (RFC 6455 5.3); a frame that is not, or any
 * other protocol error, is ws's to refuse: this only measures.
 */
export class FrameMeter {
  private readonly header = new Uint8Array(14);
  private headerLength = 0;
  /** Payload bytes of the current frame still to come (skipped). */
  private remaining = 0;

  /**
   * `onDataFrame` gets each data frame (text, binary, continuation) as soon as its
   * header is complete: its payload length, whether it continues a message begun
   * by an earlier frame, and whether it ends its message (the FIN bit).
   */
  constructor(private readonly onDataFrame: (frame: { payloadLength: number; continuation: boolean; fin: boolean }) => void) {}

  push(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.remaining > 0) {
        const skip = Math.min(this.remaining, chunk.length - at);
        this.remaining -= skip;
        at += skip;
        continue;
      }
      this.header[this.headerLength++] = chunk[at++];
      const needed = this.neededHeaderLength();
      if (this.headerLength < needed) continue;
      const { opcode, payloadLength } = this.readHeader();
      const fin = (this.header[0] & 0x80) !== 0;
      this.headerLength = 0;
      this.remaining = payloadLength;
      if (opcode < 0x8) this.onDataFrame({ payloadLength, continuation: opcode === 0, fin });
    }
  }

  /** How long the header being read is, as far as its bytes so far tell. */
  private neededHeaderLength(): number {
    if (this.headerLength < 2) return 2;
    const mask = this.header[1] & 0x80 ? 4 : 0;
    const length7 = this.header[1] & 0x7f;
    const extended = length7 === 126 ? 2 : length7 === 127 ? 8 : 0;
    return 2 + extended + mask;
  }

  private readHeader(): { opcode: number; payloadLength: number } {
    const opcode = this.header[0] & 0x0f;
    const length7 = this.header[1] & 0x7f;
    let payloadLength = length7;
    if (length7 === 126) payloadLength = (this.header[2] << 8) | this.header[3];
    else if (length7 === 127) {
      payloadLength = 0;
      // Lengths past 2^53 are not real; ws refuses anything over its limit anyway.
      for (let i = 2; i < 10; i++) payloadLength = payloadLength * 256 + this.header[i];
    }
    return { opcode, payloadLength };
  }
}
