import { evolveDao } from '../dao/evolve-dao';
import type { DaoEvent } from '../dao/dao-events';
import { initialDaoState, type DaoState } from '../dao/dao-state';
import type { TreasuryEvent } from '../execution/treasury-events';
import { evolveTreasury, initialTreasuryState, type TreasuryState } from '../execution/treasury-state';
import { evolveProcessing, initialProcessingState, type ProcessingEvent, type ProcessingState } from '../processing/processing-events';
import { evolveProposal } from '../proposal/evolve-proposal';
import type { ProposalEvent } from '../proposal/proposal-events';
import { initialProposalState, type ProposalState } from '../proposal/proposal-state';
import { evolveRelayer, initialRelayerState, type RelayerEvent, type RelayerState } from '../relayer/relayer-events';
import { evolveRosca } from '../rotating/evolve-rosca';
import type { RoscaEvent } from '../rotating/rosca-events';
import { initialRoscaState, type RoscaState } from '../rotating/rosca-state';
import type { Event } from '../shared/decider';
import { evolveSharePool } from '../shares/evolve-share-pool';
import type { SharePoolEvent } from '../shares/share-pool-events';
import { initialSharePoolState, type SharePoolState } from '../shares/share-pool-state';
import { evolveWebhook, initialWebhookState, type WebhookEvent, type WebhookState } from '../webhooks/webhook-events';
import {
  DAO_EVENT_TYPES,
  PROCESSING_EVENT_TYPES,
  PROPOSAL_EVENT_TYPES,
  RELAYER_EVENT_TYPES,
  ROSCA_EVENT_TYPES,
  SHARE_POOL_EVENT_TYPES,
  TREASURY_EVENT_TYPES,
  WEBHOOK_EVENT_TYPES,
} from './event-types';

/** One stream: where it lives in the log and how its events fold into its state. */
export interface StreamRef<S, E extends Event> {
  readonly streamId: string;
  readonly evolve: (state: S, event: E) => S;
  readonly initialState: () => S;
}

/** A kind of stream: how an id becomes a stream id and back, and how its events fold. */
export interface StreamKind<Name extends string, S, E extends Event> {
  readonly name: Name;
  readonly of: (id: string) => StreamRef<S, E>;
  /** The id inside a stream id of this kind, or null when the stream is of another kind. */
  readonly parse: (streamId: string) => string | null;
  readonly evolve: (state: S, event: E) => S;
  readonly initialState: () => S;
  /** Every event type a stream of this kind holds, for processors that handle all of them. */
  readonly eventTypes: readonly E['type'][];
}

const kind = <Name extends string, S, E extends Event>(
  name: Name,
  evolve: (state: S, event: E) => S,
  initialState: () => S,
  eventTypes: readonly E['type'][],
): StreamKind<Name, S, E> => {
  const prefix = `${name}-`;
  return {
    name,
    of: (id) => ({ streamId: prefix + id, evolve, initialState }),
    parse: (streamId) => (streamId.startsWith(prefix) && streamId.length > prefix.length ? streamId.slice(prefix.length) : null),
    evolve,
    initialState,
    eventTypes,
  };
};

/**
 * Every stream kind of the platform. Nothing else makes or parses a stream id (a lint rule keeps it so):
 * - `dao-<daoId>`: the DAO aggregate (configuration, members, funds, the proposals it opened);
 * - `proposal-<proposalId>`: one proposal, its frozen rules, ballots and execution steps;
 * - `treasury-<daoId>`: the DAO's contracts, Safe transactions in nonce order and timelock operations;
 * - `webhook-<endpointId>`: what the platform decided about a webhook endpoint;
 * - `processing-<daoId>`: what the worker's log processors could not apply for the DAO (quarantines);
 * - `relayer-<chainId>-<address>`: the platform's relayer on a chain (its balance crossing the floor); no DAO's own,
 *   every DAO on the chain depends on it. Its id is made by `relayerStreamId`;
 * - `rosca-<poolId>`: one rotating pool (ROSCA) of a DAO: members, rounds, contributions, payouts, its money;
 * - `share-pool-<poolId>`: one share pool of a DAO: its 10,000 shares, the ways in, crowdfunding, staking, distributions.
 */
export const streams = {
  dao: kind<'dao', DaoState, DaoEvent>('dao', evolveDao, initialDaoState, DAO_EVENT_TYPES),
  proposal: kind<'proposal', ProposalState, ProposalEvent>('proposal', evolveProposal, initialProposalState, PROPOSAL_EVENT_TYPES),
  treasury: kind<'treasury', TreasuryState, TreasuryEvent>('treasury', evolveTreasury, initialTreasuryState, TREASURY_EVENT_TYPES),
  webhook: kind<'webhook', WebhookState, WebhookEvent>('webhook', evolveWebhook, initialWebhookState, WEBHOOK_EVENT_TYPES),
  processing: kind<'processing', ProcessingState, ProcessingEvent>(
    'processing',
    evolveProcessing,
    initialProcessingState,
    PROCESSING_EVENT_TYPES,
  ),
  relayer: kind<'relayer', RelayerState, RelayerEvent>('relayer', evolveRelayer, initialRelayerState, RELAYER_EVENT_TYPES),
  rosca: kind<'rosca', RoscaState, RoscaEvent>('rosca', evolveRosca, initialRoscaState, ROSCA_EVENT_TYPES),
  sharePool: kind<'share-pool', SharePoolState, SharePoolEvent>(
    'share-pool',
    evolveSharePool,
    initialSharePoolState,
    SHARE_POOL_EVENT_TYPES,
  ),
} as const;

/** The id inside `relayer-<id>`: the chain and the address (lowercase), so one relayer has one stream per chain. */
export const relayerStreamId = (chainId: number, address: string): string => `${chainId}-${address.toLowerCase()}`;

export type StreamKindName = keyof typeof streams;

/** Every event any stream of the catalogue holds. */
export type DomainEvent =
  DaoEvent | ProposalEvent | TreasuryEvent | WebhookEvent | ProcessingEvent | RelayerEvent | RoscaEvent | SharePoolEvent;
export type DomainEventType = DomainEvent['type'];

/** The kind and id of a stream id, or null for a stream the catalogue does not know. */
export const parseStreamId = (streamId: string): { readonly kind: StreamKindName; readonly id: string } | null => {
  for (const name of Object.keys(streams) as StreamKindName[]) {
    const id = streams[name].parse(streamId);
    if (id !== null) return { kind: name, id };
  }
  return null;
};
