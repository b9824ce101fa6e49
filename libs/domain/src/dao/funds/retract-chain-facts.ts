import type { RetractChainFacts } from '../dao-commands';
import type { ChainFactRetracted, DaoEvent, MemberActivated, MemberBecameInactive } from '../dao-events';
import { requireDao } from '../dao-guards';
import type { ActiveDao, AppliedChainFact, DaoState } from '../dao-state';
import { evolveDao } from '../evolve-dao';
import { activationFor } from '../membership/activation';

type Retraction = ChainFactRetracted | MemberBecameInactive | MemberActivated;

/**
 * A reorg rewound the chain to `rewoundTo`: every deposit and withdrawal confirmed from a block above it is
 * retracted, newest first, so each balance passes back through the states it had. Membership follows the
 * balance the same way it does for the chain's own facts: an ACTIVE member whose balance a retracted deposit
 * empties becomes INACTIVE; a retracted withdrawal may bring an INACTIVE member back. A command repeated (a
 * replayed reorg) finds nothing left to retract. Facts recorded before blocks were kept are never retracted.
 */
export const retractChainFacts = (command: RetractChainFacts, state: DaoState): Retraction[] => {
  const dao = requireDao(state);
  const { chainId, rewoundTo } = command.data;
  const { now } = command.metadata;
  const lost = [...dao.chainEvents.values()]
    .filter((f) => f.chainId === chainId && f.blockNumber !== null && f.blockHash !== null && f.blockNumber > rewoundTo)
    .sort(newestFirst);
  const events: Retraction[] = [];
  let current: ActiveDao = dao;
  for (const fact of lost) {
    const retracted = retraction(fact, rewoundTo, now);
    const next = apply(current, retracted);
    const member = next.members.get(fact.member);
    const follows: Retraction[] = [];
    if (member && fact.fact === 'DepositConfirmed' && member.status === 'ACTIVE' && member.currentBalance <= 0n)
      follows.push({ type: 'MemberBecameInactive', data: { member: fact.member, at: now } });
    if (member && fact.fact === 'WithdrawalConfirmed') follows.push(...activationFor(next, member, now));
    current = follows.reduce(apply, next);
    events.push(retracted, ...follows);
  }
  return events;
};

const apply = (dao: ActiveDao, event: DaoEvent): ActiveDao => evolveDao(dao, event) as ActiveDao;

const newestFirst = (a: AppliedChainFact, b: AppliedChainFact): number => {
  const byBlock = (b.blockNumber ?? 0n) - (a.blockNumber ?? 0n);
  return byBlock !== 0n ? (byBlock > 0n ? 1 : -1) : b.logIndex - a.logIndex;
};

const retraction = (fact: AppliedChainFact, rewoundTo: bigint, now: string): ChainFactRetracted => ({
  type: 'ChainFactRetracted',
  data: {
    fact: fact.fact,
    member: fact.member,
    amount: fact.amount,
    chainId: fact.chainId,
    txHash: fact.txHash,
    logIndex: fact.logIndex,
    blockNumber: fact.blockNumber!,
    blockHash: fact.blockHash!,
    withdrawalId: fact.withdrawalId,
    rewoundTo,
    retractedAt: now,
  },
});
