import { randomUUID } from 'node:crypto';
import { streams, daoDecider, type Address } from '@ayllu/domain';
import type { PostgresEventStore } from '@ayllu/event-store';

let logIndex = 0;

/**
 * What the chain indexer appends (deposits, a removal executed on chain): the fault tests play the
 * indexer, since no chain runs here. Each call carries its own (txHash, logIndex).
 */
export const chainFacts = (store: PostgresEventStore) => {
  const context = () => ({ actor: 'system:indexer', correlationId: randomUUID(), occurredAt: new Date().toISOString() });
  const deposit = (daoId: string, member: Address, amount: bigint) => {
    const index = ++logIndex;
    return store.handle(
      { dao: streams.dao.of(daoId) },
      ({ dao }) => ({
        dao: daoDecider.decide(
          {
            type: 'ConfirmDeposit' as const,
            data: { member, amount, chainId: 31337, txHash: `0x${index.toString(16).padStart(64, '0')}`, logIndex: index },
            metadata: { now: new Date().toISOString(), actor: 'system:indexer' },
          },
          dao,
        ),
      }),
      {
        context: context(),
      },
    );
  };
  /** A REMOVE_MEMBER proposal executed on chain, as its MemberRemoved event. */
  const removed = (daoId: string, member: string) =>
    store.append(
      [
        {
          streamId: streams.dao.of(daoId).streamId,
          expectedVersion: 'any',
          events: [
            {
              type: 'MemberRemoved',
              data: { member, proposalId: 'prop_faults', reason: 'removed by vote', removedAt: new Date().toISOString() },
            },
          ],
        },
      ],
      context(),
    );
  return { deposit, removed };
};
