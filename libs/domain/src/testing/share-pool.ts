import type { Address } from '../shared/address';
import { fold } from '../shared/decider';
import type { Hash } from '../shared/hex';
import type { SharePoolConfigurationInput } from '../shares/share-pool-configuration';
import type { SharePoolCommand } from '../shares/share-pool-commands';
import { sharePoolDecider } from '../shares/share-pool-decider';
import type { SharePoolEvent } from '../shares/share-pool-events';
import type { ExistingSharePool, SharePoolState } from '../shares/share-pool-state';
import { addressOf, at, DAY, meta, T0 } from './fixtures';

/** The DAO's Safe, the creator of every spec pool. */
export const creatorSafe = addressOf('share-dao-safe');
export const distributionToken = addressOf('super-token');
export const purchaseToken = addressOf('purchase-token');
export const stakingToken = addressOf('staking-token');
export const poolContract = addressOf('share-pool-contract');
export const gdaPool = addressOf('share-gda-pool');

export const holders = (n: number): Address[] => Array.from({ length: n }, (_, i) => addressOf(`share-holder-${i}`));
export const tx = (n: number): Hash => `0x${n.toString(16).padStart(64, '0')}`;

export const sharePoolInput = (overrides: SharePoolConfigurationInput = {}): SharePoolConfigurationInput => ({
  daoId: 'dao-1',
  creator: creatorSafe,
  name: 'Solar Farm Alpha',
  ticker: 'SFA',
  wayToAccess: 'buy',
  distributionToken,
  purchaseToken,
  creatorShares: 3_000,
  pricePerShare: 10n ** 15n,
  ...overrides,
});

/** Ways in other than buy, with what they need. */
export const crowdfundingInput = (target = 1_000n, overrides: SharePoolConfigurationInput = {}): SharePoolConfigurationInput =>
  sharePoolInput({ wayToAccess: 'crowdfunding', pricePerShare: undefined, crowdfunding: { target, deadline: at(7 * DAY) }, ...overrides });
export const stakingInput = (ratePerTokenSecond: bigint, overrides: SharePoolConfigurationInput = {}): SharePoolConfigurationInput =>
  sharePoolInput({
    wayToAccess: 'staking',
    pricePerShare: undefined,
    purchaseToken: undefined,
    staking: { token: stakingToken, ratePerTokenSecond },
    ...overrides,
  });

type Data<T extends SharePoolCommand['type']> = Extract<SharePoolCommand, { type: T }>['data'];

export interface SharePoolLog {
  readonly events: SharePoolEvent[];
  readonly state: () => SharePoolState;
  readonly pool: () => ExistingSharePool;
  /** Decides as `actor` (the Safe by default) at `now` and appends what it decided. */
  readonly run: <T extends SharePoolCommand['type']>(type: T, data: Data<T>, now?: string, actor?: string) => SharePoolEvent[];
  /** The key of the latest request (the one a confirmation names). */
  readonly lastKey: () => string;
}

export const sharePoolLog = (): SharePoolLog => {
  const events: SharePoolEvent[] = [];
  const state = () => fold(sharePoolDecider, events);
  let key = '';
  return {
    events,
    state,
    pool: () => {
      const s = state();
      if (s.status === 'ABSENT') throw new Error('no pool');
      return s;
    },
    run: (type, data, now = T0, actor = creatorSafe) => {
      const produced = sharePoolDecider.decide({ type, data, metadata: meta(actor, now) } as SharePoolCommand, state());
      for (const e of produced) if ('key' in e.data && typeof e.data.key === 'string') key = e.data.key;
      events.push(...produced);
      return [...produced];
    },
    lastKey: () => key,
  };
};

/** A created and deployed pool. */
export const deployedPool = (input: SharePoolConfigurationInput = sharePoolInput()): SharePoolLog => {
  const log = sharePoolLog();
  log.run('CreateSharePool', { poolId: 'sp-1', ...input });
  log.run('RecordSharePoolDeployment', { address: poolContract, gdaPool, txHash: tx(1), blockNumber: 5n });
  return log;
};

/** Runs a member's request and the worker's confirmation of its chain call. */
export const confirmed = <T extends SharePoolCommand['type']>(
  log: SharePoolLog,
  type: T,
  data: Data<T>,
  now = T0,
  actor?: string,
): SharePoolEvent[] => {
  const requested = log.run(type, data, now, actor);
  return [...requested, ...log.run('ConfirmSharePoolAction', { key: log.lastKey(), txHash: tx(99), at: now }, now, 'system:worker')];
};
