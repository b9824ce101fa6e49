import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP relay in front of a server (the chain node): `cut()` closes it and every connection through it, as
 * if the node went down; `restore()` listens again on the same port. The node itself keeps its state.
 */
export const tcpProxy = async (target: { host: string; port: number }) => {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((inbound) => {
        const outbound = connect(target.port, target.host);
        for (const s of [inbound, outbound]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        inbound.pipe(outbound).pipe(inbound);
      });
      server.listen(port, '127.0.0.1', () => {
        const address = server!.address();
        if (typeof address === 'object' && address) port = address.port;
        resolve();
      });
    });
  await listen();
  return {
    url: () => `http://127.0.0.1:${port}`,
    cut: async () => {
      const closing = server;
      server = null;
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => (closing ? closing.close(() => resolve()) : resolve()));
    },
    restore: listen,
  };
};
