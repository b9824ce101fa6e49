/**
 * A worker process of its own for the crash spec: only the execution driver, against the spec's database
 * and private chain (passed as AYLLU_CRASH_WORKER, JSON). With AYLLU_EXECUTION_CRASH_AT set it kills itself
 * (SIGKILL) at that step boundary; without it, it runs until SIGTERM.
 */
import { PostgresEventStore } from '@ayllu/event-store';
import { loadConfig } from '@ayllu/platform';
import { Pool } from 'pg';
import pino from 'pino';
import type { DevChain } from '../../../libs/chain/src/local/deploy-dev-chain';
import { executionChain } from '../src/execution/execution-chain';
import { startExecution } from '../src/execution/start-execution';
import { devChainProfile } from '@ayllu/chain';

interface CrashWorkerSettings {
  readonly databaseUrl: string;
  readonly relayerKey: `0x${string}`;
  readonly devChain: DevChain;
}

async function main() {
  const settings = JSON.parse(process.env.AYLLU_CRASH_WORKER!) as CrashWorkerSettings;
  const pool = new Pool({ connectionString: settings.databaseUrl, max: 5 });
  const { devChain } = settings;
  const driver = await startExecution({
    config: loadConfig({ NODE_ENV: 'test', DATABASE_URL: settings.databaseUrl, LOG_LEVEL: 'silent' }),
    pool,
    databaseUrl: settings.databaseUrl,
    store: new PostgresEventStore(pool),
    logger: pino({ level: 'warn' }, pino.destination(2)),
    chain: executionChain({ rpcUrl: devChain.rpcUrl, relayerPrivateKey: settings.relayerKey, profile: devChainProfile(devChain) }),
    pollMs: 200,
    leaseMs: 1000,
  });
  process.once('SIGTERM', () => {
    void driver!
      .stop()
      .then(() => pool.end())
      .then(() => process.exit(0));
  });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
