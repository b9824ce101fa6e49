import type { RetractChainFacts } from '../dao-commands';
import type { ChainFactRetracted, DaoEvent, MemberActivated } from '../dao-events';
import { requireDao } from '../dao-guards';
import type { ActiveDao, AppliedChainFact, DaoState } from '../dao-state';
import { evolveDao } from '../evolve-dao';
import { activationFor } from '../membership/activation';

type Retraction = ChainFactRetracted | MemberActivated;

/**
 * A reorg rewound the chain to `rewoundTo`: every deposit and withdrawal confirmed from a block above it is
 * retracted, newest first, so each balance passes back through the states it had. Membership follows: a
 * member a retracted deposit had activated goes back to what they were (PENDING or INACTIVE) unless the
 * balance left still activates them; a retracted withdrawal that had emptied a member brings them back as a
 * deposit would. A command repeated (a replayed reorg) finds nothing left to retract. Facts recorded before
 * blocks were kept are never retracted.
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
    const retracted = retraction(fact, rewoundTo, restoredBy(current, fact), now);
    current = apply(current, retracted);
    const member = current.members.get(fact.member);
    const follows = member && fact.fact === 'WithdrawalConfirmed' ? activationFor(current, member, now) : [];
    current = follows.reduce(apply, current);
    events.push(retracted, ...follows);
  }
  return events;
};

/** What a retracted deposit puts back: the status it had activated the member from, if the rest no longer would. */
const restoredBy = (dao: ActiveDao, fact: AppliedChainFact): ChainFactRetracted['data']['restored'] => {
  const member = dao.members.get(fact.member);
  if (fact.fact !== 'DepositConfirmed' || member?.status !== 'ACTIVE') return null;
  if (fact.statusBefore !== 'PENDING' && fact.statusBefore !== 'INACTIVE') return null;
  const left = member.currentBalance - fact.amount;
  const stillEnough = left > 0n && left >= dao.configuration.minimumDeposit;
  return stillEnough ? null : { status: fact.statusBefore, joinedAt: fact.joinedAtBefore };
};

const apply = (dao: ActiveDao, event: DaoEvent): ActiveDao => evolveDao(dao, event) as ActiveDao;

const newestFirst = (a: AppliedChainFact, b: AppliedChainFact): number => {
  const byBlock = (b.blockNumber ?? 0n) - (a.blockNumber ?? 0n);
  return byBlock !== 0n ? (byBlock > 0n ? 1 : -1) : b.logIndex - a.logIndex;
};

const retraction = (
  fact: AppliedChainFact,
  rewoundTo: bigint,
  restored: ChainFactRetracted['data']['restored'],
  now: string,
): ChainFactRetracted => ({
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
    restored,
    rewoundTo,
    retractedAt: now,
  },
});
