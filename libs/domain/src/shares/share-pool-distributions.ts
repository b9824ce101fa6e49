import { fitsChainInteger } from '../shared/chain-integer';
import { DomainError } from '../shared/domain-error';
import { isHash } from '../shared/hex';
import { distributionLedger, streamLedger } from './distribution-ledger';
import { TOTAL_SHARES } from './share-pool-configuration';
import type { CompleteDistributionRound, RecordDistribution, StopDistributionStream } from './share-pool-commands';
import type { SharePoolEvent } from './share-pool-events';
import { addressIn, byCreator, byCreatorOrAdmin, deployed, live } from './share-pool-guards';
import type { ExistingSharePool, SharePoolState } from './share-pool-state';

const MIN = BigInt(TOTAL_SHARES);

const txOf = (value: unknown) => {
  if (!isHash(value))
    throw new DomainError('SHARE_POOL.INVALID_TX', 'A transaction hash is required', 'invalid', [
      { field: 'txHash', message: 'must be a 32-byte hash' },
    ]);
  return value;
};

const holdingsOf = (s: ExistingSharePool) => [...s.holdings].map(([holder, shares]) => ({ holder, shares }));

/** The round a new distribution belongs to: the open one, or a new one after a completed round. */
const roundFor = (s: ExistingSharePool): number => (s.round === null ? 0 : s.round.completed ? s.round.index + 1 : s.round.index);

/**
 * The Safe distributed through the GDAv1Forwarder (`distribute`, or `distributeFlow` to start or change a stream),
 * recorded with the Safe as actor. The ledger is computed from the holdings of this moment, which the pool's units
 * equal on chain (every share change is chain-first). Amounts and rates below 10,000 wei pay nothing per share and
 * are refused.
 */
export const recordDistribution = (command: RecordDistribution, state: SharePoolState): SharePoolEvent[] => {
  const s = live(state);
  byCreator(s, command.metadata);
  deployed(s);
  const txHash = txOf(command.data.txHash);
  // The ledger is the log's holdings: none may be on its way, and the chain's units, when read, must be the same.
  const moving = [...s.pending.values()].filter((p) => p.kind === 'purchase' || p.kind === 'grant' || p.kind === 'transfer');
  if (moving.length > 0)
    throw new DomainError(
      'SHARE_POOL.ACTIONS_PENDING',
      `${moving.length} share movements are under way: record the distribution once they are settled`,
      'conflict',
    );
  const chain = command.data.chainHoldings;
  if (chain !== undefined) {
    const read = new Map(chain.filter((h) => h.shares > 0).map((h) => [addressIn(h.holder, 'chainHoldings').toLowerCase(), h.shares]));
    const same = read.size === s.holdings.size && [...s.holdings].every(([holder, shares]) => read.get(holder.toLowerCase()) === shares);
    if (!same)
      throw new DomainError(
        'SHARE_POOL.CHAIN_DISAGREES',
        "The pool's units on chain differ from the log's holdings: nothing was recorded",
        'conflict',
      );
  }
  const input = command.data.distribution;
  let ledger;
  if (input?.kind === 'instant') {
    if (typeof input.amount !== 'bigint' || input.amount < MIN || !fitsChainInteger(input.amount, 'uint256'))
      throw new DomainError('SHARE_POOL.INVALID_DISTRIBUTION', 'The amount pays nothing per share', 'invalid', [
        { field: 'distribution.amount', message: `must be a whole number of wei from ${TOTAL_SHARES} (one wei per share) to 2^256 - 1` },
      ]);
    ledger = distributionLedger(input.amount, holdingsOf(s));
  } else if (input?.kind === 'stream') {
    if (typeof input.flowRate !== 'bigint' || input.flowRate < MIN || !fitsChainInteger(input.flowRate, 'int96'))
      throw new DomainError('SHARE_POOL.INVALID_DISTRIBUTION', 'The flow rate pays nothing per share', 'invalid', [
        { field: 'distribution.flowRate', message: `must be a whole number of wei per second from ${TOTAL_SHARES} to 2^95 - 1 (int96)` },
      ]);
    ledger = streamLedger(input.flowRate, holdingsOf(s));
  } else
    throw new DomainError('SHARE_POOL.INVALID_DISTRIBUTION', 'A distribution is instant or a stream', 'invalid', [
      { field: 'distribution.kind', message: "must be 'instant' or 'stream'" },
    ]);
  const { actor, now } = command.metadata;
  return [
    {
      type: 'DistributionRecorded',
      data: { round: roundFor(s), index: s.distributions, ledger, txHash, recordedBy: actor, recordedAt: now },
    },
  ];
};

export const stopDistributionStream = (command: StopDistributionStream, state: SharePoolState): SharePoolEvent[] => {
  const s = live(state);
  byCreator(s, command.metadata);
  const txHash = txOf(command.data.txHash);
  if (!s.round?.stream) throw new DomainError('SHARE_POOL.NO_STREAM', 'No distribution stream is running', 'conflict');
  const { actor, now } = command.metadata;
  return [{ type: 'DistributionStreamStopped', data: { round: s.round.index, txHash, stoppedBy: actor, stoppedAt: now } }];
};

/** The creator closes the open round (its stream stopped first); the next distribution opens a new one. */
export const completeDistributionRound = (command: CompleteDistributionRound, state: SharePoolState): SharePoolEvent[] => {
  const s = live(state);
  byCreatorOrAdmin(s, command.metadata);
  if (s.round === null || s.round.completed) throw new DomainError('SHARE_POOL.NO_OPEN_ROUND', 'No distribution round is open', 'conflict');
  if (s.round.stream) throw new DomainError('SHARE_POOL.STREAM_RUNNING', 'A distribution stream is running: stop it first', 'conflict');
  const { actor, now } = command.metadata;
  return [{ type: 'DistributionRoundCompleted', data: { round: s.round.index, completedBy: actor, completedAt: now } }];
};
