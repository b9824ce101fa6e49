import { Agent, request } from 'node:http';

export interface HttpCall {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
}

export interface LoadResult {
  readonly requests: number;
  readonly seconds: number;
  readonly latenciesMs: readonly number[];
  /** When each answer arrived, in seconds since the start, in arrival order. */
  readonly doneAtSeconds: readonly number[];
  /** Count of answers per HTTP status (and 'error' for a failed connection). */
  readonly statuses: Record<string, number>;
  /** Set when the time budget ran out before every call was sent. */
  readonly stoppedEarly: boolean;
}

const send = (agent: Agent, base: URL, call: HttpCall): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: call.method,
        path: call.path,
        headers: call.body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(call.body) },
      },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
        res.once('error', reject);
      },
    );
    req.once('error', reject);
    req.end(call.body);
  });

/**
 * A closed-loop load: `concurrency` keep-alive connections, each sending its next call as soon as the
 * previous one is answered, until every call is sent or `budgetSeconds` ran out. Latency is per call,
 * from write to the end of the answer.
 */
export const runClosedLoop = async (
  baseUrl: string,
  calls: readonly HttpCall[],
  concurrency: number,
  budgetSeconds = Number.POSITIVE_INFINITY,
): Promise<LoadResult> => {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const base = new URL(baseUrl);
  const latenciesMs: number[] = [];
  const doneAtSeconds: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  let stoppedEarly = false;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + budgetSeconds * 1000;
  const lane = async () => {
    while (next < calls.length) {
      if (Date.now() > deadline) {
        stoppedEarly = true;
        return;
      }
      const call = calls[next++];
      const t0 = process.hrtime.bigint();
      let status: string;
      try {
        status = String(await send(agent, base, call));
      } catch {
        status = 'error';
      }
      const t1 = process.hrtime.bigint();
      latenciesMs.push(Number(t1 - t0) / 1e6);
      doneAtSeconds.push(Number(t1 - started) / 1e9);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return { requests: latenciesMs.length, seconds, latenciesMs, doneAtSeconds, statuses, stoppedEarly };
};

/**
 * An open-loop load: call i is due at `i / ratePerSecond` seconds after the start and is sent then, whether or
 * not earlier calls were answered (up to `maxSockets` keep-alive connections; a call waiting for a free one
 * waits on the clock). Latency runs from when the call was due, so a server that falls behind is charged for
 * the queue it builds instead of slowing the load down (no coordinated omission).
 */
export const runOpenLoop = async (
  baseUrl: string,
  calls: readonly HttpCall[],
  ratePerSecond: number,
  maxSockets = 256,
): Promise<LoadResult> => {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const base = new URL(baseUrl);
  const latenciesMs: number[] = [];
  const doneAtSeconds: number[] = [];
  const statuses: Record<string, number> = {};
  const started = process.hrtime.bigint();
  const sinceStart = () => Number(process.hrtime.bigint() - started) / 1e9;
  const inFlight: Promise<void>[] = [];
  for (const [i, call] of calls.entries()) {
    const due = i / ratePerSecond;
    const wait = due - sinceStart();
    if (wait > 0.001) await new Promise((r) => setTimeout(r, wait * 1000));
    inFlight.push(
      send(agent, base, call)
        .then(String, () => 'error')
        .then((status) => {
          const done = sinceStart();
          latenciesMs.push((done - due) * 1000);
          doneAtSeconds.push(done);
          statuses[status] = (statuses[status] ?? 0) + 1;
        }),
    );
  }
  await Promise.all(inFlight);
  const seconds = sinceStart();
  agent.destroy();
  return { requests: latenciesMs.length, seconds, latenciesMs, doneAtSeconds, statuses, stoppedEarly: false };
};
