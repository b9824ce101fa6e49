import type { Hash } from '../shared/hex';
import { DomainError } from '../shared/domain-error';
import { addressOf, at, DAY, meta } from '../testing/fixtures';
import { creatorSafe, gdaPool, holders, poolContract, sharePoolInput, sharePoolLog, tx, type SharePoolLog } from '../testing/share-pool';
import { addSafeSignature } from './add-safe-signature';
import { nextOrganiserStep } from './next-organiser-step';
import { recordDaoContractsDeployed } from './record-contracts-deployed';
import { proposeSharePoolCreatorAction, recordSharePoolCreatorExecution } from './share-pool-creator-action';
import type { ProposeSharePoolCreatorAction } from './treasury-commands';
import type { SharePoolCreatorAction, TreasuryEvent } from './treasury-events';
import { evolveTreasury, initialTreasuryState, type DeployedTreasury } from './treasury-state';

const [t1, t2] = [addressOf('treasurer-1'), addressOf('treasurer-2')];
const [alice] = holders(1) as [ReturnType<typeof holders>[number]];
const system = meta('system:execution', at(DAY));
const gda = addressOf('gda');
const contracts = {
  chainId: 31337,
  safe: creatorSafe,
  timelock: addressOf('timelock'),
  vault: addressOf('vault'),
  pool: addressOf('pool'),
  payoutToken: addressOf('token'),
  gdaForwarder: gda,
  cfaForwarder: addressOf('cfa'),
  owners: [t1, t2],
  threshold: 2,
  timelockDelaySeconds: 2 * DAY,
  fromBlock: 1n,
};
const treasuryEvents = (): TreasuryEvent[] =>
  recordDaoContractsDeployed(
    { type: 'RecordDaoContractsDeployed', data: { ...contracts, daoId: 'dao-1', attached: false }, metadata: system },
    { status: 'Undeployed' },
  );
const fold = (events: readonly TreasuryEvent[]) => events.reduce(evolveTreasury, initialTreasuryState()) as DeployedTreasury;

const requestPool = (): SharePoolLog => {
  const log = sharePoolLog();
  log.run('CreateSharePool', {
    poolId: 'sp1',
    ...sharePoolInput({ wayToAccess: 'request', pricePerShare: undefined, purchaseToken: undefined }),
  });
  log.run('RecordSharePoolDeployment', { address: poolContract, gdaPool, txHash: tx(1), blockNumber: 2n });
  log.run('RequestToJoinSharePool', { member: alice }, undefined, alice);
  return log;
};
const propose = (
  action: SharePoolCreatorAction,
  to = action.action === 'distribute' || action.action === 'stream' ? gda : poolContract,
): ProposeSharePoolCreatorAction => ({
  type: 'ProposeSharePoolCreatorAction',
  data: {
    safeTxHash: tx(50),
    nonce: 0n,
    onChainNonce: 0n,
    transaction: {
      to,
      value: 0n,
      data: '0x12345678',
      operation: 0,
      safeTxGas: 0n,
      baseGas: 0n,
      gasPrice: 0n,
      gasToken: addressOf('zero'),
      refundReceiver: addressOf('zero'),
    },
    calls: [{ to, value: 0n, data: '0x12345678', description: 'creator call' }],
    action,
  },
  metadata: meta('admin-key:k1', at(DAY)),
});
const signed = (events: TreasuryEvent[], safeTxHash: Hash): TreasuryEvent[] => {
  for (const signer of [t1, t2])
    events = [
      ...events,
      ...addSafeSignature(
        { type: 'AddSafeSignature', data: { safeTxHash, signer, signature: `0x${'11'.repeat(65)}` }, metadata: meta(signer) },
        fold(events),
      ),
    ];
  return events;
};
const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
  throw new Error('not refused');
};
const assign: SharePoolCreatorAction = { poolId: 'sp1', action: 'assign', to: alice, shares: 500 };

describe("A share pool's creator actions through the DAO's Safe", () => {
  it('queues the Safe call carrying the action; one at a time; refused now what the pool would refuse the Safe', () => {
    const log = requestPool();
    const proposed = proposeSharePoolCreatorAction(propose(assign), { treasury: fold(treasuryEvents()), sharePool: log.state() });
    expect(proposed[0]?.data).toMatchObject({ purpose: 'share_pool_creator', sharePoolAction: assign, proposalId: null });
    const events = [...treasuryEvents(), ...proposed];
    const again = { ...propose({ ...assign, shares: 1 }), data: { ...propose({ ...assign, shares: 1 }).data, safeTxHash: tx(51) } };
    expect(refusal(() => proposeSharePoolCreatorAction(again, { treasury: fold(events), sharePool: log.state() }))).toBe(
      'SHARE_POOL.CREATOR_ACTION_PENDING',
    );
    const fresh = fold(treasuryEvents());
    expect(
      refusal(() => proposeSharePoolCreatorAction(propose({ ...assign, shares: 7001 }), { treasury: fresh, sharePool: log.state() })),
    ).toBe('SHARE_POOL.NOT_ENOUGH_SHARES');
    expect(refusal(() => proposeSharePoolCreatorAction(propose(assign, gda), { treasury: fresh, sharePool: log.state() }))).toBe(
      'SAFE_TX.NOT_A_CREATOR_CALL',
    );
  });

  it('once signed it is the next organiser step; executed, the pool records the assignment and the approval with the Safe as actor', () => {
    const log = requestPool();
    let events = [
      ...treasuryEvents(),
      ...proposeSharePoolCreatorAction(propose(assign), { treasury: fold(treasuryEvents()), sharePool: log.state() }),
    ];
    events = signed(events, tx(50));
    expect(nextOrganiserStep(fold(events))).toEqual({ type: 'ExecuteSafeTransaction', safeTxHash: tx(50) });
    const recorded = recordSharePoolCreatorExecution(
      { type: 'RecordSafeTransactionExecuted', data: { safeTxHash: tx(50), txHash: tx(99), success: true, eta: null }, metadata: system },
      { treasury: fold(events), sharePool: log.state() },
    );
    expect(recorded.treasury.map((e) => e.type)).toEqual(['SafeTransactionExecuted']);
    expect(recorded.sharePool.map((e) => e.type)).toEqual(['SharesAssigned', 'JoinRequestApproved']);
    expect(recorded.sharePool[0]?.data).toMatchObject({ to: alice, shares: 500, txHash: tx(99), assignedBy: creatorSafe });
  });

  it('records an execution the pool refuses now on the treasury with the reason, and nothing on the pool', () => {
    const log = requestPool();
    let events = [
      ...treasuryEvents(),
      ...proposeSharePoolCreatorAction(propose({ ...assign, shares: 7000 }), { treasury: fold(treasuryEvents()), sharePool: log.state() }),
    ];
    events = signed(events, tx(50));
    // Meanwhile another assignment took shares.
    log.run('AssignShares', { to: addressOf('someone'), shares: 10, txHash: tx(60) });
    const recorded = recordSharePoolCreatorExecution(
      { type: 'RecordSafeTransactionExecuted', data: { safeTxHash: tx(50), txHash: tx(99), success: true, eta: null }, metadata: system },
      { treasury: fold(events), sharePool: log.state() },
    );
    expect(recorded.sharePool).toEqual([]);
    expect(recorded.treasury.map((e) => e.type)).toEqual(['SafeTransactionExecuted', 'SharePoolCreatorActionRefused']);
    const after = fold([...events, ...recorded.treasury]).transactions.get(tx(50));
    expect(after?.reason).toContain('SHARE_POOL.NOT_ENOUGH_SHARES');
  });

  it("records an executed distribution from the chain's units while a purchase is under way, and never without them", () => {
    const log = sharePoolLog();
    log.run('CreateSharePool', { poolId: 'sp1', ...sharePoolInput() });
    log.run('RecordSharePoolDeployment', { address: poolContract, gdaPool, txHash: tx(1), blockNumber: 2n });
    const distribute: SharePoolCreatorAction = { poolId: 'sp1', action: 'distribute', amount: 10n ** 18n };
    const events = signed(
      [
        ...treasuryEvents(),
        ...proposeSharePoolCreatorAction(propose(distribute), { treasury: fold(treasuryEvents()), sharePool: log.state() }),
      ],
      tx(50),
    );
    // Asked now, with the purchase under way, the distribution would be refused; it was queued before it.
    log.run('RequestSharePurchase', { buyer: alice, shares: 100 }, undefined, alice);
    const executed = {
      type: 'RecordSafeTransactionExecuted' as const,
      data: { safeTxHash: tx(50), txHash: tx(99), success: true, eta: null },
      metadata: system,
    };
    const states = { treasury: fold(events), sharePool: log.state() };
    expect(refusal(() => recordSharePoolCreatorExecution(executed, states))).toBe('SHARE_POOL.UNITS_NOT_READ');
    const units = {
      blockNumber: 41n,
      holdings: [
        { holder: creatorSafe, shares: 3_000 },
        { holder: alice, shares: 100 },
      ],
    };
    const recorded = recordSharePoolCreatorExecution(executed, states, units);
    expect(recorded.treasury.map((e) => e.type)).toEqual(['SafeTransactionExecuted']);
    expect(recorded.sharePool.map((e) => e.type)).toEqual(['DistributionRecorded']);
    expect(recorded.sharePool[0]?.data).toMatchObject({
      txHash: tx(99),
      recordedBy: creatorSafe,
      chainBlock: 41n,
      holdingsDisagreement: [{ holder: alice, log: 0, chain: 100 }],
      ledger: {
        kind: 'instant',
        perUnit: 10n ** 14n,
        payments: [
          { holder: creatorSafe, shares: 3_000, amount: 3n * 10n ** 17n },
          { holder: alice, shares: 100, amount: 10n ** 16n },
        ],
        kept: 69n * 10n ** 16n,
      },
    });
    // A failed execution needs no units: nothing was paid.
    const failed = recordSharePoolCreatorExecution({ ...executed, data: { ...executed.data, success: false } }, states);
    expect([failed.treasury.map((e) => e.type), failed.sharePool]).toEqual([['SafeTransactionExecuted'], []]);
  });

  it('pauses, resumes and replaces the operator through the Safe; refused now what the log would refuse', () => {
    const log = requestPool();
    const pause: SharePoolCreatorAction = { poolId: 'sp1', action: 'pause' };
    expect(
      refusal(() => proposeSharePoolCreatorAction(propose(pause, gda), { treasury: fold(treasuryEvents()), sharePool: log.state() })),
    ).toBe('SAFE_TX.NOT_A_CREATOR_CALL');
    expect(
      refusal(() =>
        proposeSharePoolCreatorAction(propose({ poolId: 'sp1', action: 'resume' }), {
          treasury: fold(treasuryEvents()),
          sharePool: log.state(),
        }),
      ),
    ).toBe('SHARE_POOL.NOT_PAUSED');
    expect(
      refusal(() =>
        proposeSharePoolCreatorAction(
          propose({ poolId: 'sp1', action: 'operator', operator: '0x0000000000000000000000000000000000000000' }),
          {
            treasury: fold(treasuryEvents()),
            sharePool: log.state(),
          },
        ),
      ),
    ).toBe('SHARE_POOL.INVALID_ADDRESS');
    let events = [
      ...treasuryEvents(),
      ...proposeSharePoolCreatorAction(propose(pause), { treasury: fold(treasuryEvents()), sharePool: log.state() }),
    ];
    events = signed(events, tx(50));
    const recorded = recordSharePoolCreatorExecution(
      { type: 'RecordSafeTransactionExecuted', data: { safeTxHash: tx(50), txHash: tx(99), success: true, eta: null }, metadata: system },
      { treasury: fold(events), sharePool: log.state() },
    );
    expect(recorded.sharePool).toEqual([
      { type: 'SharePoolPaused', data: { txHash: tx(99), pausedBy: creatorSafe, pausedAt: system.now } },
    ]);
    log.events.push(...recorded.sharePool);
    const after = fold([...events, ...recorded.treasury]);
    expect(
      refusal(() =>
        proposeSharePoolCreatorAction(
          { ...propose(pause), data: { ...propose(pause).data, safeTxHash: tx(52), nonce: 1n } },
          { treasury: after, sharePool: log.state() },
        ),
      ),
    ).toBe('SHARE_POOL.ALREADY_PAUSED');
    const operator: SharePoolCreatorAction = { poolId: 'sp1', action: 'operator', operator: addressOf('new-relayer') };
    const proposed = proposeSharePoolCreatorAction(
      { ...propose(operator), data: { ...propose(operator).data, safeTxHash: tx(53), nonce: 1n, onChainNonce: 1n } },
      { treasury: after, sharePool: log.state() },
    );
    expect(proposed[0]?.data.sharePoolAction).toEqual(operator);
  });
});
