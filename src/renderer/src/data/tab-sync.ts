import * as Y from 'yjs';

/** What tabs (and desktop windows, which share one origin) say to each other about one Y.Doc. */
export type TabMessage =
  /** A change made (or received from the team server) in the sending tab. */
  | { type: 'update'; update: Uint8Array }
  /** A tab joined: everyone sends what it lacks, and their own state vector. */
  | { type: 'hello'; stateVector: Uint8Array }
  /** Answer to a hello: the joiner sends back what the answerer lacks. */
  | { type: 'state'; stateVector: Uint8Array };

/**
 * Keeps every copy of one Y.Doc open in this browser profile live in step
 * over a BroadcastChannel. Each tab has its own Y.Doc (each its own data
 * engine), and IndexedDB tells no one when another tab writes, so without
 * this two windows on one workspace show different data until reloaded.
 * Changes from other tabs are applied with this object as their origin: they
 * are not undoable here, reach the projection like a teammate's, and are not
 * sent back out.
 */
export class TabSync {
  private readonly channel: BroadcastChannel;
  private closed = false;

  constructor(private readonly doc: Y.Doc, channelName: string) {
    this.channel = new BroadcastChannel(channelName);
    this.channel.onmessage = (event: MessageEvent<TabMessage>) => this.receive(event.data);
    doc.on('update', this.onUpdate);
  }

  /**
   * Catches up with the other tabs: they may hold changes not stored yet (or
   * stored after this tab loaded), and this tab may hold some they lack.
   */
  join(): void {
    this.post({ type: 'hello', stateVector: Y.encodeStateVector(this.doc) });
  }

  destroy(): void {
    if (this.closed) return;
    this.closed = true;
    this.doc.off('update', this.onUpdate);
    this.channel.close();
  }

  private onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== this) this.post({ type: 'update', update });
  };

  private receive(message: TabMessage) {
    if (this.closed || !message || typeof message !== 'object') return;
    if (message.type === 'update') Y.applyUpdate(this.doc, message.update, this);
    else if (message.type === 'hello') {
      this.sendMissing(message.stateVector);
      this.post({ type: 'state', stateVector: Y.encodeStateVector(this.doc) });
    } else if (message.type === 'state') this.sendMissing(message.stateVector);
  }

  /**
   * Sent even when the state vectors match: a deletion does not show in a
   * state vector, and one the other tab holds only in memory must not be missed.
   */
  private sendMissing(theirs: Uint8Array) {
    this.post({ type: 'update', update: Y.encodeStateAsUpdate(this.doc, theirs) });
  }

  private post(message: TabMessage) {
    if (!this.closed) this.channel.postMessage(message);
  }
}
