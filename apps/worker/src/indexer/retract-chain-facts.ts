import { daoDecider, streams } from '@ayllu/domain';
import type { ExecutionDeps } from '../execution/run-proposal-step';

const ACTOR = 'system:indexer';

export type RetractionOutcome =
  | { readonly retracted: number }
  /** Something the log took from the lost blocks cannot be taken back: the DAO's indexing must halt. */
  | { readonly refused: string };

/**
 * The chain rewound to `rewoundTo`: retracts every deposit and withdrawal the DAO's log confirmed from a
 * block above it (one append on the DAO stream, which a replay finds empty). The treasury's owners,
 * threshold and delay follow the chain through changes that have no retraction yet; if one of those came
 * from a lost block, nothing is retracted and the caller halts with the reason.
 */
export async function retractChainFacts(
  deps: ExecutionDeps,
  daoId: string,
  chainId: number,
  rewoundTo: bigint,
): Promise<RetractionOutcome> {
  const { state: treasury } = await deps.store.load(streams.treasury.of(daoId));
  if (treasury.status === 'Deployed' && treasury.chainPosition && treasury.chainPosition.blockNumber > rewoundTo) {
    const { blockNumber, txHash } = treasury.chainPosition;
    return {
      refused:
        `reorg: the chain rewound to block ${rewoundTo}, below the Safe owner, threshold or timelock delay change ` +
        `(tx ${txHash}, block ${blockNumber}) the treasury took from it, which cannot be retracted`,
    };
  }
  const now = deps.now().toISOString();
  const { events } = await deps.store.handle(
    { dao: streams.dao.of(daoId) },
    ({ dao }) => ({
      dao: daoDecider.decide({ type: 'RetractChainFacts', data: { chainId, rewoundTo }, metadata: { actor: ACTOR, now } }, dao),
    }),
    { context: { actor: ACTOR, correlationId: `chain:${chainId}:reorg:${rewoundTo}`, occurredAt: now } },
  );
  return { retracted: (events.dao ?? []).filter((e) => e.type === 'ChainFactRetracted').length };
}
