import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Address } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import type { AppConfig } from '@ayllu/platform';
import type { Pool } from 'pg';
import { createSiweMessage, generateSiweNonce } from 'viem/siwe';
import { requireDao } from '../../../shared/dao-lookup';
import { APP_CONFIG, EVENT_STORE, PG_POOL } from '../../../shared/tokens';
import type { SiweChallengeView } from '../admin-session.view';
import { daoResource, SIWE_NONCE_TTL_MS } from '../siwe-rules';

export class RequestSiweNonceCommand extends Command<SiweChallengeView> {
  constructor(
    readonly daoId: string,
    readonly address: Address,
  ) {
    super();
  }
}

/**
 * Serves the sign-in message for one wallet and one DAO: this deployment's domain, URI and chain id, a
 * fresh nonce that only this DAO and this address can use, once, within five minutes. Anyone may ask;
 * whether the wallet is an admin is decided when it signs in.
 */
@CommandHandler(RequestSiweNonceCommand)
export class RequestSiweNonceHandler implements ICommandHandler<RequestSiweNonceCommand> {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(PG_POOL) private readonly db: Pool,
  ) {}

  async execute({ daoId, address }: RequestSiweNonceCommand): Promise<SiweChallengeView> {
    await requireDao(this.store, daoId);
    const issuedAt = new Date();
    const expiresAt = new Date(issuedAt.getTime() + SIWE_NONCE_TTL_MS);
    const nonce = generateSiweNonce();
    const message = createSiweMessage({
      domain: this.config.siwe.domain,
      uri: this.config.siwe.uri,
      address,
      chainId: this.config.chainId,
      nonce,
      version: '1',
      statement: `Sign in as an admin of DAO ${daoId}.`,
      issuedAt,
      expirationTime: expiresAt,
      resources: [daoResource(daoId)],
    });
    // Nonces an hour past their expiry can only be refused anyway: clear them as new ones are made.
    await this.db.query(`DELETE FROM admin_siwe_nonces WHERE expires_at < now() - interval '1 hour'`);
    await this.db.query('INSERT INTO admin_siwe_nonces (nonce, dao_id, address, issued_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
      nonce,
      daoId,
      address,
      issuedAt,
      expiresAt,
    ]);
    return { message, nonce, expiresAt: expiresAt.toISOString() };
  }
}
