import { deciderSpec } from '../../testing/given';
import { activeDao, daoCreated } from '../../testing/dao-history';
import { alice, at, bob, meta, T0 } from '../../testing/fixtures';
import type { Hash } from '../../shared/hex';
import { daoDecider } from '../dao-decider';
import type { DaoCommand } from '../dao-commands';
import type { ChainFactRetracted, DaoEvent, DepositConfirmed, WithdrawalConfirmed } from '../dao-events';

const { given } = deciderSpec(daoDecider);
const INDEXER = 'system:indexer';
const hash = (n: number): Hash => `0x${n.toString(16).padStart(64, '0')}`;
const block = (n: number) => ({ blockNumber: BigInt(n), blockHash: hash(1000 + n) });
const log = (tx: number, blockNumber: number, member = bob) => ({
  member,
  chainId: 31337,
  txHash: hash(tx),
  logIndex: 0,
  ...block(blockNumber),
});

const deposit = (tx: number, blockNumber: number, amount: bigint, member = bob): DepositConfirmed => ({
  type: 'DepositConfirmed',
  data: { ...log(tx, blockNumber, member), amount, confirmedAt: T0 },
});
const withdrawal = (tx: number, blockNumber: number, amount: bigint): WithdrawalConfirmed => ({
  type: 'WithdrawalConfirmed',
  data: { ...log(tx, blockNumber), amount, confirmedAt: T0, withdrawalId: null },
});
const retract = (rewoundTo: number): DaoCommand => ({
  type: 'RetractChainFacts',
  data: { chainId: 31337, rewoundTo: BigInt(rewoundTo) },
  metadata: meta(INDEXER, at(60)),
});
const retracted = (
  fact: DepositConfirmed | WithdrawalConfirmed,
  rewoundTo: number,
  restored: ChainFactRetracted['data']['restored'] = null,
): ChainFactRetracted => ({
  type: 'ChainFactRetracted',
  data: {
    fact: fact.type,
    member: fact.data.member,
    amount: fact.data.amount,
    chainId: fact.data.chainId,
    txHash: fact.data.txHash,
    logIndex: fact.data.logIndex,
    blockNumber: fact.data.blockNumber!,
    blockHash: fact.data.blockHash!,
    withdrawalId: null,
    restored,
    rewoundTo: BigInt(rewoundTo),
    retractedAt: at(60),
  },
});
const confirm = (type: 'ConfirmDeposit' | 'ConfirmWithdrawal', tx: number, blockNumber: number, amount: bigint): DaoCommand => ({
  type,
  data: { ...log(tx, blockNumber), amount },
  metadata: meta(INDEXER),
});

// Bob is a founder; alice deposits into the open DAO (minimum 10) and so becomes ACTIVE.
const created = daoCreated([bob], { access: 'open', minimumDeposit: 10n });
const first = deposit(1, 10, 50n);
const second = deposit(2, 12, 30n);
const out = withdrawal(3, 13, 20n);

describe('Retracting chain facts after a reorg', () => {
  it('retracts, newest first, every fact from a block above the common ancestor', () =>
    given([created, first, second, out])
      .when(retract(11))
      .then([retracted(out, 11), retracted(second, 11)]));

  it('keeps facts at or below the common ancestor', () => given([created, first, second]).when(retract(12)).then([]));

  it('finds nothing left to retract when the reorg is replayed', () =>
    given([created, first, second, retracted(second, 11)])
      .when(retract(11))
      .then([]));

  it('undoes the balances', () => {
    const history: DaoEvent[] = [created, first, second, out, retracted(out, 11), retracted(second, 11)];
    const member = activeDao(history).members.get(bob)!;
    expect({ total: member.totalDeposited, balance: member.currentBalance }).toEqual({ total: 50n, balance: 50n });
  });

  it('records the same log again once it is mined in a block of the new chain', () =>
    given([created, first, second, retracted(second, 11)])
      .when(confirm('ConfirmDeposit', 2, 13, 30n))
      .then([{ type: 'DepositConfirmed', data: { ...log(2, 13), amount: 30n, confirmedAt: T0 } }]));

  it('still refuses to record a log twice', () =>
    given([created, first, second])
      .when(confirm('ConfirmDeposit', 2, 12, 30n))
      .then([]));

  describe('membership', () => {
    const joined = deposit(4, 12, 40n, alice);
    const activation: DaoEvent = { type: 'MemberActivated', data: { member: alice, activatedAt: T0 } };
    it('puts a member the retracted deposit had activated back to PENDING', () =>
      given([created, joined, activation])
        .when(retract(11))
        .then([retracted(joined, 11, { status: 'PENDING', joinedAt: null })]));
    it('shows the member PENDING again, with nothing deposited', () => {
      const alicia = activeDao([created, joined, activation, retracted(joined, 11, { status: 'PENDING', joinedAt: null })]).members.get(
        alice,
      )!;
      expect(alicia).toMatchObject({ status: 'PENDING', joinedAt: null, currentBalance: 0n, totalDeposited: 0n, weight: 0n });
    });
    it('keeps a member ACTIVE when an earlier deposit still reaches the minimum', () => {
      const later = deposit(6, 13, 5n, alice);
      given([created, joined, activation, later])
        .when(retract(12))
        .then([retracted(later, 12)]);
    });
    it('keeps a founder ACTIVE: their membership never came from a deposit', () =>
      given([created, first])
        .when(retract(9))
        .then([retracted(first, 9)]));
  });

  it('brings back a member a retracted withdrawal had emptied', () => {
    const emptied = withdrawal(5, 12, 50n);
    const inactive: DaoEvent = { type: 'MemberBecameInactive', data: { member: bob, at: T0 } };
    given([created, first, emptied, inactive])
      .when(retract(11))
      .then([retracted(emptied, 11), { type: 'MemberActivated', data: { member: bob, activatedAt: at(60) } }]);
  });

  it('leaves facts recorded before blocks were kept alone', () => {
    const legacy: DepositConfirmed = {
      type: 'DepositConfirmed',
      data: { member: bob, amount: 5n, chainId: 31337, txHash: hash(9), logIndex: 0, confirmedAt: T0 },
    };
    given([created, legacy]).when(retract(0)).then([]);
  });
});
