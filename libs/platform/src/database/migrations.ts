import { WebhookIdempotency1764200000000 } from './migrations/1764200000000-webhook-idempotency';
import { EventStore1763683200000, NotifyFromApplication1763683400000 } from '@ayllu/event-store';
import { DataSource } from 'typeorm';
import { ReadModels1763683300000 } from './migrations/1763683300000-read-models';
import { GovernanceReadModels1763800000001 } from './migrations/1763800000001-governance-read-models';
import { Notifications1763900000000 } from './migrations/1763900000000-notifications';
import { Execution1764000000001 } from './migrations/1764000000001-execution';
import { ChainIndex1764100000001 } from './migrations/1764100000001-chain-index';
import { StreamQuarantine1764300000000 } from './migrations/1764300000000-stream-quarantine';
import { RelayerClaims1764400000000 } from './migrations/1764400000000-relayer-claims';
import { ChainIoLeases1764410000000 } from './migrations/1764410000000-chain-io-leases';
import { ExecutionBackoffSafeExec1764450000000 } from './migrations/1764450000000-execution-backoff-safe-exec';
import { AdminSiweSessions1764612000000 } from './migrations/1764612000000-admins-siwe-sessions';
import { AttachedSafe1764620000000 } from './migrations/1764620000000-attached-safe';
import { RoscaOperations1764700000001 } from './migrations/1764700000001-rosca-operations';
import { RoscaReadModels1764700000000 } from './migrations/1764700000000-rosca-read-models';
import { SharePoolReadModels1764800000000 } from './migrations/1764800000000-share-pool-read-models';
import { SharePoolOperations1764800000001 } from './migrations/1764800000001-share-pool-operations';
import { SharePoolPause1764810000000 } from './migrations/1764810000000-share-pool-pause';
import { PayoutClaimsPerPool1764900000000 } from './migrations/1764900000000-payout-claims-per-pool';

/** Every schema change, in order. TypeORM migrations only: nothing is ever synchronised from entities. */
export const MIGRATIONS = [
  EventStore1763683200000,
  ReadModels1763683300000,
  NotifyFromApplication1763683400000,
  GovernanceReadModels1763800000001,
  Notifications1763900000000,
  Execution1764000000001,
  ChainIndex1764100000001,
  WebhookIdempotency1764200000000,
  StreamQuarantine1764300000000,
  RelayerClaims1764400000000,
  ChainIoLeases1764410000000,
  ExecutionBackoffSafeExec1764450000000,
  AdminSiweSessions1764612000000,
  AttachedSafe1764620000000,
  RoscaReadModels1764700000000,
  RoscaOperations1764700000001,
  SharePoolReadModels1764800000000,
  SharePoolOperations1764800000001,
  SharePoolPause1764810000000,
  PayoutClaimsPerPool1764900000000,
];

export const createDataSource = (url: string): DataSource =>
  new DataSource({
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: false,
  });

/** Applies pending migrations; returns the names of those applied now. */
export const runMigrations = async (url: string): Promise<string[]> => {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
};
