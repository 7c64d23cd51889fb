import type { Duplex } from 'node:stream';
import { WebSocket, type RawData } from 'ws';
import { FrameMeter } from './frame-meter';
import type { InflightBudget } from './inflight-budget';
import type { Logger } from './logger';
import type { Peer } from './room';
import type { RoomRegistry } from './room-registry';
import { CLOSE, CLOSE_REASON } from './close-codes';

/** A client that has not answered a ping within this long is gone (laptop lid closed, Wi-Fi lost). */
const PING_INTERVAL_MS = 30_000;

export interface ConnectionInfo {
  tokenId: string;
  tokenHash: string;
  workspaceId: string;
  room: string;
  remote: string;
}

export interface ConnectionLimits {
  /** The socket under the WebSocket, read here ahead of ws for frame headers. */
  socket: Duplex;
  budget: InflightBudget;
  /** ws's own limit (maxPayload): a frame over it is ws's to refuse, with 1009. */
  maxMessageBytes: number;
}

/** After a refusal's close frame, how long the client has to see it before the socket is cut. */
const REFUSED_GRACE_MS = 1_000;

/** Puts an accepted WebSocket into its room and logs how it ends. */
export function attachConnection(ws: WebSocket, info: ConnectionInfo, rooms: RoomRegistry, log: Logger, limits: ConnectionLimits): Peer {
  const { tokenId, tokenHash, workspaceId, room: roomName, remote } = info;
  const { socket, budget } = limits;
  // Why the server ended it, when it did: the code the socket reports is often 1006 by then.
  let closeReason = '';
  let closeCode: number | undefined;
  const peer: Peer = {
    tokenId,
    tokenHash: info.tokenHash,
    send(message) {
      if (ws.readyState !== WebSocket.OPEN) return;
      const onSent = (error?: Error): void => {
        if (error) ws.terminate();
      };
      if (!Array.isArray(message)) {
        ws.send(message, onSent);
        return;
      }
      // Fragments of one message, back to back in this same tick, so nothing else can come between them.
      message.forEach((part, i) => ws.send(part, { binary: true, fin: i === message.length - 1 }, onSent));
    },
    close(code, reason) {
      if (ws.readyState === WebSocket.CLOSED || ws.readyState === WebSocket.CLOSING) return;
      closeReason = reason;
      closeCode = code;
      ws.close(code, reason);
      // A client that does not finish the closing handshake is cut off anyway.
      setTimeout(() => ws.terminate(), 5_000).unref();
    },
  };

  const room = rooms.join(roomName, peer);
  log({ event: 'connected', tokenId, workspaceId, room: roomName, remote });

  // Every frame is paid for from the invite's and the workspace's budget when
  // its header arrives, before ws buffers any of it, and paid back once the
  // room is done with the message. One that does not fit is refused: the
  // connection is closed and not one more byte of it is read. The client
  // reconnects and sends again what the server lacks, so nothing is lost,
  // and the server never holds more for one invite than its budget.
  let receiving = 0;
  let refused = false;
  const meter = new FrameMeter((length) => {
    if (refused || length > limits.maxMessageBytes) return;
    if (budget.tryReserve(tokenHash, workspaceId, length)) {
      receiving += length;
      return;
    }
    refused = true;
    log({
      event: 'refused', tokenId, workspaceId, room: roomName, remote, code: CLOSE.busy, reason: 'too many bytes in flight',
      frameBytes: length, heldByInvite: budget.heldBy(tokenHash), heldInWorkspace: budget.heldIn(workspaceId),
    });
    peer.close(CLOSE.busy, CLOSE_REASON.busy);
    socket.pause();
    setTimeout(() => ws.terminate(), REFUSED_GRACE_MS).unref();
  });
  const onData = (chunk: Buffer): void => meter.push(chunk);
  // Ahead of ws's own listener, so a header is counted before ws buffers the frame behind it.
  socket.prependListener('data', onData);

  ws.on('message', (data: RawData, isBinary: boolean) => {
    const bytes = toBytes(data);
    const held = Math.min(bytes.byteLength, receiving);
    receiving -= held;
    if (!isBinary) {
      budget.release(tokenHash, workspaceId, held);
      peer.close(CLOSE.malformed, CLOSE_REASON.malformed);
      return;
    }
    void room.receive(peer, bytes).finally(() => budget.release(tokenHash, workspaceId, held));
  });

  let alive = true;
  ws.on('pong', () => {
    alive = true;
  });
  const ping = setInterval(() => {
    if (!alive) {
      closeReason = CLOSE_REASON.noPong;
      closeCode = CLOSE.noPong;
      ws.terminate();
      return;
    }
    alive = false;
    ws.ping();
  }, PING_INTERVAL_MS);
  ping.unref();

  ws.on('error', (error: Error & { code?: string }) => {
    // The ws library raises an error and closes with 1009 when a message is over maxPayload.
    if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
      closeReason = 'A message was larger than the server allows.';
      closeCode = CLOSE.tooBig;
    }
    else closeReason ||= error.message;
  });

  ws.on('close', (code: number) => {
    clearInterval(ping);
    socket.off('data', onData);
    // Frames never finished are let go with the socket; queued messages are paid back as the room handles them.
    budget.release(tokenHash, workspaceId, receiving);
    receiving = 0;
    rooms.leave(room, peer);
    log({ event: 'disconnected', tokenId, workspaceId, room: roomName, remote, code: closeCode ?? code, ...(closeReason ? { reason: closeReason } : {}) });
  });
  return peer;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
