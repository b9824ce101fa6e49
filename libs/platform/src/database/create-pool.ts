import { Pool } from 'pg';

/**
 * A connection pool that survives the database going away (restart, failover): a connection dropped
 * while idle or while checked out by any caller emits 'error', which without a listener would crash the
 * process. The query in flight still rejects and its caller retries or answers 503.
 */
export const createPool = (connectionString: string, max: number, log: (message: string) => void = console.error): Pool => {
  const pool = new Pool({ connectionString, max });
  pool.on('error', (error) => log(`database connection lost: ${error.message}`));
  pool.on('connect', (client) => client.on('error', (error) => log(`database connection lost: ${error.message}`)));
  return pool;
};
