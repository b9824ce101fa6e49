import type { Address } from '../shared/address';
import type { DaoConfiguration } from '../dao/dao-configuration';
import { TREASURY_FIELDS, type ProposalOf, type ProposalPayloads } from '../proposal/proposal-payloads';
import type { ExistingProposal } from '../proposal/proposal-state';

/** Vault parameters a CHANGE_PARAMETERS proposal may change on chain (the rest of the configuration lives here). */
export interface VaultParameterChanges {
  readonly accessMode?: 0 | 1 | 2;
  readonly minimumDeposit?: bigint;
  readonly smallWithdrawalLimitBps?: number;
  readonly emergencyExitWaitSeconds?: number;
}

/**
 * What a passed proposal does on chain, before it is encoded: the worker turns each action into a call of the
 * timelock batch (vault calls directly, the timelock being the vault's owner; payout calls through the Safe,
 * of which the timelock is a module, because only the Safe may spend the Safe's tokens).
 */
export type ExecutionAction =
  | { readonly kind: 'vault.admitMember'; readonly member: Address }
  | { readonly kind: 'vault.removeMember'; readonly member: Address }
  | { readonly kind: 'vault.approveWithdrawal'; readonly member: Address; readonly amount: bigint }
  | { readonly kind: 'vault.setParameters'; readonly changes: VaultParameterChanges }
  | { readonly kind: 'vault.setStrategy'; readonly strategy: Address }
  | { readonly kind: 'vault.upgrade'; readonly implementation: Address }
  /**
   * Safe owner management, run by the Safe on itself through the module path (only the Safe may change its
   * owners). Each step is valid on its own; `threshold` is the Safe's threshold after the step.
   */
  | { readonly kind: 'safe.addOwner'; readonly owner: Address; readonly threshold: number }
  | { readonly kind: 'safe.removeOwner'; readonly owner: Address; readonly threshold: number }
  | { readonly kind: 'safe.swapOwner'; readonly oldOwner: Address; readonly newOwner: Address }
  | { readonly kind: 'safe.changeThreshold'; readonly threshold: number }
  /** The timelock's own minimum delay (only the timelock may change it: a batch call to itself). */
  | { readonly kind: 'timelock.updateDelay'; readonly delaySeconds: number }
  | { readonly kind: 'payout.distributeFlow'; readonly flowRatePerSecond: bigint }
  | { readonly kind: 'payout.distribute'; readonly amount: bigint }
  | { readonly kind: 'fee.flow'; readonly receiver: Address; readonly flowRatePerSecond: bigint }
  | { readonly kind: 'fee.transfer'; readonly receiver: Address; readonly amount: bigint }
  /** A pool-level payment: the Safe (the treasury) pays the DAO's token to anyone, e.g. an auditor. */
  | { readonly kind: 'treasury.transfer'; readonly receiver: Address; readonly amount: bigint }
  /** Off-chain-only changes: the operation still runs through the timelock so members see it coming. */
  | { readonly kind: 'timelock.marker'; readonly note: string };

const ACCESS_MODES = { open: 0, closed: 1, hybrid: 2 } as const;
/** Vault parameters a CHANGE_PARAMETERS proposal sets on chain through `vault.setParameters`. */
const VAULT_FIELDS = ['access', 'minimumDeposit', 'smallWithdrawalLimitBps', 'emergencyExitWaitSeconds'];
const BPS = 10_000n;

/** Splits an amount or a rate between members and the platform fee (the fee rounds down). */
export const splitFee = (total: bigint, feeBps: number): { members: bigint; fee: bigint } => {
  const fee = (total * BigInt(feeBps)) / BPS;
  return { members: total - fee, fee };
};

/** The on-chain actions of a proposal, under the DAO's configuration at execution time (fee, fee collector). */
export const proposalActions = (proposal: ExistingProposal, configuration: DaoConfiguration): ExecutionAction[] => {
  const decided = { type: proposal.type, payload: proposal.payload } as ProposalOf;
  switch (decided.type) {
    case 'ADD_MEMBER':
      return [{ kind: 'vault.admitMember', member: decided.payload.member }];
    case 'REMOVE_MEMBER':
      return [{ kind: 'vault.removeMember', member: decided.payload.member }];
    case 'WITHDRAW_FUNDS': {
      // A member's large withdrawal (a linked request, or a recipient who was a member when the proposal was made)
      // is their own money in the vault: the vault allows it. Anyone else is paid by the treasury: a vault
      // allowance for a non-member would pay nothing.
      const { recipient, amount, withdrawalId } = decided.payload;
      return withdrawalId !== undefined || proposal.eligibleVoters.has(recipient)
        ? [{ kind: 'vault.approveWithdrawal', member: recipient, amount }]
        : [{ kind: 'treasury.transfer', receiver: recipient, amount }];
    }
    case 'CHANGE_PARAMETERS': {
      const { changes } = decided.payload;
      const onChain: VaultParameterChanges = {
        ...(changes.access !== undefined && { accessMode: ACCESS_MODES[changes.access] }),
        ...(changes.minimumDeposit !== undefined && { minimumDeposit: changes.minimumDeposit }),
        ...(changes.smallWithdrawalLimitBps !== undefined && { smallWithdrawalLimitBps: changes.smallWithdrawalLimitBps }),
        ...(changes.emergencyExitWaitSeconds !== undefined && { emergencyExitWaitSeconds: changes.emergencyExitWaitSeconds }),
      };
      const actions: ExecutionAction[] = [];
      if (Object.keys(onChain).length > 0) actions.push({ kind: 'vault.setParameters', changes: onChain });
      actions.push(...treasuryActions(changes, configuration));
      const offChain = Object.keys(changes).filter(
        (key) => !VAULT_FIELDS.includes(key) && !(TREASURY_FIELDS as readonly string[]).includes(key),
      );
      if (offChain.length > 0 || actions.length === 0)
        actions.push({ kind: 'timelock.marker', note: `configuration: ${offChain.sort().join(', ') || 'no change'}` });
      return actions;
    }
    case 'CHANGE_STRATEGY':
      return [{ kind: 'vault.setStrategy', strategy: decided.payload.strategy }];
    case 'UPGRADE_CONTRACT':
      return [{ kind: 'vault.upgrade', implementation: decided.payload.implementation }];
    case 'DISTRIBUTE_YIELDS':
      return yieldActions(decided.payload, configuration);
  }
};

const same = (a: Address, b: Address) => a.toLowerCase() === b.toLowerCase();

/**
 * The Safe and timelock steps that take the treasury from the DAO's configuration (which follows the chain)
 * to the proposal's: owners swapped pairwise, then the rest added or removed, then the threshold if no step
 * set it yet, then the delay. Every step is valid in any order among its kind and on the Safe as it was
 * before the batch (the worker reorders owner swaps and removals to the Safe's list and checks each call on
 * its own): a removal keeps the smaller of the old threshold and the new owner count, an addition keeps the
 * old threshold, and only the last addition sets the new one.
 */
const treasuryActions = (changes: ProposalPayloads['CHANGE_PARAMETERS']['changes'], configuration: DaoConfiguration): ExecutionAction[] => {
  const actions: ExecutionAction[] = [];
  const from = { owners: configuration.treasurers, threshold: configuration.treasurerThreshold };
  const owners = changes.treasurers ?? from.owners;
  const threshold = changes.treasurerThreshold ?? from.threshold;
  const removed = from.owners.filter((owner) => !owners.some((o) => same(o, owner)));
  const added = owners.filter((owner) => !from.owners.some((o) => same(o, owner)));
  const swaps = Math.min(removed.length, added.length);
  for (let i = 0; i < swaps; i++) actions.push({ kind: 'safe.swapOwner', oldOwner: removed[i], newOwner: added[i] });
  let current = from.threshold;
  const additions = added.slice(swaps);
  additions.forEach((owner, i) => {
    if (i === additions.length - 1) current = threshold;
    actions.push({ kind: 'safe.addOwner', owner, threshold: current });
  });
  for (const owner of removed.slice(swaps)) {
    current = Math.max(1, Math.min(from.threshold, owners.length));
    actions.push({ kind: 'safe.removeOwner', owner, threshold: current });
  }
  if (current !== threshold) actions.push({ kind: 'safe.changeThreshold', threshold });
  const delay = changes.timelockDelaySeconds;
  if (delay !== undefined && delay !== configuration.timelockDelaySeconds)
    actions.push({ kind: 'timelock.updateDelay', delaySeconds: delay });
  return actions;
};

const yieldActions = (payload: ProposalPayloads['DISTRIBUTE_YIELDS'], configuration: DaoConfiguration): ExecutionAction[] => {
  const collector = configuration.feeCollector;
  const feeBps = collector ? configuration.platformFeeBps : 0;
  if (payload.mode === 'instant') {
    const { members, fee } = splitFee(payload.amount ?? 0n, feeBps);
    const actions: ExecutionAction[] = [{ kind: 'payout.distribute', amount: members }];
    if (collector && fee > 0n) actions.push({ kind: 'fee.transfer', receiver: collector, amount: fee });
    return actions;
  }
  const rate = payload.mode === 'stop' ? 0n : (payload.flowRatePerSecond ?? 0n);
  const { members, fee } = splitFee(rate, feeBps);
  const actions: ExecutionAction[] = [{ kind: 'payout.distributeFlow', flowRatePerSecond: members }];
  // A stop also stops the fee stream; a start or change sets it to its share (0 when no fee is due).
  if (collector && (fee > 0n || payload.mode === 'stop')) actions.push({ kind: 'fee.flow', receiver: collector, flowRatePerSecond: fee });
  return actions;
};

/** One line per action, for the treasurers' list and the log. Amounts are in the token's smallest unit. */
export const describeAction = (action: ExecutionAction): string => {
  switch (action.kind) {
    case 'vault.admitMember':
      return `Admit ${action.member} to the vault`;
    case 'vault.removeMember':
      return `Remove ${action.member} from the vault and pay out their balance`;
    case 'vault.approveWithdrawal':
      return `Allow ${action.member} to withdraw ${action.amount} from the vault`;
    case 'vault.setParameters':
      return `Set vault parameters ${Object.entries(action.changes)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(', ')}`;
    case 'vault.setStrategy':
      return `Move the vault's idle funds to strategy ${action.strategy}`;
    case 'vault.upgrade':
      return `Upgrade the vault to implementation ${action.implementation}`;
    case 'safe.addOwner':
      return `Add ${action.owner} as a treasurer (Safe owner); the Safe then needs ${action.threshold} signature(s)`;
    case 'safe.removeOwner':
      return `Remove ${action.owner} as a treasurer (Safe owner); the Safe then needs ${action.threshold} signature(s)`;
    case 'safe.swapOwner':
      return `Replace treasurer ${action.oldOwner} with ${action.newOwner} as a Safe owner`;
    case 'safe.changeThreshold':
      return `Require ${action.threshold} treasurer signature(s) for Safe transactions`;
    case 'timelock.updateDelay':
      return `Set the timelock delay to ${action.delaySeconds} seconds for operations scheduled afterwards`;
    case 'payout.distributeFlow':
      return action.flowRatePerSecond === 0n
        ? 'Stop the yield stream to members'
        : `Stream ${action.flowRatePerSecond} per second to members' payout pool`;
    case 'payout.distribute':
      return `Distribute ${action.amount} to members' payout pool at once`;
    case 'fee.flow':
      return action.flowRatePerSecond === 0n
        ? `Stop the platform fee stream to ${action.receiver}`
        : `Stream the platform fee, ${action.flowRatePerSecond} per second, to ${action.receiver}`;
    case 'fee.transfer':
      return `Pay the platform fee, ${action.amount}, to ${action.receiver}`;
    case 'treasury.transfer':
      return `Pay ${action.amount} of the DAO's token from the treasury to ${action.receiver}`;
    case 'timelock.marker':
      return `Apply the off-chain ${action.note} when the timelock runs`;
  }
};
