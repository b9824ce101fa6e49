import type { Address } from '../shared/address';
import { DomainError } from '../shared/domain-error';
import type { RoscaCommand } from '../rotating/rosca-commands';
import { roscaDecider } from '../rotating/rosca-decider';
import type { RoscaEvent, RotatingPoolStarted } from '../rotating/rosca-events';
import type { RoscaState } from '../rotating/rosca-state';
import type { RoscaOrganiserAction } from './treasury-events';
import { sameAddress } from './treasury-guards';
import type { DeployedTreasury } from './treasury-state';

type ExistingPool = Exclude<RoscaState, { status: 'ABSENT' }>;

/** The pool's command an organiser action is, as the Safe (`actor`) gives it at `now`. */
export const organiserCommand = (action: RoscaOrganiserAction, actor: string, now: string): RoscaCommand => {
  const metadata = { actor, now };
  switch (action.action) {
    case 'start':
      return { type: 'StartRotatingPool', data: action.order === null ? {} : { order: action.order }, metadata };
    case 'pause':
      return { type: 'PauseRotatingPool', data: { reason: action.reason ?? '' }, metadata };
    case 'resume':
      return { type: 'ResumeRotatingPool', data: {}, metadata };
  }
};

/**
 * A pool of this DAO organised by this DAO's Safe: anything else is refused, so that a Safe transaction is never
 * queued for a pool whose log would refuse the Safe as its organiser.
 */
export const requireOrganisedPool = (treasury: DeployedTreasury, pool: RoscaState, poolId: string): ExistingPool => {
  if (pool.status === 'ABSENT' || pool.poolId !== poolId || pool.configuration.daoId !== treasury.daoId)
    throw new DomainError('ROSCA.NOT_FOUND', `No rotating pool ${poolId} in DAO ${treasury.daoId}`, 'not-found');
  if (!sameAddress(pool.configuration.organiser, treasury.contracts.safe))
    throw new DomainError(
      'ROSCA.ORGANISER_NOT_SAFE',
      `The pool's organiser ${pool.configuration.organiser} is not the DAO's Safe ${treasury.contracts.safe}`,
      'conflict',
    );
  return pool;
};

/**
 * What the pool's log decides for the action if the Safe gave it now: the events, or the DomainError that
 * refuses it (wrong state, a bad order, a pause without a reason). The actor is the organiser as the pool
 * recorded it (the Safe's checksummed address).
 */
export const decideOrganiserAction = (pool: ExistingPool, action: RoscaOrganiserAction, now: string): readonly RoscaEvent[] =>
  roscaDecider.decide(organiserCommand(action, pool.configuration.organiser, now), pool);

/**
 * The contract call an action is, with the order a start passes on chain: the admin's (manual pools), or the
 * recipients the log would start with now (join order, a lottery's draw, the consensus vote); where the log
 * leaves recipients open (bidding), the members in join order.
 */
export type OrganiserCall =
  | { readonly functionName: 'startWithOrder'; readonly order: readonly Address[] }
  | { readonly functionName: 'pause'; readonly reason: string }
  | { readonly functionName: 'resume' };

export const organiserCallOf = (pool: ExistingPool, action: RoscaOrganiserAction, decided: readonly RoscaEvent[]): OrganiserCall => {
  switch (action.action) {
    case 'pause':
      return { functionName: 'pause', reason: (action.reason ?? '').trim() };
    case 'resume':
      return { functionName: 'resume' };
    case 'start': {
      if (action.order !== null) return { functionName: 'startWithOrder', order: action.order };
      const started = decided.find((e): e is RotatingPoolStarted => e.type === 'RotatingPoolStarted');
      const recipients = started?.data.order.flatMap((slot) => (slot.kind === 'recipient' ? [slot.member] : [])) ?? [];
      const members = [...pool.members.keys()];
      return { functionName: 'startWithOrder', order: recipients.length === members.length ? recipients : members };
    }
  }
};

/** The action in words, as treasurers see it in the Safe queue. */
export const describeOrganiserCall = (poolId: string, contract: Address, call: OrganiserCall): string => {
  switch (call.functionName) {
    case 'pause':
      return `Pause rotating pool ${poolId}: ${call.reason} (pause on ${contract})`;
    case 'resume':
      return `Resume rotating pool ${poolId} (resume on ${contract})`;
    case 'startWithOrder':
      return `Start rotating pool ${poolId}, recipients in order ${call.order.join(', ')} (startWithOrder on ${contract})`;
  }
};
