import type { Pool } from 'pg';
import { createDatabaseFromTemplate, createPool, dropDatabase } from '@ayllu/platform';

export interface TestDatabase {
  readonly url: string;
  readonly pool: Pool;
  readonly drop: () => Promise<void>;
}

/** A migrated database of this test file's own, dropped by `drop()` (call it in afterAll). */
export const createTestDatabase = async (): Promise<TestDatabase> => {
  const templateUrl = process.env.AYLLU_TEST_TEMPLATE_URL;
  if (!templateUrl) throw new Error('AYLLU_TEST_TEMPLATE_URL is unset: run through the jest "integration" project');
  const url = await createDatabaseFromTemplate(templateUrl, process.env.AYLLU_TEST_RUN_ID!);
  // Dropping the database at the end terminates connections that are still closing: expected, not a failure.
  const pool = createPool(url, 20, () => undefined);
  return {
    url,
    pool,
    drop: async () => {
      await pool.end();
      await dropDatabase(url);
    },
  };
};
