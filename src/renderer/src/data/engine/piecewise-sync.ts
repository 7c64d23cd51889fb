import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import { splitUpdate } from '../../../../shared/sync/split-update';

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
 * Makes a stock y-websocket provider send big changes in pieces the server
 * accepts. Unchanged, the provider answers the server's "what do you have?"
 * (sync step 1) with everything the server lacks as one message, and sends
 * each local change (an import of 100,000 creators is one) as one message:
 * over the server's limit, the connection is closed, retried, and closed
 * again, and the workspace never goes up.
 *
 * With this, an answer or a change bigger than `maxPieceBytes` goes as
 * several update messages, each applicable on its own in order (see
 * splitUpdate), the answer's last piece as the sync step 2. Everything else
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
    const pieces = piecesOf(missing, maxPieceBytes);
    // The provider's socket sends in order: the pieces, then (as the reply it writes) the last one as step 2.
    for (const piece of pieces.slice(0, -1)) ws.send(syncMessage(syncProtocol.messageYjsUpdate, piece));
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, pieces[pieces.length - 1]);
  };

  // The provider broadcasts each local change through its own doc listener; put ours in its place.
  const stockUpdate = provider._updateHandler;
  const inPieces = (update: Uint8Array, origin: unknown): void => {
    if (origin === provider || update.length <= maxPieceBytes) return stockUpdate(update, origin);
    for (const piece of piecesOf(update, maxPieceBytes)) stockUpdate(piece, origin);
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
