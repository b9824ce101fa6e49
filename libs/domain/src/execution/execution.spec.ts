import type { Hash } from '../shared/hex';
import type { Address } from '../shared/address';
import type { DaoEvent } from '../dao/dao-events';
import { activeDao, daoCreated } from '../testing/dao-history';
import { addressOf, adminMeta, alice, at, bob, carol, dave, DAY, erin, meta, T0 } from '../testing/fixtures';
import type { ProposalEvent } from '../proposal/proposal-events';
import { submitProposal } from '../proposal/submit-proposal';
import { vetoProposal } from '../proposal/cancel-proposal';
import type { SubmitProposal } from '../proposal/proposal-commands';
import { DomainError } from '../shared/domain-error';
import { abandonSafeTransaction } from './abandon-safe-transaction';
import { addSafeSignature, dropSafeSignatures } from './add-safe-signature';
import { appendExecution, foldExecution, type ExecutionHistory } from './execution-history';
import { executionSalt } from './execution-salt';
import { nextExecutionStep } from './next-execution-step';
import { describeAction, proposalActions } from './proposal-actions';
import { proposeSafeTransaction } from './propose-safe-transaction';
import { recordDaoContractsDeployed } from './record-contracts-deployed';
import { recordSafeTransactionExecuted } from './record-safe-execution';
import { recordTimelockOperationExecuted, recordTimelockOperationFailed } from './record-timelock-outcome';
import { nextSafeNonce } from './safe-nonce';
import type { ProposeSafeTransaction } from './treasury-commands';
import type { TreasuryEvent } from './treasury-events';
import type { DeployedTreasury } from './treasury-state';

const [t1, t2, t3] = [addressOf('treasurer-1'), addressOf('treasurer-2'), addressOf('treasurer-3')];
const system = meta('system:execution', at(3 * DAY));
const contracts = {
  chainId: 31337,
  safe: addressOf('safe'),
  timelock: addressOf('timelock'),
  vault: addressOf('vault'),
  pool: addressOf('pool'),
  payoutToken: addressOf('token'),
  gdaForwarder: addressOf('gda'),
  cfaForwarder: addressOf('cfa'),
  owners: [t1, t2, t3],
  threshold: 2,
  timelockDelaySeconds: 2 * DAY,
  fromBlock: 1n,
};
const deployed: TreasuryEvent[] = recordDaoContractsDeployed(
  { type: 'RecordDaoContractsDeployed', data: { ...contracts, daoId: 'dao-1', attached: false }, metadata: system },
  { status: 'Undeployed' },
);

const submit = (type: string, payload: unknown, id = 'p-1'): SubmitProposal => ({
  type: 'SubmitProposal',
  data: { proposalId: id, proposer: alice, type, payload },
  metadata: meta(alice),
});
/** A DAO with contracts and a proposal that passed. */
const passed = (
  type = 'ADD_MEMBER',
  payload: unknown = { member: dave },
  id = 'p-1',
  dao: readonly DaoEvent[] = [daoCreated([alice, bob, carol])],
): ExecutionHistory => {
  const submitted = submitProposal(submit(type, payload, id), activeDao(dao));
  const succeeded: ProposalEvent = {
    type: 'ProposalSucceeded',
    data: { proposalId: id, tally: { for: 3n, against: 0n, abstain: 0n }, closedAt: at(3 * DAY), early: false, queueBy: at(10 * DAY) },
  };
  return {
    dao: [...dao, ...submitted.dao, { type: 'ProposalSettled', data: { proposalId: id, outcome: 'Succeeded' } }],
    proposal: [...submitted.proposal, succeeded],
    treasury: deployed,
  };
};

const hash = (n: number): Hash => `0x${n.toString(16).padStart(64, '0')}`;
const propose = (history: ExecutionHistory, overrides: Partial<ProposeSafeTransaction['data']> = {}): ProposeSafeTransaction => {
  const { proposal, treasury } = foldExecution(history);
  const proposalId = proposal.status === 'Absent' ? 'p-1' : proposal.proposalId;
  const nonce = nextSafeNonce(treasury as DeployedTreasury, 0n);
  return {
    type: 'ProposeSafeTransaction',
    data: {
      proposalId,
      purpose: 'schedule',
      safeTxHash: hash(100 + Number(nonce)),
      nonce,
      onChainNonce: 0n,
      transaction: {
        to: contracts.timelock,
        value: 0n,
        data: '0x01',
        operation: 0,
        safeTxGas: 0n,
        baseGas: 0n,
        gasPrice: 0n,
        gasToken: addressOf('zero'),
        refundReceiver: addressOf('zero'),
      },
      operationId: hash(200 + Number(nonce)),
      salt: executionSalt(proposalId),
      calls: [],
      ...overrides,
    },
    metadata: system,
  };
};
const sign = (safeTxHash: Hash, signer: Address) =>
  ({ type: 'AddSafeSignature', data: { safeTxHash, signer, signature: `0x51${signer.slice(2)}` }, metadata: meta(signer) }) as const;
const withTreasury = (history: ExecutionHistory, events: readonly TreasuryEvent[]) =>
  appendExecution(history, { treasury: events, proposal: [], dao: [] });
const chainTime = (seconds: number) => at(seconds);
/** The error `run` throws, if it throws one. */
const thrownBy = (run: () => unknown): DomainError | undefined => {
  try {
    run();
  } catch (e) {
    return e as DomainError;
  }
  return undefined;
};

/** Walks a passed proposal to a Safe transaction with two signatures, executed and scheduled. */
const scheduled = (history = passed()) => {
  let h = appendExecution(history, proposeSafeTransaction(propose(history), foldExecution(history)));
  const safeTxHash = hash(100);
  h = withTreasury(h, addSafeSignature(sign(safeTxHash, t1), foldExecution(h).treasury));
  h = withTreasury(h, addSafeSignature(sign(safeTxHash, t2), foldExecution(h).treasury));
  const executed = recordSafeTransactionExecuted(
    { type: 'RecordSafeTransactionExecuted', data: { safeTxHash, txHash: hash(1), success: true, eta: at(5 * DAY) }, metadata: system },
    foldExecution(h),
  );
  return appendExecution(h, executed);
};

describe('Execution process manager', () => {
  describe('for a Succeeded proposal', () => {
    it("waits while the DAO's contracts are not deployed", () =>
      expect(nextExecutionStep(foldExecution({ ...passed(), treasury: [] }).proposal, { status: 'Undeployed' }, T0).type).toBe('Wait'));

    it('asks for the Safe transaction that schedules its batch', () =>
      expect(nextExecutionStep(foldExecution(passed()).proposal, foldExecution(passed()).treasury, T0)).toEqual({
        type: 'ProposeSchedule',
      }));

    it('queues the proposal with the Safe transaction, salt derived from the proposal id', () => {
      const events = proposeSafeTransaction(propose(passed()), foldExecution(passed()));
      expect(events.treasury.map((e) => e.type)).toEqual(['SafeTransactionProposed']);
      expect(events.treasury[0].data).toMatchObject({ proposalId: 'p-1', nonce: 0n, salt: executionSalt('p-1'), daoId: 'dao-1' });
      expect(events.proposal).toEqual([
        { type: 'ProposalQueued', data: { proposalId: 'p-1', safeTxHash: hash(100), queuedAt: at(3 * DAY) } },
      ]);
    });

    it('refuses a salt that does not derive from the proposal id', () =>
      expect(() => proposeSafeTransaction(propose(passed(), { salt: hash(9) }), foldExecution(passed()))).toThrow(DomainError));

    it('proposes once: a repeated step appends nothing', () => {
      const once = appendExecution(passed(), proposeSafeTransaction(propose(passed()), foldExecution(passed())));
      expect(proposeSafeTransaction(propose(passed()), foldExecution(once))).toEqual({ treasury: [], proposal: [], dao: [] });
    });
  });

  describe('Safe nonces', () => {
    it('take max(on-chain, highest queued + 1)', () => {
      const first = appendExecution(passed(), proposeSafeTransaction(propose(passed()), foldExecution(passed())));
      const treasury = foldExecution(first).treasury as DeployedTreasury;
      expect(nextSafeNonce(treasury, 0n)).toBe(1n);
      expect(nextSafeNonce(treasury, 5n)).toBe(5n);
    });

    it('fill the gap an abandoned transaction left, before the queued ones after it', () => {
      const first = appendExecution(passed(), proposeSafeTransaction(propose(passed()), foldExecution(passed())));
      const second = { ...passed('ADD_MEMBER', { member: erin }, 'p-2'), treasury: first.treasury };
      const both = {
        ...second,
        treasury: appendExecution(second, proposeSafeTransaction(propose(second), foldExecution(second))).treasury,
      };
      expect(nextSafeNonce(foldExecution(both).treasury as DeployedTreasury, 0n)).toBe(2n);
      const abandoned = withTreasury(
        both,
        abandonSafeTransaction(
          { type: 'AbandonSafeTransaction', data: { safeTxHash: hash(100), reason: 'GS013' }, metadata: system },
          foldExecution({ ...both, proposal: passed().proposal }),
        ).treasury,
      );
      // Nonce 0 was never used on chain; nonce 1 waits behind it.
      expect(nextSafeNonce(foldExecution(abandoned).treasury as DeployedTreasury, 0n)).toBe(0n);
      expect(nextSafeNonce(foldExecution(abandoned).treasury as DeployedTreasury, 2n)).toBe(2n);
    });

    it('refuse a nonce that is not the next one (another proposal took it)', () => {
      const first = appendExecution(passed(), proposeSafeTransaction(propose(passed()), foldExecution(passed())));
      const second = { ...passed('ADD_MEMBER', { member: erin }, 'p-2'), treasury: first.treasury };
      expect(thrownBy(() => proposeSafeTransaction(propose(second, { nonce: 0n }), foldExecution(second)))?.code).toBe(
        'SAFE_TX.NONCE_NOT_NEXT',
      );
    });

    it('mark the others with the executed nonce as replaced', () => {
      const first = appendExecution(passed(), proposeSafeTransaction(propose(passed()), foldExecution(passed())));
      const rival = { ...passed('ADD_MEMBER', { member: erin }, 'p-2'), treasury: first.treasury };
      // A rival transaction for the same nonce (e.g. built by treasurers elsewhere), proposed on a stale read.
      const rivalTx = withTreasury(first, [
        {
          type: 'SafeTransactionProposed',
          data: { ...propose(rival, { safeTxHash: hash(999), nonce: 0n }).data, daoId: 'dao-1', proposedAt: T0 } as never,
        },
      ]);
      const executed = recordSafeTransactionExecuted(
        {
          type: 'RecordSafeTransactionExecuted',
          data: { safeTxHash: hash(100), txHash: hash(1), success: true, eta: at(5 * DAY) },
          metadata: system,
        },
        foldExecution(rivalTx),
      );
      expect(executed.treasury.map((e) => e.type)).toEqual([
        'SafeTransactionExecuted',
        'SafeTransactionReplaced',
        'TimelockOperationScheduled',
      ]);
      expect(executed.treasury[1].data).toMatchObject({ safeTxHash: hash(999), replacedBy: hash(100) });
    });
  });

  describe('treasurer signatures', () => {
    const queued = appendExecution(passed(), proposeSafeTransaction(propose(passed()), foldExecution(passed())));
    it('waits for the threshold', () =>
      expect(nextExecutionStep(foldExecution(queued).proposal, foldExecution(queued).treasury, T0)).toEqual({
        type: 'AwaitSignatures',
        safeTxHash: hash(100),
        missing: 2,
      }));
    it('records an owner signature, and a duplicate changes nothing', () => {
      const once = withTreasury(queued, addSafeSignature(sign(hash(100), t1), foldExecution(queued).treasury));
      expect(addSafeSignature(sign(hash(100), t1), foldExecution(once).treasury)).toEqual([]);
    });
    it('refuses a signer who is not an owner', () =>
      expect(() => addSafeSignature(sign(hash(100), bob), foldExecution(queued).treasury)).toThrow('not an owner'));
    it('refuses an unknown transaction', () =>
      expect(() => addSafeSignature(sign(hash(7), t1), foldExecution(queued).treasury)).toThrow(DomainError));
    it('asks the relayer to execute once the threshold is met', () => {
      let h = withTreasury(queued, addSafeSignature(sign(hash(100), t1), foldExecution(queued).treasury));
      h = withTreasury(h, addSafeSignature(sign(hash(100), t3), foldExecution(h).treasury));
      expect(nextExecutionStep(foldExecution(h).proposal, foldExecution(h).treasury, T0)).toEqual({
        type: 'ExecuteSafeTransaction',
        safeTxHash: hash(100),
      });
    });
  });

  describe('signatures the Safe refuses, and owners who sign again', () => {
    const queued = () => appendExecution(passed(), proposeSafeTransaction(propose(passed()), foldExecution(passed())));
    const signedBy = (h: ExecutionHistory) => {
      const { treasury } = foldExecution(h);
      return treasury.status === 'Deployed' ? [...treasury.transactions.get(hash(100))!.signatures] : [];
    };
    it('a different signature from an owner who signed replaces theirs, recorded as such', () => {
      const once = withTreasury(queued(), addSafeSignature(sign(hash(100), t1), foldExecution(queued()).treasury));
      const newer = { ...sign(hash(100), t1), data: { safeTxHash: hash(100), signer: t1, signature: '0x52' as const } };
      const events = addSafeSignature(newer, foldExecution(once).treasury);
      expect(events).toEqual([
        {
          type: 'SafeTransactionSignatureReplaced',
          data: { safeTxHash: hash(100), signer: t1, signature: '0x52', previous: `0x51${t1.slice(2)}`, replacedAt: newer.metadata.now },
        },
      ]);
      expect(signedBy(withTreasury(once, events))).toEqual([[t1, '0x52']]);
    });
    it('a dropped signature no longer counts, with the reason recorded; its owner may sign again', () => {
      let h = withTreasury(queued(), addSafeSignature(sign(hash(100), t1), foldExecution(queued()).treasury));
      h = withTreasury(h, addSafeSignature(sign(hash(100), t2), foldExecution(h).treasury));
      const dropped = dropSafeSignatures(
        { type: 'DropSafeSignatures', data: { safeTxHash: hash(100), dropped: [{ signer: t2, reason: 'GS026' }] }, metadata: system },
        foldExecution(h).treasury,
      );
      expect(dropped).toMatchObject([{ type: 'SafeTransactionSignatureDropped', data: { signer: t2, reason: 'GS026' } }]);
      h = withTreasury(h, dropped);
      expect(signedBy(h).map(([signer]) => signer)).toEqual([t1]);
      expect(nextExecutionStep(foldExecution(h).proposal, foldExecution(h).treasury, T0)).toMatchObject({
        type: 'AwaitSignatures',
        missing: 1,
      });
      expect(addSafeSignature(sign(hash(100), t2), foldExecution(h).treasury)).toMatchObject([{ type: 'SafeTransactionSignatureAdded' }]);
    });
    it('an abandoned schedule transaction fails the proposal with the reason, stops there and frees its nonce', () => {
      const h = queued();
      const events = abandonSafeTransaction(
        { type: 'AbandonSafeTransaction', data: { safeTxHash: hash(100), reason: 'execTransaction reverts: GS013' }, metadata: system },
        foldExecution(h),
      );
      expect(events.treasury).toMatchObject([
        { type: 'SafeTransactionAbandoned', data: { reason: 'execTransaction reverts: GS013', nonce: 0n } },
      ]);
      expect(events.proposal).toMatchObject([{ type: 'ProposalExecutionFailed' }]);
      const after = foldExecution(appendExecution(h, events));
      expect(nextExecutionStep(after.proposal, after.treasury, T0)).toEqual({ type: 'Done' });
      expect(nextSafeNonce(after.treasury as DeployedTreasury, 0n)).toBe(0n);
      expect(
        abandonSafeTransaction(
          { type: 'AbandonSafeTransaction', data: { safeTxHash: hash(100), reason: 'again' }, metadata: system },
          after,
        ),
      ).toEqual({
        treasury: [],
        proposal: [],
        dao: [],
      });
    });
  });

  describe('a proposal that failed while its operation is on the timelock', () => {
    const failed = () => {
      const h = scheduled();
      return appendExecution(
        h,
        recordTimelockOperationFailed(
          { type: 'RecordTimelockOperationFailed', data: { operationId: hash(200), reason: 'CommunityVaultNotMember' }, metadata: system },
          foldExecution(h),
        ),
      );
    };
    it('has the operation cancelled through the Safe (anyone could still run it)', () => {
      const { proposal, treasury } = foldExecution(failed());
      expect(proposal.status).toBe('Failed');
      expect(nextExecutionStep(proposal, treasury, at(6 * DAY))).toEqual({ type: 'ProposeCancel', operationId: hash(200) });
      const cancel = proposeSafeTransaction(
        propose(failed(), { purpose: 'cancel', safeTxHash: hash(300), onChainNonce: 1n, nonce: 1n }),
        foldExecution(failed()),
      );
      expect(cancel.treasury).toMatchObject([{ type: 'SafeTransactionProposed', data: { purpose: 'cancel' } }]);
      const withCancel = appendExecution(failed(), cancel);
      const executed = recordSafeTransactionExecuted(
        {
          type: 'RecordSafeTransactionExecuted',
          data: { safeTxHash: hash(300), txHash: hash(3), success: true, eta: null },
          metadata: system,
        },
        foldExecution(withCancel),
      );
      const done = foldExecution(appendExecution(withCancel, executed));
      expect(nextExecutionStep(done.proposal, done.treasury, at(6 * DAY))).toEqual({ type: 'Done' });
    });
    it('a cancel that can never run is not proposed again', () => {
      const cancel = proposeSafeTransaction(
        propose(failed(), { purpose: 'cancel', safeTxHash: hash(300), onChainNonce: 1n, nonce: 1n }),
        foldExecution(failed()),
      );
      const h = appendExecution(failed(), cancel);
      const abandoned = appendExecution(
        h,
        abandonSafeTransaction(
          { type: 'AbandonSafeTransaction', data: { safeTxHash: hash(300), reason: 'GS013' }, metadata: system },
          foldExecution(h),
        ),
      );
      const { proposal, treasury } = foldExecution(abandoned);
      expect(nextExecutionStep(proposal, treasury, at(6 * DAY))).toEqual({ type: 'Done' });
    });
  });

  describe('after the Safe executed the schedule', () => {
    it('records the operation with its ETA and the proposal Scheduled', () => {
      const h = scheduled();
      expect(h.treasury.at(-1)).toMatchObject({ type: 'TimelockOperationScheduled', data: { operationId: hash(200), eta: at(5 * DAY) } });
      expect(h.proposal.at(-1)).toMatchObject({ type: 'ProposalScheduled', data: { operationId: hash(200), eta: at(5 * DAY) } });
    });
    it('waits for the ETA by chain time, then executes the batch', () => {
      const { proposal, treasury } = foldExecution(scheduled());
      expect(nextExecutionStep(proposal, treasury, chainTime(4 * DAY)).type).toBe('WaitUntil');
      expect(nextExecutionStep(proposal, treasury, chainTime(5 * DAY))).toEqual({ type: 'ExecuteOperation', operationId: hash(200) });
    });
    it('records a second report of the same execution as nothing new', () => {
      const h = scheduled();
      const again = recordSafeTransactionExecuted(
        {
          type: 'RecordSafeTransactionExecuted',
          data: { safeTxHash: hash(100), txHash: hash(1), success: true, eta: at(5 * DAY) },
          metadata: system,
        },
        foldExecution(h),
      );
      expect(again.treasury).toEqual([]);
    });
  });

  describe('when the timelock ran the batch', () => {
    const ran = (history: ExecutionHistory) =>
      recordTimelockOperationExecuted(
        {
          type: 'RecordTimelockOperationExecuted',
          data: { operationId: hash(200), txHash: hash(2) },
          metadata: meta('system:execution', at(5 * DAY)),
        },
        foldExecution(history),
      );
    it('the proposal is Executed and its effect lands on the DAO in the same append', () => {
      const events = ran(scheduled());
      expect(events.treasury.map((e) => e.type)).toEqual(['TimelockOperationExecuted']);
      expect(events.proposal.map((e) => e.type)).toEqual(['ProposalExecuted']);
      expect(events.dao.map((e) => e.type)).toEqual(['MemberAdmitted']);
      const done = appendExecution(scheduled(), events);
      expect(nextExecutionStep(foldExecution(done).proposal, foldExecution(done).treasury, at(6 * DAY))).toEqual({ type: 'Done' });
      expect(ran(done)).toEqual({ treasury: [], proposal: [], dao: [] });
    });
    it('a revert fails the proposal with its reason', () => {
      const events = recordTimelockOperationFailed(
        { type: 'RecordTimelockOperationFailed', data: { operationId: hash(200), reason: 'CommunityVaultNotMember' }, metadata: system },
        foldExecution(scheduled()),
      );
      expect(events.proposal).toMatchObject([{ type: 'ProposalExecutionFailed', data: { reason: 'CommunityVaultNotMember' } }]);
      expect(events.dao).toMatchObject([{ type: 'ProposalSettled', data: { outcome: 'Failed' } }]);
    });
  });

  describe('an admin veto of a scheduled proposal', () => {
    const vetoed = () => {
      const h = scheduled();
      const veto = vetoProposal(
        { type: 'VetoProposal', data: { proposalId: 'p-1', reason: 'fraud' }, metadata: adminMeta(at(4 * DAY)) },
        foldExecution(h).proposal,
      );
      return appendExecution(h, { ...veto, treasury: [] });
    };
    it('cancels the operation through the Safe', () => {
      const { proposal, treasury } = foldExecution(vetoed());
      expect(nextExecutionStep(proposal, treasury, at(4 * DAY))).toEqual({ type: 'ProposeCancel', operationId: hash(200) });
      const cancel = proposeSafeTransaction(
        propose(vetoed(), { purpose: 'cancel', safeTxHash: hash(300), onChainNonce: 1n, nonce: 1n }),
        foldExecution(vetoed()),
      );
      expect(cancel.treasury[0]).toMatchObject({ type: 'SafeTransactionProposed', data: { purpose: 'cancel', nonce: 1n } });
      const withCancel = appendExecution(vetoed(), cancel);
      const executed = recordSafeTransactionExecuted(
        {
          type: 'RecordSafeTransactionExecuted',
          data: { safeTxHash: hash(300), txHash: hash(3), success: true, eta: null },
          metadata: system,
        },
        foldExecution(withCancel),
      );
      expect(executed.treasury.map((e) => e.type)).toEqual(['SafeTransactionExecuted', 'TimelockOperationCancelled']);
      const done = appendExecution(withCancel, executed);
      expect(nextExecutionStep(foldExecution(done).proposal, foldExecution(done).treasury, at(6 * DAY))).toEqual({ type: 'Done' });
    });
  });

  describe('an admin veto before the schedule transaction ran', () => {
    /** p-1's schedule transaction (nonce 0) awaits signatures when p-1 is vetoed. */
    const vetoedWhileQueued = () => {
      let h = appendExecution(passed(), proposeSafeTransaction(propose(passed()), foldExecution(passed())));
      const veto = vetoProposal(
        { type: 'VetoProposal', data: { proposalId: 'p-1', reason: 'changed our minds' }, metadata: adminMeta(at(4 * DAY)) },
        foldExecution(h).proposal,
      );
      h = appendExecution(h, { ...veto, treasury: [] });
      return h;
    };
    const reject = (h: ExecutionHistory, nonce: bigint) =>
      propose(h, { purpose: 'reject', safeTxHash: hash(400), nonce, onChainNonce: 0n, operationId: hash(200) });

    it("voids the abandoned transaction's nonce with a reject, so the Safe's queue moves on", () => {
      const { proposal, treasury } = foldExecution(vetoedWhileQueued());
      expect(nextExecutionStep(proposal, treasury, at(4 * DAY))).toEqual({ type: 'ProposeReject', nonce: 0n, safeTxHash: hash(100) });
      const proposed = proposeSafeTransaction(reject(vetoedWhileQueued(), 0n), foldExecution(vetoedWhileQueued()));
      expect(proposed.treasury[0]).toMatchObject({ type: 'SafeTransactionProposed', data: { purpose: 'reject', nonce: 0n } });
    });

    it('refuses a reject at any other nonce', () =>
      expect(thrownBy(() => proposeSafeTransaction(reject(vetoedWhileQueued(), 1n), foldExecution(vetoedWhileQueued())))?.code).toBe(
        'SAFE_TX.NONCE_NOT_NEXT',
      ));

    it('once the reject ran, the abandoned transaction is replaced and nothing is scheduled', () => {
      let h = vetoedWhileQueued();
      h = appendExecution(h, proposeSafeTransaction(reject(h, 0n), foldExecution(h)));
      h = withTreasury(h, addSafeSignature(sign(hash(400), t1), foldExecution(h).treasury));
      h = withTreasury(h, addSafeSignature(sign(hash(400), t3), foldExecution(h).treasury));
      expect(nextExecutionStep(foldExecution(h).proposal, foldExecution(h).treasury, at(4 * DAY))).toEqual({
        type: 'ExecuteSafeTransaction',
        safeTxHash: hash(400),
      });
      const executed = recordSafeTransactionExecuted(
        {
          type: 'RecordSafeTransactionExecuted',
          data: { safeTxHash: hash(400), txHash: hash(4), success: true, eta: null },
          metadata: system,
        },
        foldExecution(h),
      );
      expect(executed.treasury.map((e) => e.type)).toEqual(['SafeTransactionExecuted', 'SafeTransactionReplaced']);
      expect(executed.proposal).toEqual([]);
      h = appendExecution(h, executed);
      const { proposal, treasury } = foldExecution(h);
      expect(nextExecutionStep(proposal, treasury, at(5 * DAY))).toEqual({ type: 'Done' });
      expect(nextSafeNonce(treasury as DeployedTreasury, 1n)).toBe(1n);
    });
  });

  describe('calls per proposal type', () => {
    const actionsOf = (type: string, payload: unknown, configuration = {}) => {
      const h = passed(type, payload, 'p-1', [daoCreated([alice, bob, carol], configuration)]);
      const { proposal, dao } = foldExecution(h);
      return proposalActions(proposal as never, (dao as ReturnType<typeof activeDao>).configuration);
    };
    it('ADD_MEMBER admits, REMOVE_MEMBER removes, WITHDRAW_FUNDS approves the allowance', () => {
      expect(actionsOf('ADD_MEMBER', { member: dave })).toEqual([{ kind: 'vault.admitMember', member: dave }]);
      expect(actionsOf('REMOVE_MEMBER', { member: bob, reason: 'absent' })).toEqual([{ kind: 'vault.removeMember', member: bob }]);
      expect(actionsOf('WITHDRAW_FUNDS', { recipient: bob, amount: 500n })).toEqual([
        { kind: 'vault.approveWithdrawal', member: bob, amount: 500n },
      ]);
    });
    it('WITHDRAW_FUNDS to anyone but a member is a payment from the treasury (the Safe), not a vault allowance', () => {
      const auditor = addressOf('auditor');
      const actions = actionsOf('WITHDRAW_FUNDS', { recipient: auditor, amount: 700n });
      expect(actions).toEqual([{ kind: 'treasury.transfer', receiver: auditor, amount: 700n }]);
      expect(describeAction(actions[0])).toBe(`Pay 700 of the DAO's token from the treasury to ${auditor}`);
    });
    it('DISTRIBUTE_YIELDS streams to the pool, the platform fee to the fee collector', () => {
      const collector = addressOf('collector');
      expect(
        actionsOf('DISTRIBUTE_YIELDS', { mode: 'stream', flowRatePerSecond: 1000n }, { feeCollector: collector, platformFeeBps: 1000 }),
      ).toEqual([
        { kind: 'payout.distributeFlow', flowRatePerSecond: 900n },
        { kind: 'fee.flow', receiver: collector, flowRatePerSecond: 100n },
      ]);
      expect(actionsOf('DISTRIBUTE_YIELDS', { mode: 'stop' })).toEqual([{ kind: 'payout.distributeFlow', flowRatePerSecond: 0n }]);
    });
    it('CHANGE_PARAMETERS sets vault parameters on chain and marks off-chain ones for the timelock', () => {
      const actions = actionsOf('CHANGE_PARAMETERS', { changes: { quorumBps: 6000, minimumDeposit: 5n } });
      expect(actions).toEqual([
        { kind: 'vault.setParameters', changes: { minimumDeposit: 5n } },
        { kind: 'timelock.marker', note: 'configuration: quorumBps' },
      ]);
      expect(actions.map(describeAction)[1]).toContain('quorumBps');
    });
  });
});
