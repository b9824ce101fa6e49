import { isAddressEqual, maxUint256, parseEther, parseEventLogs, zeroAddress, type Address, type Hash, type Hex, type Log } from 'viem';
import type { PrivateKeyAccount } from 'viem/accounts';
import { gdaForwarderAbi, superfluidPoolAbi, superTokenAbi } from '@ayllu/chain';
import { sharePoolAbi } from '../../contracts/abi/share-pool';
import { testBlacklistTokenAbi } from '../../contracts/abi/test-blacklist-token';
import { testTokenAbi } from '../../contracts/abi/test-token';
import { loadAylluArtifact } from '../../libs/chain/src/local/artifacts';
import { deployContract } from '../../libs/chain/src/local/deploy-contract';
import type { DevClients } from '../../libs/chain/src/local/dev-clients';
import { deploySharePool, sharePoolSalt, type SharePoolConfig } from '../../libs/chain/src/shares/deploy-share-pool';
import { sharePoolKey } from '../../libs/chain/src/shares/share-pool-calls';
import { fundedAccounts } from './accounts';
import { startPrivateDevChain, type DevChainContext } from './dev-chain';
import { usePrivateFixture } from './private-fixture';

/** Members' starting balance of the purchase and the staking token. */
export const MEMBER_FUNDS = 10n ** 30n;
/** One share per 100 staked tokens per 100 seconds: 1e22 token-wei-seconds per share. */
export const STAKING_RATE = 10n ** 14n;
export const tokens = (n: number | string) => parseEther(String(n));
/** A one-time operator key from a label (what the worker derives from the log's decision). */
export const key = (label: string): Hex => sharePoolKey(label);

type Write = Parameters<DevClients['wallet']>[0];

export type SharePoolAccounts = {
  readonly operator: PrivateKeyAccount;
  /** Stands for the DAO's Safe: the creator's calls are plain transactions here. */
  readonly creator: PrivateKeyAccount;
  /** Stands for the Safe distributing into the GDA pool: a funded account. */
  readonly distributor: PrivateKeyAccount;
  readonly outsider: PrivateKeyAccount;
  readonly members: PrivateKeyAccount[];
};

/** The step helper the specs are written in: each write sends, waits and fails on a revert. */
export function sharePoolSteps(chain: DevChainContext, purchaseToken: Address, pool: Address, gdaPool: Address) {
  const { clients, devChain } = chain;
  const confirm = async (hash: Hash) => {
    const receipt = await clients.public.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`);
    return receipt;
  };
  const write = (by: Write) => clients.wallet(by);
  const target = { address: pool, abi: sharePoolAbi } as const;
  const read = clients.public;
  const forwarder = { address: devChain.superfluid.gdaV1Forwarder, abi: gdaForwarderAbi } as const;
  return {
    buy: async (by: Write, buyer: Address, shares: bigint, k: Hex) =>
      confirm(await write(by).writeContract({ ...target, functionName: 'buy', args: [buyer, shares, k] })),
    grant: async (by: Write, to: Address, shares: bigint, k: Hex) =>
      confirm(await write(by).writeContract({ ...target, functionName: 'grant', args: [to, shares, k] })),
    transfer: async (by: Write, from: Address, to: Address, shares: bigint, k: Hex) =>
      confirm(await write(by).writeContract({ ...target, functionName: 'transfer', args: [from, to, shares, k] })),
    contribute: async (by: Write, contributor: Address, amount: bigint, k: Hex) =>
      confirm(await write(by).writeContract({ ...target, functionName: 'contribute', args: [contributor, amount, k] })),
    stake: async (by: Write, member: Address, amount: bigint, k: Hex) =>
      confirm(await write(by).writeContract({ ...target, functionName: 'stake', args: [member, amount, k] })),
    unstake: async (by: Write, member: Address, amount: bigint, k: Hex) =>
      confirm(await write(by).writeContract({ ...target, functionName: 'unstake', args: [member, amount, k] })),
    accrue: async (by: Write, member: Address) =>
      confirm(await write(by).writeContract({ ...target, functionName: 'accrue', args: [member] })),
    finalize: async (by: Write) => confirm(await write(by).writeContract({ ...target, functionName: 'finalizeCrowdfunding' })),
    claim: async (by: Write) => confirm(await write(by).writeContract({ ...target, functionName: 'claim' })),
    assign: async (by: Write, to: Address, shares: bigint) =>
      confirm(await write(by).writeContract({ ...target, functionName: 'assign', args: [to, shares] })),
    setOperator: async (by: Write, operator: Address) =>
      confirm(await write(by).writeContract({ ...target, functionName: 'setOperator', args: [operator] })),
    setPaused: async (by: Write, paused: boolean) =>
      confirm(await write(by).writeContract({ ...target, functionName: 'setPaused', args: [paused] })),
    /** Makes the purchase token refuse every transfer to or from `account` (or accept them again). */
    setBlocked: async (account: Address, blocked: boolean) =>
      confirm(
        await write(0).writeContract({
          address: purchaseToken,
          abi: testBlacklistTokenAbi,
          functionName: 'setBlocked',
          args: [account, blocked],
        }),
      ),
    /** Gives `by` `amount` super tokens (minted and wrapped) to distribute. */
    fundSuperTokens: async (by: PrivateKeyAccount, amount: bigint) => {
      const wallet = write(by);
      const { testToken, testSuperToken } = devChain;
      await confirm(
        await wallet.writeContract({ address: testToken, abi: testTokenAbi, functionName: 'mint', args: [by.address, amount] }),
      );
      await confirm(
        await wallet.writeContract({ address: testToken, abi: testTokenAbi, functionName: 'approve', args: [testSuperToken, amount] }),
      );
      await confirm(await wallet.writeContract({ address: testSuperToken, abi: superTokenAbi, functionName: 'upgrade', args: [amount] }));
    },
    distribute: async (by: PrivateKeyAccount, amount: bigint) =>
      confirm(
        await write(by).writeContract({
          ...forwarder,
          functionName: 'distribute',
          args: [devChain.testSuperToken, by.address, gdaPool, amount, '0x'],
        }),
      ),
    distributeFlow: async (by: PrivateKeyAccount, flowRate: bigint) =>
      confirm(
        await write(by).writeContract({
          ...forwarder,
          functionName: 'distributeFlow',
          args: [devChain.testSuperToken, by.address, gdaPool, flowRate, '0x'],
        }),
      ),
    connect: async (by: PrivateKeyAccount) =>
      confirm(await write(by).writeContract({ ...forwarder, functionName: 'connectPool', args: [gdaPool, '0x'] })),
    claimAll: async (member: Address) =>
      confirm(await write(0).writeContract({ ...forwarder, functionName: 'claimAll', args: [gdaPool, member, '0x'] })),
    sharesOf: (holder: Address) => read.readContract({ ...target, functionName: 'sharesOf', args: [holder] }),
    available: () => read.readContract({ ...target, functionName: 'available' }),
    holders: () => read.readContract({ ...target, functionName: 'holders' }),
    unitsOf: (member: Address) => read.readContract({ address: gdaPool, abi: superfluidPoolAbi, functionName: 'getUnits', args: [member] }),
    totalUnits: () => read.readContract({ address: gdaPool, abi: superfluidPoolAbi, functionName: 'getTotalUnits' }),
    purchaseBalance: (who: Address) =>
      read.readContract({ address: purchaseToken, abi: testBlacklistTokenAbi, functionName: 'balanceOf', args: [who] }),
    stakingBalance: (who: Address) =>
      read.readContract({ address: devChain.testToken, abi: testTokenAbi, functionName: 'balanceOf', args: [who] }),
    superBalance: (who: Address) =>
      read.readContract({ address: devChain.testSuperToken, abi: superTokenAbi, functionName: 'balanceOf', args: [who] }),
    /** Mines the next block at exactly `timestamp`. */
    nextBlockAt: (timestamp: bigint) => clients.test.setNextBlockTimestamp({ timestamp }),
    advanceTime: async (seconds: number) => {
      await clients.test.increaseTime({ seconds });
      await clients.test.mine({ blocks: 1 });
    },
    now: async () => (await read.getBlock()).timestamp,
    blockTime: async (blockNumber: bigint) => (await read.getBlock({ blockNumber })).timestamp,
    read,
    target,
  };
}

export type SharePoolSteps = ReturnType<typeof sharePoolSteps>;
export type SharePoolHandle = {
  readonly address: Address;
  readonly gdaPool: Address;
  readonly config: SharePoolConfig;
  readonly steps: SharePoolSteps;
};

/** Every event the pool at `pool` emitted in these logs, in log order, with its arguments. */
export const shareEventsOf = (logs: readonly Log[], pool: Address) =>
  parseEventLogs({ abi: sharePoolAbi, logs: logs.filter((log) => isAddressEqual(log.address, pool)) }).map(({ eventName, args }) => ({
    eventName,
    args,
  }));

export type SharePoolFixture = DevChainContext &
  SharePoolAccounts & {
    /** A TestBlacklistToken (a TestToken whose transfers to or from a blocked address revert). */
    readonly purchaseToken: Address;
    /** The default pool: 3,000 creator shares, 0.1 token a share, transfers allowed, staking, no crowdfunding. */
    readonly pool: SharePoolHandle;
    readonly defaultConfig: SharePoolConfig;
    /** Deploys another pool (members approve it for everything), e.g. a crowdfunding pool. */
    readonly deployPool: (overrides: Partial<SharePoolConfig>, salt?: string) => Promise<SharePoolHandle>;
  };

/**
 * Registers Jest hooks for a file that owns its chain: a private node with the development chain (Superfluid,
 * the Safe singleton factory, the test token and its super token), a TestBlacklistToken as the purchase token,
 * the test token as the staking token, one default pool deployed through `deploySharePool`, and `members` funded
 * accounts that approved it. A snapshot is reverted before every test. Read the getter inside tests.
 */
export function usePrivateSharePool(options: { members?: number } = {}): () => SharePoolFixture {
  return usePrivateFixture('usePrivateSharePool', startPrivateDevChain, async (chain) => {
    const { clients, devChain } = chain;
    const [operator, creator, distributor, outsider, ...members] = await fundedAccounts(clients, 'shares', 4 + (options.members ?? 4));
    const artifact = loadAylluArtifact('src/test/TestBlacklistToken.sol', 'TestBlacklistToken');
    const purchaseToken = await deployContract(
      { wallet: clients.wallet(0), public: clients.public },
      { name: 'TestBlacklistToken', abi: artifact.abi, bytecode: artifact.bytecode, args: ['Share Purchase Token', 'SPT'] },
    );
    for (const member of members) {
      const wallet = clients.wallet(member);
      for (const hash of [
        await wallet.writeContract({
          address: purchaseToken,
          abi: testBlacklistTokenAbi,
          functionName: 'mint',
          args: [member.address, MEMBER_FUNDS],
        }),
        await wallet.writeContract({
          address: devChain.testToken,
          abi: testTokenAbi,
          functionName: 'mint',
          args: [member.address, MEMBER_FUNDS],
        }),
      ])
        await clients.public.waitForTransactionReceipt({ hash });
    }
    const defaultConfig: SharePoolConfig = {
      purchaseToken,
      distributionToken: devChain.testSuperToken,
      gdaForwarder: devChain.superfluid.gdaV1Forwarder,
      creator: creator.address,
      operator: operator.address,
      creatorShares: 3_000n,
      pricePerShare: tokens('0.1'),
      transfersAllowed: true,
      maxParticipants: 0n,
      crowdfundingTarget: 0n,
      crowdfundingDeadline: 0n,
      stakingToken: devChain.testToken,
      stakingRate: STAKING_RATE,
    };
    let deployed = 0;
    const deployPool = async (overrides: Partial<SharePoolConfig>, salt = `pool-${deployed++}`): Promise<SharePoolHandle> => {
      const config = { ...defaultConfig, ...overrides };
      const { address, gdaPool } = await deploySharePool({
        wallet: clients.wallet(operator),
        client: clients.public,
        config,
        salt: sharePoolSalt(salt),
      });
      for (const member of members) {
        const wallet = clients.wallet(member);
        for (const token of [purchaseToken, devChain.testToken].filter((t) => t !== zeroAddress))
          await clients.public.waitForTransactionReceipt({
            hash: await wallet.writeContract({ address: token, abi: testTokenAbi, functionName: 'approve', args: [address, maxUint256] }),
          });
      }
      return { address, gdaPool, config, steps: sharePoolSteps(chain, purchaseToken, address, gdaPool) };
    };
    const pool = await deployPool({}, 'default');
    return { ...chain, operator, creator, distributor, outsider, members, purchaseToken, pool, defaultConfig, deployPool };
  });
}
