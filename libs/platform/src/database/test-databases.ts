import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A database URL with another database name. */
export const withDatabase = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

const adminQuery = async (serverUrl: string, sql: string): Promise<void> => {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

/**
 * A fresh database copied from a migrated template (fast: a file copy), so parallel test files never see
 * each other's rows. The CI server keeps whatever a run leaves behind, so every name carries the run id.
 */
export const createDatabaseFromTemplate = async (templateUrl: string, prefix: string): Promise<string> => {
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await adminQuery(templateUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return withDatabase(templateUrl, name);
};

export const dropDatabase = async (url: string): Promise<void> => {
  const name = new URL(url).pathname.slice(1);
  await adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
};

export const createEmptyDatabase = async (serverUrl: string, name: string): Promise<string> => {
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  return withDatabase(serverUrl, name);
};
