import { connect, createServer, type Socket } from 'node:net';

export interface StallProxy {
  port: number;
  /** ws://127.0.0.1:<port>: give this to a client instead of the server's own address. */
  url: string;
  /**
   * From now on nothing passes either way and nothing is closed: open
   * connections go silent, and new ones are accepted but never answered, as
   * with a frozen server (`kill -STOP`) or a cable pulled out.
   */
  stall(): void;
  /** Lets everything held back through, in order. */
  resume(): void;
  close(): Promise<void>;
}

/** A TCP proxy on 127.0.0.1 in front of a real server, which can go silent without closing anything. */
export async function startStallProxy(targetPort: number): Promise<StallProxy> {
  let stalled = false;
  const sockets = new Set<Socket>();
  const held: (() => void)[] = [];
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    const open = () => {
      const upstream = connect(targetPort, '127.0.0.1');
      sockets.add(upstream);
      upstream.on('close', () => {
        sockets.delete(upstream);
        client.destroy();
      });
      upstream.on('error', () => upstream.destroy());
      client.on('close', () => upstream.destroy());
      // Bytes read while stalled are held in order and written on resume.
      const relay = (from: Socket, to: Socket) => {
        from.on('data', (chunk: Buffer) => {
          if (stalled) held.push(() => to.write(chunk));
          else to.write(chunk);
        });
      };
      relay(client, upstream);
      relay(upstream, client);
      client.resume();
    };
    if (stalled) held.push(open);
    else open();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    url: `ws://127.0.0.1:${port}`,
    stall: () => {
      stalled = true;
    },
    resume: () => {
      stalled = false;
      held.splice(0).forEach((run) => run());
    },
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
