import type { Hash } from '../shared/hex';
import type { DaoEvent } from '../dao/dao-events';
import { activeDao, daoCreated } from '../testing/dao-history';
import { addressOf, alice, at, bob, carol, dave, DAY, meta } from '../testing/fixtures';
import type { ProposalEvent } from '../proposal/proposal-events';
import { submitProposal } from '../proposal/submit-proposal';
import { DomainError } from '../shared/domain-error';
import { abandonSafeTransaction } from './abandon-safe-transaction';
import { addSafeSignature } from './add-safe-signature';
import { foldExecution } from './execution-history';
import { nextExecutionStep } from './next-execution-step';
import { nextSetupStep } from './next-setup-step';
import { NO_OPERATION, proposeModuleEnable, recordSafeModuleEnabled } from './propose-module-enable';
import { recordDaoContractsDeployed } from './record-contracts-deployed';
import { recordSafeTransactionExecuted } from './record-safe-execution';
import type { ProposeModuleEnable } from './treasury-commands';
import type { TreasuryEvent } from './treasury-events';
import { evolveTreasury, initialTreasuryState, type DeployedTreasury, type TreasuryState } from './treasury-state';
import { initialProposalState } from '../proposal/proposal-state';

const [t1, t2] = [addressOf('treasurer-1'), addressOf('treasurer-2')];
const system = meta('system:execution', at(3 * DAY));
const relay = addressOf('relay');
const contracts = {
  chainId: 31337,
  safe: addressOf('safe'),
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
  moduleRelay: relay,
};
const deployedAs = (attached: boolean): TreasuryEvent[] =>
  recordDaoContractsDeployed(
    { type: 'RecordDaoContractsDeployed', data: { ...contracts, daoId: 'dao-1', attached }, metadata: system },
    { status: 'Undeployed' },
  );
const fold = (events: readonly TreasuryEvent[]): TreasuryState => events.reduce(evolveTreasury, initialTreasuryState());
const deployed = (events: readonly TreasuryEvent[]) => fold(events) as DeployedTreasury;
const hash = (n: number): Hash => `0x${n.toString(16).padStart(64, '0')}`;

const enable = (nonce = 0n, overrides: Partial<ProposeModuleEnable['data']> = {}): ProposeModuleEnable => ({
  type: 'ProposeModuleEnable',
  data: {
    safeTxHash: hash(Number(nonce) + 1),
    nonce,
    onChainNonce: 0n,
    transaction: {
      to: contracts.safe,
      value: 0n,
      data: '0x610b5925',
      operation: 0,
      safeTxGas: 0n,
      baseGas: 0n,
      gasPrice: 0n,
      gasToken: addressOf('zero'),
      refundReceiver: addressOf('zero'),
    },
    calls: [{ to: contracts.safe, value: 0n, data: '0x610b5925', description: `Enable module ${relay}` }],
    ...overrides,
  },
  metadata: system,
});
const sign = (events: readonly TreasuryEvent[], signer: typeof t1, safeTxHash: Hash) =>
  addSafeSignature(
    { type: 'AddSafeSignature', data: { safeTxHash, signer, signature: `0x${'11'.repeat(65)}` }, metadata: meta(signer) },
    fold(events),
  );
const executed = (events: readonly TreasuryEvent[], safeTxHash: Hash, success = true) =>
  recordSafeTransactionExecuted(
    { type: 'RecordSafeTransactionExecuted', data: { safeTxHash, txHash: hash(99), success, eta: null }, metadata: system },
    { treasury: fold(events), proposal: initialProposalState() },
  );

describe('A DAO with an attached Safe', () => {
  describe('when deployed', () => {
    it('has no module yet, and its setup is to propose enabling it', () => {
      const treasury = deployed(deployedAs(true));
      expect(treasury).toMatchObject({ attached: true, moduleEnabled: false });
      expect(nextSetupStep(treasury)).toEqual({ type: 'ProposeModuleEnable' });
    });

    it('a Safe the platform deployed has its module from the start: nothing to set up', () => {
      const treasury = deployed(deployedAs(false));
      expect(treasury).toMatchObject({ attached: false, moduleEnabled: true });
      expect(nextSetupStep(treasury)).toEqual({ type: 'Done' });
      expect(() => proposeModuleEnable(enable(), treasury)).toThrow(DomainError);
    });
  });

  describe('its setup transaction', () => {
    const proposed = () => [...deployedAs(true), ...proposeModuleEnable(enable(), fold(deployedAs(true)))];

    it('is queued for the treasurers with no proposal, at the next nonce', () => {
      const [event] = proposed().slice(-1);
      expect(event).toMatchObject({
        type: 'SafeTransactionProposed',
        data: { proposalId: null, purpose: 'enable_module', nonce: 0n, operationId: NO_OPERATION },
      });
    });

    it('is proposed once while alive', () => {
      const history = proposed();
      expect(proposeModuleEnable(enable(1n), fold(history))).toEqual([]);
    });

    it('refuses a nonce that is not the next, or a call to anything but the Safe', () => {
      const treasury = fold(deployedAs(true));
      expect(() => proposeModuleEnable(enable(3n), treasury)).toThrow('The next Safe nonce is 0');
      const elsewhere = enable(0n, { transaction: { ...enable().data.transaction, to: addressOf('other') } });
      expect(() => proposeModuleEnable(elsewhere, treasury)).toThrow('a plain call of the Safe on itself');
    });

    it('awaits signatures, then is executed at the threshold, and enables the module', () => {
      let history = proposed();
      const safeTxHash = hash(1);
      expect(nextSetupStep(fold(history))).toEqual({ type: 'AwaitSignatures', safeTxHash, missing: 2 });
      history = [...history, ...sign(history, t1, safeTxHash)];
      history = [...history, ...sign(history, t2, safeTxHash)];
      expect(nextSetupStep(fold(history))).toEqual({ type: 'ExecuteSafeTransaction', safeTxHash });
      const outcome = executed(history, safeTxHash);
      expect(outcome.proposal).toEqual([]);
      expect(outcome.treasury.map((e) => e.type)).toEqual(['SafeTransactionExecuted', 'SafeModuleEnabled']);
      history = [...history, ...outcome.treasury];
      expect(deployed(history).moduleEnabled).toBe(true);
      expect(nextSetupStep(fold(history))).toEqual({ type: 'Done' });
    });

    it('that failed on chain is followed by a fresh one', () => {
      const history = [...proposed(), ...executed(proposed(), hash(1), false).treasury];
      expect(deployed(history).moduleEnabled).toBe(false);
      expect(nextSetupStep(fold(history))).toEqual({ type: 'ProposeModuleEnable' });
    });

    it('that can never run is abandoned without touching any proposal, and proposed afresh', () => {
      const outcome = abandonSafeTransaction(
        { type: 'AbandonSafeTransaction', data: { safeTxHash: hash(1), reason: 'GS013' }, metadata: system },
        { treasury: fold(proposed()), proposal: initialProposalState() },
      );
      expect(outcome.proposal).toEqual([]);
      expect(nextSetupStep(fold([...proposed(), ...outcome.treasury]))).toEqual({ type: 'ProposeModuleEnable' });
    });

    it('is abandoned when the treasurers enabled the module by another transaction', () => {
      const events = recordSafeModuleEnabled(
        { type: 'RecordSafeModuleEnabled', data: { module: relay }, metadata: system },
        fold(proposed()),
      );
      expect(events.map((e) => e.type)).toEqual(['SafeTransactionAbandoned', 'SafeModuleEnabled']);
      const history = [...proposed(), ...events];
      expect(nextSetupStep(fold(history))).toEqual({ type: 'Done' });
      expect(
        recordSafeModuleEnabled({ type: 'RecordSafeModuleEnabled', data: { module: relay }, metadata: system }, fold(history)),
      ).toEqual([]);
    });
  });

  describe('a passed proposal before the module is enabled', () => {
    const dao: DaoEvent[] = [daoCreated([alice, bob, carol])];
    const submitted = submitProposal(
      {
        type: 'SubmitProposal',
        data: { proposalId: 'p-1', proposer: alice, type: 'ADD_MEMBER', payload: { member: dave } },
        metadata: meta(alice),
      },
      activeDao(dao),
    );
    const succeeded: ProposalEvent = {
      type: 'ProposalSucceeded',
      data: { proposalId: 'p-1', tally: { for: 3n, against: 0n, abstain: 0n }, closedAt: at(3 * DAY), early: false, queueBy: at(10 * DAY) },
    };
    const history = (treasury: TreasuryEvent[]) =>
      foldExecution({ dao: [...dao, ...submitted.dao], proposal: [...submitted.proposal, succeeded], treasury });

    it('waits for it instead of being scheduled', () => {
      const { proposal, treasury } = history(deployedAs(true));
      expect(nextExecutionStep(proposal, treasury, at(3 * DAY))).toEqual({
        type: 'Wait',
        reason: "the DAO's Safe has not enabled the timelock module yet",
      });
    });

    it('is scheduled once it is enabled', () => {
      const enabled: TreasuryEvent = {
        type: 'SafeModuleEnabled',
        data: { daoId: 'dao-1', module: relay, txHash: null, enabledAt: at(3 * DAY) },
      };
      const { proposal, treasury } = history([...deployedAs(true), enabled]);
      expect(nextExecutionStep(proposal, treasury, at(3 * DAY))).toEqual({ type: 'ProposeSchedule' });
    });
  });
});
