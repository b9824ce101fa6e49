import { daoDecider, retractTreasuryChainChanges, streams } from '@ayllu/domain';
import type { ExecutionDeps } from '../execution/run-proposal-step';

const ACTOR = 'system:indexer';

/**
 * The chain rewound to `rewoundTo`: retracts what the DAO's log took from blocks above it, the treasury's
 * owner, threshold and delay changes (TreasuryChainChangesRetracted, with the DAO's configuration following)
 * and every deposit and withdrawal (ChainFactRetracted). Each is one append that a replay finds empty, so a
 * crash between them, or a reorg seen twice, retracts nothing twice. Returns how many facts left the log.
 */
export async function retractChainFacts(deps: ExecutionDeps, daoId: string, chainId: number, rewoundTo: bigint): Promise<number> {
  const now = deps.now().toISOString();
  const metadata = { actor: ACTOR, now };
  const options = { context: { actor: ACTOR, correlationId: `chain:${chainId}:reorg:${rewoundTo}`, occurredAt: now } };
  const treasury = await deps.store.handle(
    { treasury: streams.treasury.of(daoId), dao: streams.dao.of(daoId) },
    (s) => retractTreasuryChainChanges({ type: 'RetractTreasuryChainChanges', data: { rewoundTo }, metadata }, s.treasury, s.dao),
    options,
  );
  const funds = await deps.store.handle(
    { dao: streams.dao.of(daoId) },
    ({ dao }) => ({ dao: daoDecider.decide({ type: 'RetractChainFacts', data: { chainId, rewoundTo }, metadata }, dao) }),
    options,
  );
  const changes = (treasury.events.treasury ?? []).flatMap((e) => (e.type === 'TreasuryChainChangesRetracted' ? e.data.retracted : []));
  return changes.length + (funds.events.dao ?? []).filter((e) => e.type === 'ChainFactRetracted').length;
}
