import { fitsChainInteger } from '../shared/chain-integer';
import { DomainError } from '../shared/domain-error';
import { isHash } from '../shared/hex';
import { distributionLedger, streamLedger, type Holding, type HoldingDisagreement } from './distribution-ledger';
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

const invalidUnits = (message: string, field = 'chainHoldings') =>
  new DomainError('SHARE_POOL.INVALID_CHAIN_HOLDINGS', "The chain's units given are not a pool's holdings", 'invalid', [
    { field, message },
  ]);

/**
 * The holdings a distribution paid by, from the chain's units: the log's holders first in the log's order, then the
 * holders only the chain knows, in the order given; and every holder whose units differ from the log's holding.
 */
const chainUnitsOf = (
  s: ExistingSharePool,
  chain: NonNullable<RecordDistribution['data']['chainHoldings']>,
): { holdings: Holding[]; disagreement: HoldingDisagreement[] } => {
  if (!Array.isArray(chain)) throw invalidUnits('must be a list of { holder, shares }');
  const read = new Map<string, Holding>();
  (chain as readonly (Partial<Record<'holder' | 'shares', unknown>> | null)[]).forEach((h, i) => {
    const holder = addressIn(h?.holder, `chainHoldings[${i}].holder`);
    const shares = h?.shares;
    if (typeof shares !== 'number' || !Number.isSafeInteger(shares) || shares < 0 || shares > TOTAL_SHARES)
      throw invalidUnits(`must be a whole number of units from 0 to ${TOTAL_SHARES}`, `chainHoldings[${i}].shares`);
    if (read.has(holder.toLowerCase())) throw invalidUnits(`${holder} is named twice`, `chainHoldings[${i}].holder`);
    if (s.contract !== null && holder.toLowerCase() === s.contract.toLowerCase())
      throw invalidUnits("the pool's own contract holds the rest of the units: leave it out", `chainHoldings[${i}].holder`);
    read.set(holder.toLowerCase(), { holder, shares });
  });
  if ([...read.values()].reduce((n, h) => n + h.shares, 0) > TOTAL_SHARES) throw invalidUnits(`must total at most ${TOTAL_SHARES} units`);
  const holdings: Holding[] = [];
  const disagreement: HoldingDisagreement[] = [];
  for (const [holder, log] of s.holdings) {
    const units = read.get(holder.toLowerCase())?.shares ?? 0;
    read.delete(holder.toLowerCase());
    if (units > 0) holdings.push({ holder, shares: units });
    if (units !== log) disagreement.push({ holder, log, chain: units });
  }
  for (const h of read.values())
    if (h.shares > 0) {
      holdings.push(h);
      disagreement.push({ holder: h.holder, log: 0, chain: h.shares });
    }
  return { holdings, disagreement };
};

/**
 * The Safe distributed through the GDAv1Forwarder (`distribute`, or `distributeFlow` to start or change a stream),
 * recorded with the Safe as actor. What the chain did is recorded: given the GDA pool's units at the execution's
 * block (`chainHoldings`), the ledger is computed from them, never refused for share movements under way or for
 * units that differ from the log's holdings, and the difference is recorded with it. Without them (asking the log
 * before the Safe transaction exists) the ledger is the log's holdings and movements under way refuse it, so a
 * distribution is not proposed while shares are moving. Amounts and rates below 10,000 wei pay nothing per share
 * and are refused.
 */
export const recordDistribution = (command: RecordDistribution, state: SharePoolState): SharePoolEvent[] => {
  const s = live(state);
  byCreator(s, command.metadata);
  deployed(s);
  const txHash = txOf(command.data.txHash);
  const chain = command.data.chainHoldings;
  const fromChain = chain === undefined ? null : chainUnitsOf(s, chain);
  if (fromChain === null) {
    const moving = [...s.pending.values()].filter((p) => p.kind === 'purchase' || p.kind === 'grant' || p.kind === 'transfer');
    if (moving.length > 0)
      throw new DomainError(
        'SHARE_POOL.ACTIONS_PENDING',
        `${moving.length} share movements are under way: record the distribution once they are settled`,
        'conflict',
      );
  }
  const chainBlock = command.data.chainBlock;
  if (chainBlock !== undefined && (typeof chainBlock !== 'bigint' || chainBlock < 0n))
    throw invalidUnits('must be a block number', 'chainBlock');
  const paidBy = fromChain?.holdings ?? holdingsOf(s);
  const input = command.data.distribution;
  let ledger;
  if (input?.kind === 'instant') {
    if (typeof input.amount !== 'bigint' || input.amount < MIN || !fitsChainInteger(input.amount, 'uint256'))
      throw new DomainError('SHARE_POOL.INVALID_DISTRIBUTION', 'The amount pays nothing per share', 'invalid', [
        { field: 'distribution.amount', message: `must be a whole number of wei from ${TOTAL_SHARES} (one wei per share) to 2^256 - 1` },
      ]);
    ledger = distributionLedger(input.amount, paidBy);
  } else if (input?.kind === 'stream') {
    if (typeof input.flowRate !== 'bigint' || input.flowRate < MIN || !fitsChainInteger(input.flowRate, 'int96'))
      throw new DomainError('SHARE_POOL.INVALID_DISTRIBUTION', 'The flow rate pays nothing per share', 'invalid', [
        { field: 'distribution.flowRate', message: `must be a whole number of wei per second from ${TOTAL_SHARES} to 2^95 - 1 (int96)` },
      ]);
    ledger = streamLedger(input.flowRate, paidBy);
  } else
    throw new DomainError('SHARE_POOL.INVALID_DISTRIBUTION', 'A distribution is instant or a stream', 'invalid', [
      { field: 'distribution.kind', message: "must be 'instant' or 'stream'" },
    ]);
  const { actor, now } = command.metadata;
  return [
    {
      type: 'DistributionRecorded',
      data: {
        round: roundFor(s),
        index: s.distributions,
        ledger,
        txHash,
        recordedBy: actor,
        recordedAt: now,
        ...(fromChain ? { holdingsDisagreement: fromChain.disagreement } : {}),
        ...(chainBlock !== undefined ? { chainBlock } : {}),
      },
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
