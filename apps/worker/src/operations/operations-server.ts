import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Pool } from 'pg';
import type { Registry } from 'prom-client';
import type { ExecutionChain } from '../execution/execution-chain';

export interface WorkerHealth {
  readonly status: 'ok' | 'degraded';
  readonly database: 'ok';
  readonly chain?: { readonly status: 'ok'; readonly blockNumber: string } | { readonly status: 'down'; readonly error: string };
  readonly relayer?: { readonly address: string; readonly balance: string; readonly minimum: string; readonly belowMinimum: boolean };
  readonly quarantined?: number;
}

export interface OperationsServerOptions {
  readonly pool: Pool;
  readonly registry: Registry;
  readonly chain: () => ExecutionChain | null;
  readonly relayerMinBalance: bigint;
}

/** The worker's health: the database, the chain, the relayer's balance against its floor, quarantined streams. */
export async function workerHealth(options: OperationsServerOptions): Promise<WorkerHealth | null> {
  let quarantined: number;
  try {
    const { rows } = await options.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM processor_quarantines WHERE resume_requested_at IS NULL',
    );
    quarantined = rows[0].n;
  } catch {
    return null;
  }
  const chain = options.chain();
  if (!chain) return { status: quarantined > 0 ? 'degraded' : 'ok', database: 'ok', quarantined };
  const address = chain.relayer.account.address;
  try {
    const [blockNumber, balance] = await Promise.all([chain.public.getBlockNumber({ cacheTime: 0 }), chain.public.getBalance({ address })]);
    const belowMinimum = balance < options.relayerMinBalance;
    return {
      status: quarantined > 0 || belowMinimum ? 'degraded' : 'ok',
      database: 'ok',
      chain: { status: 'ok', blockNumber: blockNumber.toString() },
      relayer: { address, balance: balance.toString(), minimum: options.relayerMinBalance.toString(), belowMinimum },
      quarantined,
    };
  } catch (error) {
    return { status: 'degraded', database: 'ok', chain: { status: 'down', error: (error as Error).name }, quarantined };
  }
}

const send = (res: ServerResponse, status: number, type: string, body: string) => {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
};

/**
 * `GET /health/live`, `GET /health` (503 when the database does not answer; `degraded` when the chain does not,
 * a stream is quarantined, or the relayer's balance is below RELAYER_MIN_BALANCE) and `GET /metrics`.
 */
export function startOperationsServer(port: number, host: string, options: OperationsServerOptions): Promise<Server> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET') return send(res, 405, 'application/problem+json', JSON.stringify({ status: 405, code: 'HTTP.405' }));
    if (path === '/health/live') return send(res, 200, 'application/json', JSON.stringify({ status: 'ok' }));
    if (path === '/health')
      return void workerHealth(options).then((health) =>
        health
          ? send(res, 200, 'application/json', JSON.stringify(health))
          : send(
              res,
              503,
              'application/problem+json',
              JSON.stringify({ status: 503, code: 'HEALTH.DATABASE_UNAVAILABLE', detail: 'The database does not answer' }),
            ),
      );
    if (path === '/metrics')
      return void options.registry.metrics().then(
        (text) => send(res, 200, options.registry.contentType, text),
        () => send(res, 503, 'text/plain', 'metrics unavailable\n'),
      );
    return send(res, 404, 'application/problem+json', JSON.stringify({ status: 404, code: 'ROUTE.NOT_FOUND' }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
