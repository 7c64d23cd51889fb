import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import { splitUpdate, updatePieces } from '../../../../shared/sync/split-update';

/**
 * The largest message this app sends the team server. The server refuses
 * bigger ones (closing the connection with 1009) above its --max-message-mb,
 * 64 MB unless its admin lowered it; 8 MB leaves room for that, and is only
 * a handful of messages even for a 100,000-creator workspace (~120 MB).
 */
export const MAX_PIECE_BYTES = 8 * 1024 * 1024;

/** y-websocket's message type for document sync (the first varint of a message). */
const MESSAGE_SYNC = 0;

/**
 * "Who is here?" (y-websocket's query-awareness message), sent after each
 * piece. The server answers it once it reads on past that piece, so a long
 * upload keeps hearing from the server: the provider closes a connection it
 * has heard nothing on for 30 s, and a server busy storing 15 pieces of a big
 * workspace (it reads a connection's next message only once the previous
 * ones are handled) can be silent that long, which made the upload start over.
 */
const QUERY_AWARENESS = new Uint8Array([3]);

/**
 * Makes a stock y-websocket provider send big changes in pieces the server
 * accepts. Unchanged, the provider answers the server's "what do you have?"
 * (sync step 1) with everything the server lacks as one message, and sends
 * each local change (an import of 100,000 creators is one) as one message:
 * over the server's limit, the connection is closed, retried, and closed
 * again, and the workspace never goes up.
 *
 * With this, an answer or a change bigger than `maxPieceBytes` goes as
 * several update messages, each applicable on its own in order (see
 * splitUpdate), the answer's last piece as the sync step 2, each piece
 * followed by a question the server answers (see QUERY_AWARENESS). Everything else
 * (small changes, what the server sends, presence) is the stock behaviour.
 * Call it right after `new WebsocketProvider(...)`.
 */
export function sendInPieces(provider: WebsocketProvider, maxPieceBytes = MAX_PIECE_BYTES): void {
  const stockSync = provider.messageHandlers[MESSAGE_SYNC];
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, handledBy, emitSynced, messageType) => {
    const ws = handledBy.ws;
    // From another tab (BroadcastChannel: no size limit), or a message that is not the server's question: as stock.
    const peek = decoding.clone(decoder);
    if (!emitSynced || !ws || decoding.readVarUint(peek) !== syncProtocol.messageYjsSyncStep1) {
      stockSync(encoder, decoder, handledBy, emitSynced, messageType);
      return;
    }
    const missing = Y.encodeStateAsUpdate(handledBy.doc, decoding.readVarUint8Array(peek));
    let pieces: Iterator<Uint8Array, void>;
    let first: IteratorResult<Uint8Array, void>;
    try {
      pieces = updatePieces(missing, maxPieceBytes);
      first = pieces.next(); // reads all of it: throws now or never
    } catch {
      first = { done: false, value: missing }; // not one Yjs can read: whole, and the server says what is wrong with it
      pieces = [][Symbol.iterator]();
    }
    const second = pieces.next();
    if (second.done) {
      // Small enough: the stock answer, written as the reply.
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
      encoding.writeVarUint8Array(encoder, first.value as Uint8Array);
      return;
    }
    // Piece by piece, letting the event loop run in between (pongs, the server's answers, the UI);
    // the last goes as sync step 2. Should this connection end meanwhile, the next one starts over from what the server has.
    void (async () => {
      let current = first.value as Uint8Array;
      for (let next: IteratorResult<Uint8Array, void> = second; ; next = pieces.next()) {
        if (handledBy.ws !== ws || ws.readyState !== ws.OPEN) return;
        if (next.done) return ws.send(syncMessage(syncProtocol.messageYjsSyncStep2, current));
        ws.send(syncMessage(syncProtocol.messageYjsUpdate, current));
        ws.send(QUERY_AWARENESS);
        current = next.value;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    })();
  };

  // The provider broadcasts each local change through its own doc listener; put ours in its place.
  const stockUpdate = provider._updateHandler;
  const inPieces = (update: Uint8Array, origin: unknown): void => {
    if (origin === provider || update.length <= maxPieceBytes) return stockUpdate(update, origin);
    for (const piece of piecesOf(update, maxPieceBytes)) {
      stockUpdate(piece, origin);
      const ws = provider.ws;
      if (provider.wsconnected && ws?.readyState === ws?.OPEN) ws?.send(QUERY_AWARENESS);
    }
  };
  provider.doc.off('update', stockUpdate);
  provider.doc.on('update', inPieces);
  // destroy() unhooks whatever is here.
  provider._updateHandler = inPieces;
}

/** The update in pieces; whole, should it not be one Yjs can read (the server then says what is wrong with it). */
function piecesOf(update: Uint8Array, maxPieceBytes: number): Uint8Array[] {
  try {
    return splitUpdate(update, maxPieceBytes);
  } catch {
    return [update];
  }
}

function syncMessage(step: number, update: Uint8Array): Uint8Array<ArrayBuffer> {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder) as Uint8Array<ArrayBuffer>; // lib0 always builds it on a plain ArrayBuffer
}
