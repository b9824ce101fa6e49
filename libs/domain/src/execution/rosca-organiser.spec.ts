import type { Hash } from '../shared/hex';
import { DomainError } from '../shared/domain-error';
import { addressOf, at, DAY, meta, T0 } from '../testing/fixtures';
import { members, poolInput, poolLog, safe, type PoolLog } from '../testing/rosca-pool';
import type { RotatingPoolConfigurationInput } from '../rotating/rosca-configuration';
import { addSafeSignature } from './add-safe-signature';
import { nextOrganiserStep } from './next-organiser-step';
import { NO_OPERATION } from './propose-module-enable';
import { proposeRoscaOrganiserAction, recordRoscaOrganiserExecution } from './propose-rosca-organiser-action';
import { recordDaoContractsDeployed } from './record-contracts-deployed';
import { decideOrganiserAction, describeOrganiserCall, organiserCallOf, requireOrganisedPool } from './rosca-organiser-action';
import type { ProposeRoscaOrganiserAction } from './treasury-commands';
import type { RoscaOrganiserAction, TreasuryEvent } from './treasury-events';
import { evolveTreasury, initialTreasuryState, type DeployedTreasury } from './treasury-state';

const [t1, t2] = [addressOf('treasurer-1'), addressOf('treasurer-2')];
const [m0, m1, m2] = members(3);
const poolContract = addressOf('rosca-contract');
const system = meta('system:execution', at(DAY));
const hash = (n: number): Hash => `0x${n.toString(16).padStart(64, '0')}`;
const contracts = {
  chainId: 31337,
  safe,
  timelock: addressOf('timelock'),
  vault: addressOf('vault'),
  pool: addressOf('pool'),
  payoutToken: addressOf('token'),
  gdaForwarder: addressOf('gda'),
  cfaForwarder: addressOf('cfa'),
  owners: [t1, t2],
  threshold: 2,
  timelockDelaySeconds: 2 * DAY,
  fromBlock: 1n,
};
const deployedTreasury = (daoId = 'dao-1'): TreasuryEvent[] =>
  recordDaoContractsDeployed(
    { type: 'RecordDaoContractsDeployed', data: { ...contracts, daoId, attached: false }, metadata: system },
    { status: 'Undeployed' },
  );
const fold = (events: readonly TreasuryEvent[]) => events.reduce(evolveTreasury, initialTreasuryState()) as DeployedTreasury;

/** A pool of dao-1 organised by its Safe, with its contract deployed; `joined` members in (3 fill it and start it). */
const pool = (joined: number, config: RotatingPoolConfigurationInput = {}, deployed = true): PoolLog => {
  const log = poolLog();
  log.run('CreateRotatingPool', { poolId: 'p1', ...poolInput(config) });
  if (deployed) log.run('RecordRotatingPoolDeployment', { address: poolContract, txHash: hash(7), blockNumber: 3n });
  for (const m of [m0, m1, m2].slice(0, joined)) log.run('JoinRotatingPool', { member: m, collateral: 0n });
  return log;
};

const pause: RoscaOrganiserAction = { poolId: 'p1', action: 'pause', order: null, reason: 'A member reported fraud' };
const propose = (
  action: RoscaOrganiserAction,
  overrides: Partial<ProposeRoscaOrganiserAction['data']> = {},
): ProposeRoscaOrganiserAction => ({
  type: 'ProposeRoscaOrganiserAction',
  data: {
    safeTxHash: hash(1),
    nonce: 0n,
    onChainNonce: 0n,
    transaction: {
      to: poolContract,
      value: 0n,
      data: '0x12345678',
      operation: 0,
      safeTxGas: 0n,
      baseGas: 0n,
      gasPrice: 0n,
      gasToken: addressOf('zero'),
      refundReceiver: addressOf('zero'),
    },
    calls: [{ to: poolContract, value: 0n, data: '0x12345678', description: 'Pause rotating pool p1' }],
    action,
    ...overrides,
  },
  metadata: system,
});
const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
  throw new Error('not refused');
};
const signedBy = (events: TreasuryEvent[], safeTxHash: Hash, ...signers: (typeof t1)[]): TreasuryEvent[] => {
  for (const signer of signers)
    events = [
      ...events,
      ...addSafeSignature(
        { type: 'AddSafeSignature', data: { safeTxHash, signer, signature: `0x${'11'.repeat(65)}` }, metadata: meta(signer) },
        fold(events),
      ),
    ];
  return events;
};
const executed = (events: readonly TreasuryEvent[], log: PoolLog, success = true, safeTxHash = hash(1)) =>
  recordRoscaOrganiserExecution(
    { type: 'RecordSafeTransactionExecuted', data: { safeTxHash, txHash: hash(99), success, eta: null }, metadata: system },
    { treasury: fold(events), rosca: log.state() },
  );

describe("A rotating pool's organiser actions through the DAO's Safe", () => {
  describe('proposing', () => {
    it('queues the Safe call of the pool contract as a DAO transaction carrying the action', () => {
      const proposed = proposeRoscaOrganiserAction(propose(pause), { treasury: fold(deployedTreasury()), rosca: pool(3).state() });
      expect(proposed.map((e) => e.type)).toEqual(['SafeTransactionProposed']);
      expect(proposed[0].data).toMatchObject({
        daoId: 'dao-1',
        proposalId: null,
        purpose: 'rosca_organiser',
        organiserAction: pause,
        nonce: 0n,
        operationId: NO_OPERATION,
        salt: NO_OPERATION,
      });
      const treasury = fold([...deployedTreasury(), ...proposed]);
      expect(treasury.transactions.get(hash(1))).toMatchObject({ status: 'AwaitingSignatures', organiserAction: pause });
    });

    it("refuses what the pool's log would refuse the Safe now, with the pool's own code", () => {
      const states = (log: PoolLog) => ({ treasury: fold(deployedTreasury()), rosca: log.state() });
      expect(refusal(() => proposeRoscaOrganiserAction(propose(pause), states(pool(2))))).toBe('ROSCA.NOT_ACTIVE');
      const resume: RoscaOrganiserAction = { poolId: 'p1', action: 'resume', order: null, reason: null };
      expect(refusal(() => proposeRoscaOrganiserAction(propose(resume), states(pool(3))))).toBe('ROSCA.NOT_IN_EMERGENCY');
      const blank = { ...pause, reason: '  ' };
      expect(refusal(() => proposeRoscaOrganiserAction(propose(blank), states(pool(3))))).toBe('ROSCA.REASON_REQUIRED');
      const badOrder: RoscaOrganiserAction = { poolId: 'p1', action: 'start', order: [m0, m0], reason: null };
      const manual = pool(2, { rotationMethod: 'manual' });
      expect(refusal(() => proposeRoscaOrganiserAction(propose(badOrder), states(manual)))).toBe('ROSCA.INVALID_ORDER');
      const started: RoscaOrganiserAction = { poolId: 'p1', action: 'start', order: null, reason: null };
      expect(refusal(() => proposeRoscaOrganiserAction(propose(started), states(pool(3))))).toBe('ROSCA.NOT_FORMING');
    });

    it('refuses a pool without its contract, of another DAO, or not organised by the Safe', () => {
      const treasury = fold(deployedTreasury());
      expect(refusal(() => proposeRoscaOrganiserAction(propose(pause), { treasury, rosca: pool(3, {}, false).state() }))).toBe(
        'ROSCA.NOT_DEPLOYED',
      );
      expect(
        refusal(() => proposeRoscaOrganiserAction(propose(pause), { treasury: fold(deployedTreasury('dao-2')), rosca: pool(3).state() })),
      ).toBe('ROSCA.NOT_FOUND');
      const elsewhere = pool(3, { organiser: addressOf('another-safe') });
      expect(refusal(() => proposeRoscaOrganiserAction(propose(pause), { treasury, rosca: elsewhere.state() }))).toBe(
        'ROSCA.ORGANISER_NOT_SAFE',
      );
      expect(refusal(() => proposeRoscaOrganiserAction(propose({ ...pause, poolId: 'p2' }), { treasury, rosca: pool(3).state() }))).toBe(
        'ROSCA.NOT_FOUND',
      );
    });

    it('takes the queue’s next nonce and calls only the pool contract', () => {
      const states = { treasury: fold(deployedTreasury()), rosca: pool(3).state() };
      expect(refusal(() => proposeRoscaOrganiserAction(propose(pause, { nonce: 2n }), states))).toBe('SAFE_TX.NONCE_NOT_NEXT');
      const elsewhere = { ...propose(pause).data.transaction, to: addressOf('elsewhere') };
      expect(refusal(() => proposeRoscaOrganiserAction(propose(pause, { transaction: elsewhere }), states))).toBe(
        'SAFE_TX.NOT_AN_ORGANISER_CALL',
      );
    });

    it('one waiting action per pool: the same transaction again is a no-op, another is refused', () => {
      const log = pool(3);
      const events = [...deployedTreasury()];
      events.push(...proposeRoscaOrganiserAction(propose(pause), { treasury: fold(events), rosca: log.state() }));
      expect(proposeRoscaOrganiserAction(propose(pause), { treasury: fold(events), rosca: log.state() })).toEqual([]);
      const again = propose({ ...pause, reason: 'other' }, { safeTxHash: hash(2), nonce: 1n });
      expect(refusal(() => proposeRoscaOrganiserAction(again, { treasury: fold(events), rosca: log.state() }))).toBe(
        'ROSCA.ORGANISER_ACTION_PENDING',
      );
    });
  });

  describe('executing', () => {
    const queued = (log: PoolLog, action = pause) => [
      ...deployedTreasury(),
      ...proposeRoscaOrganiserAction(propose(action), { treasury: fold(deployedTreasury()), rosca: log.state() }),
    ];

    it('is executed by the DAO once the threshold of treasurers signed', () => {
      const events = queued(pool(3));
      expect(nextOrganiserStep(fold(events))).toEqual({ type: 'Idle' });
      const once = signedBy(events, hash(1), t1);
      expect(nextOrganiserStep(fold(once))).toEqual({ type: 'Idle' });
      expect(nextOrganiserStep(fold(signedBy(events, hash(1), t1, t2)))).toEqual({ type: 'ExecuteSafeTransaction', safeTxHash: hash(1) });
    });

    it("records the pool's command with the Safe as its actor in the same append, once", () => {
      const log = pool(3);
      const events = signedBy(queued(log), hash(1), t1, t2);
      const outcome = executed(events, log);
      expect(outcome.treasury.map((e) => e.type)).toEqual(['SafeTransactionExecuted']);
      expect(outcome.rosca).toEqual([{ type: 'RotatingPoolPaused', data: { reason: pause.reason, pausedBy: safe, pausedAt: system.now } }]);
      const after = [...events, ...outcome.treasury];
      log.events.push(...outcome.rosca);
      expect(log.state().status).toBe('EMERGENCY');
      expect(executed(after, log)).toEqual({ treasury: [], rosca: [] });
      expect(nextOrganiserStep(fold(after))).toEqual({ type: 'Idle' });
    });

    it('a failed execution records nothing on the pool', () => {
      const log = pool(3);
      const outcome = executed(signedBy(queued(log), hash(1), t1, t2), log, false);
      expect(outcome.treasury.map((e) => e.type)).toEqual(['SafeTransactionExecuted']);
      expect(outcome.treasury[0].data).toMatchObject({ success: false });
      expect(outcome.rosca).toEqual([]);
    });

    it('the pool moved on meanwhile: the execution is recorded with the refusal, nothing on the pool', () => {
      const log = pool(2);
      const start: RoscaOrganiserAction = { poolId: 'p1', action: 'start', order: null, reason: null };
      const events = signedBy(queued(log, start), hash(1), t1, t2);
      // The third member joins while the treasurers sign: the pool starts by itself.
      log.run('JoinRotatingPool', { member: m2, collateral: 0n });
      expect(log.state().status).toBe('ACTIVE');
      const outcome = executed(events, log);
      expect(outcome.rosca).toEqual([]);
      expect(outcome.treasury.map((e) => e.type)).toEqual(['SafeTransactionExecuted', 'RoscaOrganiserActionRefused']);
      const tx = fold([...events, ...outcome.treasury]).transactions.get(hash(1));
      expect(tx?.status).toBe('Executed');
      expect(tx?.reason).toContain('ROSCA.NOT_FORMING');
    });
  });

  describe('the call', () => {
    it("an early start passes the log's order on chain; a manual one the admin's", () => {
      const treasury = fold(deployedTreasury());
      const forming = requireOrganisedPool(treasury, pool(2).state(), 'p1');
      const early: RoscaOrganiserAction = { poolId: 'p1', action: 'start', order: null, reason: null };
      const call = organiserCallOf(forming, early, decideOrganiserAction(forming, early, T0));
      expect(call).toEqual({ functionName: 'startWithOrder', order: [m0, m1] });
      expect(describeOrganiserCall('p1', poolContract, call)).toContain(`Start rotating pool p1, recipients in order ${m0}, ${m1}`);
      const manual = requireOrganisedPool(treasury, pool(2, { rotationMethod: 'manual' }).state(), 'p1');
      const given: RoscaOrganiserAction = { ...early, order: [m1, m0] };
      expect(organiserCallOf(manual, given, decideOrganiserAction(manual, given, T0))).toEqual({
        functionName: 'startWithOrder',
        order: [m1, m0],
      });
      expect(describeOrganiserCall('p1', poolContract, { functionName: 'pause', reason: 'fraud' })).toMatch(
        /^Pause rotating pool p1: fraud/,
      );
    });
  });
});
