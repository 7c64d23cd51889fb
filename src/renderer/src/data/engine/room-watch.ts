import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';

/** y-websocket's message types, and the sync message that carries a copy's state. */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;
const MESSAGE_SYNC_STEP2 = 1;

/** How often a connected room asks the server for a sign of life. */
export const HEARTBEAT_MS = 1_000;
/**
 * Silence after which a connection counts as lost. A browser cannot see a
 * dead TCP link (cable out, server frozen) and y-websocket's own watchdog
 * waits 30 s; with a question every second, 2.5 s of silence plus one check
 * interval keeps "Offline" within 3 s.
 */
export const SILENCE_MS = 2_500;
const CHECK_MS = 250;
/**
 * From the server's first word until it has answered a question asked after
 * the sync exchange, a whole workspace may be on its way (down in one
 * message, or up in pieces the server stores one by one): y-websocket's own
 * limit then.
 */
const FIRST_SYNC_SILENCE_MS = 30_000;
/**
 * A connection that neither opens nor fails, or opens and never says a word
 * (a server that accepts and then freezes, a proxy that swallows it), is
 * tried afresh. Generous: a server loading a large workspace from disk
 * speaks only once it is loaded.
 */
const CONNECT_TIMEOUT_MS = 10_000;

export interface RoomProgress {
  /** Edits (transactions `isEdit` counts) the server has not yet confirmed. */
  waiting: number;
  /** The server has confirmed every local change, edits and app bookkeeping alike. */
  sent: boolean;
}

/**
 * Watches one y-websocket room: a heartbeat that turns a silent connection
 * into a lost one within 3 s, and a count of local changes the server has
 * confirmed.
 *
 * The heartbeat is y-websocket's query-awareness message, which the team
 * server answers with the room's presence (sync-server/room.ts). The server
 * handles a room's messages one at a time, in order, and stores a change
 * before it handles the next message; so the answer to a question asked
 * after a change proves the server has that change. One question is out at a
 * time, and the next presence message is taken as its answer: a teammate's
 * presence relayed just before it can make "sent" show one round trip early,
 * which costs nothing, as a reconnect's sync exchange sends anything the
 * server lacks anyway.
 */
export class RoomWatch {
  private made = 0;
  private madeEdits = 0;
  private confirmed = 0;
  private confirmedEdits = 0;
  /**
   * Questions sent on this connection and not yet answered, in order: ours
   * carry the counts when asked; others' (the piecewise upload asks after
   * each piece) are null, so their answers are not taken for ours.
   */
  private questions: ({ made: number; edits: number } | null)[] = [];
  /** This copy's whole state has gone out on the current connection (the sync step 2, stock or the last piece). */
  private stateSent = false;
  /**
   * The server has answered a question asked after a sync: what this copy
   * held before the watch began (yesterday's offline work) is there too. An
   * empty copy has nothing to send.
   */
  private answered: boolean;
  private connectingSince = 0;
  private lastProgress = 0;
  private buffered = 0;
  private readonly timer: ReturnType<typeof setInterval>;
  private lastQuestion = 0;
  private readonly originalHandlers: WebsocketProvider['messageHandlers'];
  /** Some message came on the current connection. */
  private heard = false;
  private asking = false;
  /** One of our questions was answered on the current connection. */
  private caughtUp = false;

  constructor(
    private readonly provider: WebsocketProvider,
    /** Which local transactions are a person's edits (the count shown); others (app bookkeeping) only have to be sent. */
    private readonly isEdit: (origin: unknown) => boolean,
    private readonly onChange: () => void,
  ) {
    this.answered = provider.doc.store.clients.size === 0;
    this.originalHandlers = provider.messageHandlers.slice();
    provider.messageHandlers = provider.messageHandlers.map((handle, type) => (...args: Parameters<typeof handle>) => {
      this.heard = true;
      handle(...args);
      if (type === MESSAGE_AWARENESS) this.onAnswer();
    });
    provider.doc.on('update', this.onUpdate);
    provider.on('status', this.onStatus);
    provider.on('sync', this.onSync);
    if (provider.wsconnecting) this.connectingSince = Date.now();
    this.timer = setInterval(this.check, CHECK_MS);
  }

  get progress(): RoomProgress {
    return {
      waiting: this.madeEdits - this.confirmedEdits,
      sent: this.answered && this.confirmed === this.made,
    };
  }

  destroy(): void {
    clearInterval(this.timer);
    this.provider.messageHandlers = this.originalHandlers;
    this.provider.doc.off('update', this.onUpdate);
    this.provider.off('status', this.onStatus);
    this.provider.off('sync', this.onSync);
  }

  private onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === this.provider) return; // From the server: nothing to send.
    this.made += 1;
    if (this.isEdit(origin)) this.madeEdits += 1;
    this.onChange();
    // Ask right after the change leaves, so "sent" follows within a round trip rather than a heartbeat.
    queueMicrotask(() => this.ask());
  };

  private onStatus = ({ status }: { status: string }) => {
    this.connectingSince = status === 'connecting' ? Date.now() : 0;
    this.questions = [];
    this.stateSent = false;
    this.heard = false;
    this.caughtUp = false;
    if (status === 'connected' && this.provider.ws) this.watchSends(this.provider.ws);
  };

  private onSync = (synced: boolean) => {
    if (synced) this.ask();
    this.onChange();
  };

  /** Sees every message this connection sends, whoever sends it: questions to match answers with, and the sync step 2. */
  private watchSends(ws: WebSocket): void {
    const send = ws.send.bind(ws);
    ws.send = (data) => {
      const bytes = data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;
      if (bytes?.[0] === MESSAGE_QUERY_AWARENESS && !this.asking) this.questions.push(null);
      if (bytes?.[0] === MESSAGE_SYNC && bytes[1] === MESSAGE_SYNC_STEP2) this.stateSent = true;
      send(data);
    };
  }

  private onAnswer(): void {
    if (this.questions.length === 0) return; // Presence news, not an answer.
    const asked = this.questions.shift();
    if (!asked) return;
    this.confirmed = asked.made;
    this.confirmedEdits = asked.edits;
    this.caughtUp = true;
    this.answered = true;
    this.onChange();
    if (this.made !== this.confirmed) this.ask();
  }

  /**
   * Only once synced and this copy's state has gone out: a question asked
   * before then could be answered before the server has what the sync
   * exchange sends it.
   */
  private ask(): void {
    const ws = this.provider.ws;
    if (this.questions.some(Boolean) || !this.stateSent || !ws || !this.provider.wsconnected || !this.provider.synced || ws.readyState !== ws.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_QUERY_AWARENESS);
    this.asking = true;
    try {
      ws.send(encoding.toUint8Array(encoder));
    } finally {
      this.asking = false;
    }
    this.questions.push({ made: this.made, edits: this.madeEdits });
    this.lastQuestion = Date.now();
  }

  private check = () => {
    const now = Date.now();
    const provider = this.provider;
    if (provider.wsconnecting && this.connectingSince && now - this.connectingSince > CONNECT_TIMEOUT_MS) return this.drop();
    const ws = provider.ws;
    if (!provider.wsconnected || !ws) return;
    // Bytes still leaving (a large first upload) are progress too: the server answers only once it has them all.
    if (ws.bufferedAmount < this.buffered) this.lastProgress = now;
    this.buffered = ws.bufferedAmount;
    const lastHeard = Math.max(provider.wsLastMessageReceived, this.lastProgress);
    // The short limit once the server has caught up with this connection's start (a big first upload can keep it busy for long).
    const limit = this.caughtUp ? SILENCE_MS : this.heard ? FIRST_SYNC_SILENCE_MS : CONNECT_TIMEOUT_MS;
    if (now - lastHeard > limit) return this.drop();
    if (now - this.lastQuestion >= HEARTBEAT_MS) this.ask();
  };

  /** Closes a connection gone silent; the provider opens a new one (and says so, so the status reads "Offline"). */
  private drop(): void {
    if (!this.provider.shouldConnect) return;
    this.provider.disconnect();
    this.provider.connect();
  }
}
