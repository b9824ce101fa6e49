import { readPoolUnitsAt } from '@ayllu/chain';
import { isSharePoolDistribution, participants, streams, type DistributionUnits, type SharePoolCreatorAction } from '@ayllu/domain';
import type { ExecutionDeps } from './execution-deps';

/**
 * The GDA units a share pool creator's executed distribution paid by, read at the block it executed in, for
 * recordSharePoolCreatorExecution; undefined for any other action (nothing to read). Throws when the chain cannot
 * answer: the caller's step (or the indexer's poll) fails and is retried later, for this DAO only, and the
 * execution is not recorded without them.
 */
export async function distributionUnitsAt(
  deps: Pick<ExecutionDeps, 'chain' | 'store'>,
  action: SharePoolCreatorAction | undefined,
  blockNumber: bigint,
): Promise<DistributionUnits | undefined> {
  if (!action || !isSharePoolDistribution(action)) return undefined;
  const { state } = await deps.store.load(streams.sharePool.of(action.poolId));
  // A pool that is not there (or never deployed) is refused by the domain; it has no units to read.
  if (state.status === 'ABSENT' || state.contract === null || state.gdaPool === null) return undefined;
  const units = await readPoolUnitsAt(deps.chain.public, {
    gdaPool: state.gdaPool,
    poolContract: state.contract,
    // Whoever the log says may hold units: holders and the parties of every movement under way.
    candidates: [...participants(state)],
    blockNumber,
    fromBlock: state.contractBlock ?? 0n,
  });
  return { blockNumber, holdings: units.holders.map((h) => ({ holder: h.holder, shares: Number(h.units) })) };
}
