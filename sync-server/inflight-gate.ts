import type { Duplex } from 'node:stream';
import { FrameMeter } from './frame-meter';
import type { InflightBudget } from './inflight-budget';

export interface InflightGateOptions {
  /** The socket under the WebSocket: read here ahead of ws for frame headers, paused and resumed. */
  socket: Duplex;
  budget: InflightBudget;
  tokenHash: string;
  workspaceId: string;
  /** ws's own limit (maxPayload): a frame over it is ws's to refuse, with 1009. Also what one connection may hold at once. */
  maxMessageBytes: number;
  /** The frame does not fit and this connection holds nothing that could make room: it must be closed. */
  onRefuse: (frameBytes: number) => void;
}

/**
 * What one connection has on its way in, paid for from its invite's and its
 * workspace's InflightBudget: every data frame is reserved when its header
 * arrives (before ws buffers any of it, see FrameMeter) and paid back once
 * the room has handled the message.
 *
 * A frame that does not fit waits when this connection's own earlier messages,
 * queued in the room, are what fills the budget (a client sending changes, or the pieces of a big
 * first upload, faster than the server writes them): the socket stops being
 * read until they are handled, so a fast sender is slowed to the server's pace
 * rather than turned away. One connection holds at most one message of the
 * largest size at a time, so the rest of its invite's budget stays open to
 * its other connections. A frame that does not fit while this connection has
 * nothing queued is other connections' doing (many at once on one invite):
 * that connection is refused, and nothing more is read from it.
 */
export class InflightGate {
  /** Reserved for frames ws has not handed on yet. */
  private receiving = 0;
  /** Handed on, not yet handled by the room. */
  private queued = 0;
  /** Of `receiving`, the frames of the message still in progress: paid back only once more is read. */
  private partial = 0;
  /** Bytes of frames whose header came while paused (read with the chunk that paused it, not reserved). */
  private waiting = 0;
  /** Of `waiting`, the frames of the message still in progress; and whether the last of them ends its message. */
  private waitingPartial = 0;
  private waitingEnds = false;
  private paused = false;
  private done = false;
  private readonly meter = new FrameMeter((frame) => this.onFrame(frame));

  constructor(private readonly options: InflightGateOptions) {}

  /** For the socket's 'data' event, ahead of ws's own listener. */
  readonly onData = (chunk: Uint8Array): void => {
    this.meter.push(chunk);
    // ws may resume the socket for its own reasons; while waiting, nothing more is read.
    if (this.paused || this.done) this.options.socket.pause();
  };

  /** A message was handed on by ws; returns the reserved bytes to pass to handled() once the room is done with it. */
  received(bytes: number): number {
    const reserved = Math.min(bytes, this.receiving);
    this.receiving -= reserved;
    this.waiting = Math.max(0, this.waiting - (bytes - reserved));
    this.queued += reserved;
    return reserved;
  }

  handled(reserved: number): void {
    this.queued -= reserved;
    this.release(reserved);
    if (this.paused && !this.done) this.tryResume();
  }

  /** The socket closed: frames never finished are let go with it (queued messages are paid back as they are handled). */
  close(): void {
    this.done = true;
    this.release(this.receiving);
    this.receiving = 0;
  }

  private onFrame({ payloadLength: length, continuation, fin }: { payloadLength: number; continuation: boolean; fin: boolean }): void {
    if (this.done || length > this.options.maxMessageBytes) return;
    // A frame that begins a message means every earlier message has arrived whole.
    if (!continuation) {
      this.partial = 0;
      this.waitingPartial = 0;
    }
    if (this.paused) {
      this.waiting += length;
      this.waitingPartial = fin ? 0 : this.waitingPartial + length;
      this.waitingEnds = fin;
      return;
    }
    if (this.admit(length)) {
      this.partial = fin ? 0 : this.partial + length;
      return;
    }
    // Waiting helps only if something will be paid back without reading more: its own
    // messages that have arrived whole, not the earlier fragments of this same message.
    if (this.queued + this.receiving - this.partial > 0) {
      this.paused = true;
      this.waiting = length;
      this.waitingPartial = fin ? 0 : length;
      this.waitingEnds = fin;
      this.options.socket.pause();
      return;
    }
    this.refuse(length);
  }

  private admit(length: number): boolean {
    const own = this.receiving + this.queued;
    if (own > 0 && own + length > this.options.maxMessageBytes) return false;
    if (!this.options.budget.tryReserve(this.options.tokenHash, this.options.workspaceId, length)) return false;
    this.receiving += length;
    return true;
  }

  private tryResume(): void {
    if (this.waiting > 0 && !this.admit(this.waiting)) {
      if (this.queued + this.receiving - this.partial <= 0) this.refuse(this.waiting);
      return;
    }
    this.partial = this.waitingEnds ? 0 : this.partial + this.waitingPartial;
    this.waitingPartial = 0;
    this.waiting = 0;
    this.paused = false;
    this.options.socket.resume();
  }

  private refuse(length: number): void {
    this.done = true;
    this.paused = false;
    this.options.socket.pause();
    this.options.onRefuse(length);
  }

  private release(bytes: number): void {
    this.options.budget.release(this.options.tokenHash, this.options.workspaceId, bytes);
  }
}
