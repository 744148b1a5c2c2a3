/**
 * The listening socket clients connect to, relaying bytes to the gRPC server behind it. grpc-js has
 * no public way to cut its live connections without shutting down; owning the sockets here lets the
 * test server drop every connection (both ends see a reset) and keep serving.
 */
import net from 'node:net';

export interface TcpFront {
  readonly port: number;
  /** Destroys every open connection; new connections are accepted as before. */
  dropConnections(): void;
  /** Stops listening and drops every connection. */
  close(): Promise<void>;
  /** Listens again on the same port. */
  reopen(): Promise<void>;
  /** The gRPC server new connections are relayed to. */
  setTarget(port: number): void;
}

export async function openTcpFront(options: { host: string; port: number; target: number }): Promise<TcpFront> {
  let target = options.target;
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket): void => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };

  const server = net.createServer((client) => {
    const upstream = net.connect({ host: '127.0.0.1', port: target });
    track(client);
    track(upstream);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    const closeBoth = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', closeBoth).on('close', closeBoth);
    upstream.on('error', closeBoth).on('close', closeBoth);
    client.pipe(upstream);
    upstream.pipe(client);
  });

  const listen = (port: number): Promise<number> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: options.host, port, exclusive: true }, () => {
        server.off('error', reject);
        resolve((server.address() as net.AddressInfo).port);
      });
    });
  const port = await listen(options.port);

  const dropConnections = (): void => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };

  return {
    port,
    dropConnections,
    setTarget(next) {
      target = next;
    },
    close() {
      dropConnections();
      return new Promise((resolve) => {
        if (!server.listening) resolve();
        else server.close(() => resolve());
      });
    },
    async reopen() {
      await listen(port);
    },
  };
}
