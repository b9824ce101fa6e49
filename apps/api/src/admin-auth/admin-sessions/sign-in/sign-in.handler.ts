import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isHexAddress, siweActor, streams, toChecksumAddress } from '@ayllu/domain';
import { loadStream, type PostgresEventStore } from '@ayllu/event-store';
import { tokenDigest, type AppConfig } from '@ayllu/platform';
import type { Pool } from 'pg';
import type { Hex } from 'viem';
import { parseSiweMessage } from 'viem/siwe';
import { requireDaoId } from '../../../shared/dao-lookup';
import { problem, ProblemException } from '../../../shared/problem';
import { APP_CONFIG, EVENT_STORE, PG_POOL } from '../../../shared/tokens';
import type { AdminSessionView } from '../admin-session.view';
import { newSessionToken } from '../session-token';
import { ADMIN_SESSION_TTL_MS } from '../siwe-rules';
import { SiweVerifier } from './siwe-verifier';

export class SignInCommand extends Command<AdminSessionView> {
  constructor(
    readonly daoId: string,
    readonly message: string,
    readonly signature: Hex,
  ) {
    super();
  }
}

const refuse = (code: string, detail: string, status = 401) => new ProblemException(problem(status, code, detail));

interface NonceRow {
  readonly dao_id: string;
  readonly address: string;
  readonly expires_at: Date;
  readonly used_at: Date | null;
}

/**
 * Sign-In with Ethereum (EIP-4361) for a DAO's admin wallets. The message must be one this server served:
 * its domain, URI and chain id are this deployment's, its nonce was issued for this DAO and this address
 * and is used once (claimed in the statement that opens the session), and the wallet signed it. The
 * wallet must be listed on the DAO. The session token is random and stored only as a hash.
 */
@CommandHandler(SignInCommand)
export class SignInHandler implements ICommandHandler<SignInCommand> {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(PG_POOL) private readonly db: Pool,
    private readonly verifier: SiweVerifier,
  ) {}

  async execute({ daoId, message, signature }: SignInCommand): Promise<AdminSessionView> {
    requireDaoId(daoId);
    const now = new Date();
    const fields = parseSiweMessage(message);
    if (!fields.address || !isHexAddress(fields.address) || !fields.nonce || fields.version !== '1')
      throw refuse('SIWE.INVALID_MESSAGE', 'The message is not an EIP-4361 sign-in message', 400);
    if (fields.domain !== this.config.siwe.domain)
      throw refuse('SIWE.WRONG_DOMAIN', `The message signs in to ${String(fields.domain)}, not ${this.config.siwe.domain}`);
    if (fields.uri !== this.config.siwe.uri) throw refuse('SIWE.WRONG_URI', `The message's URI is not ${this.config.siwe.uri}`);
    if (fields.chainId !== this.config.chainId)
      throw refuse('SIWE.WRONG_CHAIN', `The message is for chain ${String(fields.chainId)}, not ${this.config.chainId}`);
    const address = toChecksumAddress(fields.address);
    const nonce = await this.nonce(fields.nonce);
    if (!nonce || nonce.dao_id !== daoId || nonce.address !== address)
      throw refuse('SIWE.UNKNOWN_NONCE', 'The nonce was not issued to this wallet for this DAO: ask for a new message');
    if (nonce.used_at !== null) throw refuse('SIWE.NONCE_USED', 'This message was used already: ask for a new one');
    if (nonce.expires_at.getTime() <= now.getTime()) throw refuse('SIWE.NONCE_EXPIRED', 'This message expired: ask for a new one');
    const valid = await this.verifier.verify({
      message,
      signature,
      domain: this.config.siwe.domain,
      nonce: fields.nonce,
      address,
      time: now,
    });
    if (!valid) throw refuse('SIWE.INVALID_SIGNATURE', `The signature is not ${address}'s signature of this message`);
    const { state } = await loadStream(this.store, streams.dao.of(daoId));
    if (state.status !== 'Active' || !state.admins.wallets.has(address))
      throw refuse('SIWE.NOT_AN_ADMIN', `${address} is not an admin wallet of DAO ${daoId}`, 403);
    return this.openSession(daoId, address, fields.nonce, now);
  }

  private async nonce(nonce: string): Promise<NonceRow | undefined> {
    const { rows } = await this.db.query<NonceRow>('SELECT dao_id, address, expires_at, used_at FROM admin_siwe_nonces WHERE nonce = $1', [
      nonce,
    ]);
    return rows[0];
  }

  /** The nonce is claimed and the session opened together: of two copies of one signed message, one signs in. */
  private async openSession(daoId: string, address: `0x${string}`, nonce: string, now: Date): Promise<AdminSessionView> {
    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + ADMIN_SESSION_TTL_MS);
    const { rowCount } = await this.db.query(
      `WITH claimed AS (
         UPDATE admin_siwe_nonces SET used_at = $5 WHERE nonce = $1 AND used_at IS NULL AND expires_at > $5 RETURNING nonce
       )
       INSERT INTO admin_sessions (token_hash, dao_id, address, created_at, expires_at)
       SELECT $2, $3, $4, $5, $6 FROM claimed`,
      [nonce, tokenDigest(token), daoId, address, now, expiresAt],
    );
    if (rowCount !== 1) throw refuse('SIWE.NONCE_USED', 'This message was used already: ask for a new one');
    // Sessions a day past their end can only be refused anyway: clear them as new ones open.
    await this.db.query(`DELETE FROM admin_sessions WHERE expires_at < now() - interval '1 day'`);
    return { token, expiresAt: expiresAt.toISOString(), daoId, address, actor: siweActor(address) };
  }
}
