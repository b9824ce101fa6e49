import type { Address } from '../shared/address';
import type { DaoConfiguration } from '../dao/dao-configuration';

/** Payload of each proposal type. Amounts are bigint in the token's smallest unit. */
export interface ProposalPayloads {
  readonly ADD_MEMBER: { readonly member: Address; readonly units?: bigint };
  readonly REMOVE_MEMBER: { readonly member: Address; readonly reason: string };
  /** `withdrawalId` links a member's large withdrawal request; absent for a pool-level payment. */
  readonly WITHDRAW_FUNDS: { readonly recipient: Address; readonly amount: bigint; readonly withdrawalId?: string };
  readonly CHANGE_PARAMETERS: { readonly changes: Partial<DaoConfiguration> };
  readonly CHANGE_STRATEGY: { readonly strategy: Address };
  readonly DISTRIBUTE_YIELDS: {
    readonly mode: 'stream' | 'instant' | 'stop';
    readonly flowRatePerSecond?: bigint;
    readonly amount?: bigint;
  };
  readonly UPGRADE_CONTRACT: { readonly implementation: Address };
}

/**
 * CHANGE_PARAMETERS fields the Safe and the timelock hold. Executing the proposal asks the chain for them;
 * the DAO takes the new values from the chain's events (DaoTreasuryChanged), never from the proposal.
 */
export const TREASURY_FIELDS = [
  'treasurers',
  'treasurerThreshold',
  'timelockDelaySeconds',
] as const satisfies readonly (keyof DaoConfiguration)[];

export type ProposalOf = {
  [T in keyof ProposalPayloads]: { readonly type: T; readonly payload: ProposalPayloads[T] };
}[keyof ProposalPayloads];
