import { SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Pool } from 'pg';

/**
 * Which DAO a route administers, so that a DAO admin may use it for that DAO only:
 * - `platform`: the platform admin alone (creating DAOs, issuing keys, listing wallets);
 * - `dao-param` (what a route without this decorator gets): the DAO of the route's `:id`; a route without
 *   `:id` is then platform-only;
 * - a function: the DAO the request is about, looked up (null: platform-only).
 */
export type DaoOfRequest = (request: FastifyRequest, db: Pool) => Promise<string | null>;
export type AdminScopeRule = 'platform' | 'dao-param' | DaoOfRequest;

export const ADMIN_SCOPE = Symbol('ADMIN_SCOPE');

export const AdminScope = (rule: AdminScopeRule) => SetMetadata(ADMIN_SCOPE, rule);

/** The DAO a processor's quarantine of a stream belongs to, as the quarantine recorded it. */
export const daoOfQuarantine: DaoOfRequest = async (request, db) => {
  const { processor, streamId } = request.params as { processor?: string; streamId?: string };
  // Guards run before validation: a value Postgres cannot hold (NUL) or no stream id could be is no DAO's.
  const storable = (v: unknown): v is string => typeof v === 'string' && v.length <= 300 && !v.includes('\u0000');
  if (!storable(processor) || !storable(streamId)) return null;
  const { rows } = await db.query<{ dao_id: string | null }>(
    'SELECT dao_id FROM processor_quarantines WHERE processor = $1 AND stream_id = $2',
    [processor, streamId],
  );
  return rows[0]?.dao_id ?? null;
};
