import { Inject, Injectable } from '@nestjs/common';
import { adminKeyActor, keyIsLive, PLATFORM_ADMIN, siweActor, streams, toChecksumAddress, type ActiveDao } from '@ayllu/domain';
import { loadStream, type PostgresEventStore } from '@ayllu/event-store';
import { adminKeyMatches, adminKeySecretMatches, parseDaoAdminKey, tokenDigest } from '@ayllu/platform';
import type { Pool } from 'pg';
import { ADMIN_API_KEY, EVENT_STORE, PG_POOL } from '../shared/tokens';
import type { AdminAuthentication } from './admin-principal';
import { parseSessionToken } from './admin-sessions/session-token';

const refused = (refusal: Exclude<AdminAuthentication, { ok: true }>['refusal']): AdminAuthentication => ({ ok: false, refusal });

/** Verified secrets, so a working key costs one slow hash per process, not one per request. */
const VERIFIED_CACHE_SIZE = 1000;

/**
 * Checks an admin credential against the platform key and the log: a DAO admin key against its DAO's
 * stream (revocation and expiry count from the moment they are recorded), a SIWE session against its
 * table row and the DAO's admin wallets (a wallet removed from the DAO loses its sessions at once).
 */
@Injectable()
export class AdminAuthenticator {
  private readonly verified = new Set<string>();

  constructor(
    @Inject(ADMIN_API_KEY) private readonly platformKey: string,
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(PG_POOL) private readonly db: Pool,
  ) {}

  async authenticate(presented: string, now: Date = new Date()): Promise<AdminAuthentication> {
    if (!presented) return refused('missing');
    if (adminKeyMatches(presented, this.platformKey)) return { ok: true, principal: { kind: 'platform', actor: PLATFORM_ADMIN } };
    const daoKey = parseDaoAdminKey(presented);
    if (daoKey) return this.daoKey(daoKey, now);
    const session = parseSessionToken(presented);
    if (session) return this.session(session, now);
    return refused('unknown');
  }

  private async daoKey(presented: { daoId: string; keyId: string; secret: string }, now: Date): Promise<AdminAuthentication> {
    const dao = await this.dao(presented.daoId);
    const key = dao?.admins.keys.get(presented.keyId);
    if (!key) return refused('unknown');
    if (!(await this.secretMatches(presented.keyId, presented.secret, key.secretHash))) return refused('unknown');
    // Only the key's holder gets past the secret, so telling revoked from expired reveals nothing to a guesser.
    if (key.revokedAt !== null) return refused('revoked');
    if (!keyIsLive(key, now.toISOString())) return refused('expired');
    return {
      ok: true,
      principal: { kind: 'dao-key', actor: adminKeyActor(key.keyId), daoId: presented.daoId, keyId: key.keyId },
    };
  }

  private async session(token: string, now: Date): Promise<AdminAuthentication> {
    const { rows } = await this.db.query<{ dao_id: string; address: string; expires_at: Date }>(
      'SELECT dao_id, address, expires_at FROM admin_sessions WHERE token_hash = $1',
      [tokenDigest(token)],
    );
    const row = rows[0];
    if (!row) return refused('unknown');
    if (row.expires_at.getTime() <= now.getTime()) return refused('session-expired');
    const address = toChecksumAddress(row.address);
    const dao = await this.dao(row.dao_id);
    if (!dao?.admins.wallets.has(address)) return refused('no-longer-admin');
    return { ok: true, principal: { kind: 'siwe', actor: siweActor(address), daoId: row.dao_id, address } };
  }

  private async dao(daoId: string): Promise<ActiveDao | null> {
    const { state } = await loadStream(this.store, streams.dao.of(daoId));
    return state.status === 'Active' ? state : null;
  }

  private async secretMatches(keyId: string, secret: string, secretHash: string): Promise<boolean> {
    const memo = `${keyId}:${secretHash}:${tokenDigest(secret)}`;
    if (this.verified.has(memo)) return true;
    if (!(await adminKeySecretMatches(secret, secretHash))) return false;
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.clear();
    this.verified.add(memo);
    return true;
  }
}
