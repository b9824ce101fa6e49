import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface JsonRpcRequest {
  readonly method: string;
  readonly params?: readonly unknown[];
}

/**
 * An HTTP relay in front of a JSON-RPC node that answers chosen requests the way an overloaded provider does:
 * HTTP 429 Too Many Requests, without asking the node. Everything else is passed through unchanged.
 */
export async function rpcFaultProxy(target: string) {
  let refuse: (request: JsonRpcRequest) => boolean = () => false;
  let refused = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let parsed: JsonRpcRequest | JsonRpcRequest[] | null = null;
      try {
        parsed = JSON.parse(body) as JsonRpcRequest | JsonRpcRequest[];
      } catch {
        // passed through as it came
      }
      const requests = parsed === null ? [] : Array.isArray(parsed) ? parsed : [parsed];
      if (requests.some((r) => refuse(r))) {
        refused++;
        res.writeHead(429, { 'content-type': 'text/plain', 'retry-after': '1' }).end('Too Many Requests');
        return;
      }
      fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
        .then(async (answer) => res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text()))
        .catch(() => res.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    /** From now on, answers 429 to every request `match` picks. */
    refuse: (match: (request: JsonRpcRequest) => boolean) => {
      refuse = match;
    },
    heal: () => {
      refuse = () => false;
    },
    refused: () => refused,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
