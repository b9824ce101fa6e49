import type { Address } from '../shared/address';
import { fold } from '../shared/decider';
import { DAO_DEFAULTS, type DaoConfiguration } from '../dao/dao-configuration';
import { daoDecider } from '../dao/dao-decider';
import type { DaoEvent, DaoCreated, DepositConfirmed, MemberActivated, MemberJoinRequested } from '../dao/dao-events';
import type { ActiveDao, DaoState } from '../dao/dao-state';
import { evolveProposal } from '../proposal/evolve-proposal';
import type { ProposalEvent } from '../proposal/proposal-events';
import { initialProposalState, type ProposalState } from '../proposal/proposal-state';
import { specFor } from './given';
import { T0 } from './fixtures';

/** Event builders for specs: histories read as what happened, in order. */
export const daoCreated = (founders: readonly Address[], configuration: Partial<DaoConfiguration> = {}): DaoCreated => ({
  type: 'DaoCreated',
  data: {
    daoId: 'dao-1',
    configuration: { ...DAO_DEFAULTS, name: 'Ayllu', treasurerThreshold: 0, ...configuration },
    founders,
    createdAt: T0,
    createdBy: 'admin:key-1',
  },
});

let logIndex = 0;
export const deposited = (member: Address, amount: bigint, at: string = T0): DepositConfirmed => ({
  type: 'DepositConfirmed',
  data: {
    member,
    amount,
    chainId: 31337,
    txHash: `0x${(++logIndex).toString(16).padStart(64, '0')}`,
    logIndex: 0,
    confirmedAt: at,
  },
});

export const joinRequested = (member: Address, at: string = T0): MemberJoinRequested => ({
  type: 'MemberJoinRequested',
  data: { member, requestedAt: at },
});

export const activated = (member: Address, at: string = T0): MemberActivated => ({
  type: 'MemberActivated',
  data: { member, activatedAt: at },
});

export const activeDao = (events: readonly DaoEvent[]): ActiveDao => {
  const state = fold(daoDecider, events);
  if (state.status !== 'Active') throw new Error('the history does not create a DAO');
  return state;
};

export interface TwoStreams {
  readonly dao: readonly DaoEvent[];
  readonly proposal: readonly ProposalEvent[];
}

export const foldStreams = (history: TwoStreams): { dao: DaoState; proposal: ProposalState } => ({
  dao: fold(daoDecider, history.dao),
  proposal: history.proposal.reduce(evolveProposal, initialProposalState()),
});

/** `given({ dao, proposal }).when(command).then({ dao, proposal })` for use cases over both streams. */
export const twoStreamSpec = <C, R>(decide: (command: C, state: { dao: DaoState; proposal: ProposalState }) => R) =>
  specFor(foldStreams, decide);
