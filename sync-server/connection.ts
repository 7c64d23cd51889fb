import { WebSocket, type RawData } from 'ws';
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

/** Puts an accepted WebSocket into its room and logs how it ends. */
export function attachConnection(ws: WebSocket, info: ConnectionInfo, rooms: RoomRegistry, log: Logger): Peer {
  const { tokenId, workspaceId, room: roomName, remote } = info;
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

  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (!isBinary) {
      peer.close(CLOSE.malformed, CLOSE_REASON.malformed);
      return;
    }
    room.receive(peer, toBytes(data));
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
