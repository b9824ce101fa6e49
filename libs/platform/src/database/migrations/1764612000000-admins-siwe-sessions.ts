import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-In with Ethereum for DAO admin wallets. Who is an admin is in the log (DaoAdminWalletAdded); these
 * tables hold only the short-lived sign-in state: nonces (single use, bound to a DAO and an address) and
 * sessions (only a SHA-256 of the opaque token is kept, so a copy of the table signs nobody in).
 */
export class AdminSiweSessions1764612000000 implements MigrationInterface {
  name = 'AdminSiweSessions1764612000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE admin_siwe_nonces (
        nonce       TEXT        PRIMARY KEY,
        dao_id      TEXT        NOT NULL,
        address     TEXT        NOT NULL,
        issued_at   TIMESTAMPTZ NOT NULL,
        expires_at  TIMESTAMPTZ NOT NULL,
        -- set in the statement that signs in with it: a nonce signs in once
        used_at     TIMESTAMPTZ
      )`);
    await q.query(`CREATE INDEX admin_siwe_nonces_expiry_idx ON admin_siwe_nonces (expires_at)`);
    await q.query(`
      CREATE TABLE admin_sessions (
        token_hash  TEXT        PRIMARY KEY,
        dao_id      TEXT        NOT NULL,
        address     TEXT        NOT NULL,
        created_at  TIMESTAMPTZ NOT NULL,
        expires_at  TIMESTAMPTZ NOT NULL
      )`);
    await q.query(`CREATE INDEX admin_sessions_expiry_idx ON admin_sessions (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE admin_sessions`);
    await q.query(`DROP TABLE admin_siwe_nonces`);
  }
}
