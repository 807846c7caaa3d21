import { createServer } from 'node:net';

/** Zipkin is bound to loopback only: a local trace backend has no business on the network. */
export const LOOPBACK = '127.0.0.1';

/** A port nothing listens on right now, chosen by the kernel. */
export function freePort(host: string = LOOPBACK): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ host, port: 0, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** True if this process could bind host:port right now (a wildcard listener counts as taken). */
export function canBind(port: number, host: string = LOOPBACK): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
