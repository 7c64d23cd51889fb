import type { Duplex } from 'node:stream';
import { WebSocket, type RawData } from 'ws';
import { InflightGate } from './inflight-gate';
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

  // Bytes in flight are bounded per invite and per workspace (see InflightGate): a fast
  // sender waits; a connection whose message cannot fit is refused, and its client sends
  // again what the server lacks when it reconnects, so nothing is lost either way.
  const gate = new InflightGate({
    socket, budget, tokenHash, workspaceId, maxMessageBytes: limits.maxMessageBytes,
    onRefuse(frameBytes) {
      log({
        event: 'refused', tokenId, workspaceId, room: roomName, remote, code: CLOSE.busy, reason: 'too many bytes in flight',
        frameBytes, heldByInvite: budget.heldBy(tokenHash), heldInWorkspace: budget.heldIn(workspaceId),
      });
      peer.close(CLOSE.busy, CLOSE_REASON.busy);
      setTimeout(() => ws.terminate(), REFUSED_GRACE_MS).unref();
    },
  });
  // Ahead of ws's own listener, so a header is counted before ws buffers the frame behind it.
  socket.prependListener('data', gate.onData);

  ws.on('message', (data: RawData, isBinary: boolean) => {
    const bytes = toBytes(data);
    const reserved = gate.received(bytes.byteLength);
    if (!isBinary) {
      gate.handled(reserved);
      peer.close(CLOSE.malformed, CLOSE_REASON.malformed);
      return;
    }
    void room.receive(peer, bytes).finally(() => gate.handled(reserved));
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
    socket.off('data', gate.onData);
    gate.close();
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
