/**
 * A TCP proxy in front of the test MongoDB server that a test can cut and restore, to see how
 * the read store behaves when its server goes away and comes back.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface MongoTcpProxy {
  /** `mongodb://127.0.0.1:<proxy port>/`, with `directConnection` so the driver never bypasses the proxy. */
  readonly url: string;
  /** Closes the listener and every open connection: the server looks down. */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

function hostAndPort(mongoUrl: string): { host: string; port: number } {
  const match = /^mongodb:\/\/(?:[^@/]*@)?([^:/,]+)(?::(\d+))?/.exec(mongoUrl);
  if (match?.[1] === undefined) throw new Error('mongo-tcp-proxy: needs a single-host mongodb:// URL');
  return { host: match[1], port: Number(match[2] ?? 27017) };
}

export async function startMongoTcpProxy(mongoUrl: string): Promise<MongoTcpProxy> {
  const upstream = hostAndPort(mongoUrl);
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;

  const listen = async (): Promise<void> => {
    const listening = createServer((client) => {
      const backend = createConnection(upstream.port, upstream.host);
      for (const socket of [client, backend]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          backend.destroy();
        });
      }
      client.pipe(backend).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      listening.once('error', reject);
      listening.listen(port, '127.0.0.1', () => resolve());
    });
    const address = listening.address();
    if (address === null || typeof address === 'string') throw new Error('mongo-tcp-proxy: no TCP address');
    port = address.port;
    server = listening;
  };

  const cut = async (): Promise<void> => {
    const closing = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    if (closing !== undefined) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };

  await listen();
  return {
    url: `mongodb://127.0.0.1:${port}/?directConnection=true`,
    cut,
    restore: listen,
    close: cut,
  };
}
