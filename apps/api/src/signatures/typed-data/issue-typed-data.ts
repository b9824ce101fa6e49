import { randomBytes } from 'node:crypto';
import { streams } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';
import { daoNotFound } from '../../shared/dao-lookup';
import { invalidField } from '../../shared/validation/invalid-field';
import { MAX_DEADLINE_SECONDS } from '../signature-verifier';
import type { SignedAction } from '../signed-actions';
import { typedDataFor, type TypedDataDocument } from '../typed-data';

const DEFAULT_DEADLINE_SECONDS = 3600;

/**
 * The EIP-712 document for an intent whose fields are already checked: the DAO, a fresh random nonce and the
 * deadline are added here, so every action's typed data (community pool or rotating pool) binds them alike.
 * Nothing is stored: the nonce is claimed when the signed message is submitted.
 */
export const issueTypedData = async (
  store: PostgresEventStore,
  chainId: number,
  action: SignedAction,
  daoId: string,
  deadline: number | undefined,
  fields: Record<string, unknown>,
): Promise<TypedDataDocument> => {
  if ((await store.streamVersion(streams.dao.of(daoId).streamId)) === 0) throw daoNotFound(daoId);
  const now = Math.floor(Date.now() / 1000);
  if (deadline !== undefined && deadline <= now) throw invalidField('deadline', 'must be in the future');
  if (deadline !== undefined && deadline > now + MAX_DEADLINE_SECONDS) throw invalidField('deadline', 'must be at most 24 h ahead');
  const message = {
    ...fields,
    dao: daoId,
    nonce: `0x${randomBytes(32).toString('hex')}`,
    deadline: deadline ?? now + DEFAULT_DEADLINE_SECONDS,
  };
  return typedDataFor(action, chainId, message);
};
