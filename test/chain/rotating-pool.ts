import { isAddressEqual, maxUint256, parseEventLogs, zeroAddress, type Address, type Hash, type Hex, type Log } from 'viem';
import type { PrivateKeyAccount } from 'viem/accounts';
import { rotatingPoolAbi } from '../../contracts/abi/rotating-pool';
import { testBlacklistTokenAbi } from '../../contracts/abi/test-blacklist-token';
import { loadAylluArtifact } from '../../libs/chain/src/local/artifacts';
import { deployContract } from '../../libs/chain/src/local/deploy-contract';
import { devClients, type DevClients } from '../../libs/chain/src/local/dev-clients';
import { startHardhatNode } from '../../libs/chain/src/local/start-hardhat-node';
import { deployRotatingPool, type RotatingPoolTerms } from '../../libs/chain/src/rotating/deploy-rotating-pool';
import type { RotatingPoolPayment } from '../../libs/chain/src/rotating/rotating-pool-calls';
import { fundedAccounts } from './accounts';
import { usePrivateFixture } from './private-fixture';

export const DAY = 86_400;
export const WEEK = 7 * DAY;
/** Members' starting balance: enough for every collateral, contribution and penalty a spec asks for. */
export const MEMBER_FUNDS = 10n ** 30n;

export const defaultTerms: RotatingPoolTerms = {
  contributionAmount: 100n * 10n ** 18n,
  collateralAmount: 50n * 10n ** 18n,
  intervalSeconds: BigInt(30 * DAY),
  graceSeconds: BigInt(2 * DAY),
  penaltyRateBps: 500,
  memberCount: 4,
};

export type RotatingPoolFixture = {
  readonly clients: DevClients;
  /** A TestBlacklistToken: a TestToken whose transfers to or from a blocked address revert. */
  readonly token: Address;
  readonly pool: Address;
  /** The pool's ERC-4626 strategy (a TestStrategy over the token) when the spec asked for one; else zero. */
  readonly strategy: Address;
  readonly terms: RotatingPoolTerms;
  readonly operator: PrivateKeyAccount;
  readonly organiser: PrivateKeyAccount;
  readonly feeRecipient: PrivateKeyAccount;
  readonly outsider: PrivateKeyAccount;
  /** Funded with MEMBER_FUNDS of the token, each having approved the pool for everything. */
  readonly members: PrivateKeyAccount[];
  readonly steps: RotatingPoolSteps;
};

type Write = Parameters<DevClients['wallet']>[0];

/** The step helper the pool specs are written in: each write sends, waits and fails on a revert. */
export function rotatingPoolSteps(clients: DevClients, token: Address, pool: Address) {
  const confirm = async (hash: Hash) => {
    const receipt = await clients.public.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`);
    return receipt;
  };
  const write = (by: Write) => clients.wallet(by);
  const target = { address: pool, abi: rotatingPoolAbi } as const;
  return {
    join: async (by: Write, member: Address) => confirm(await write(by).writeContract({ ...target, functionName: 'join', args: [member] })),
    begin: async (by: Write, firstDueAt: bigint) =>
      confirm(await write(by).writeContract({ ...target, functionName: 'begin', args: [firstDueAt] })),
    collect: async (by: Write, round: bigint, member: Address) =>
      confirm(await write(by).writeContract({ ...target, functionName: 'collect', args: [round, member] })),
    settle: async (by: Write, round: bigint, payments: readonly RotatingPoolPayment[], fee: bigint, yieldRecognised = 0n) =>
      confirm(await write(by).writeContract({ ...target, functionName: 'settle', args: [round, payments, fee, yieldRecognised] })),
    release: async (by: Write, key: Hex, payments: readonly RotatingPoolPayment[]) =>
      confirm(await write(by).writeContract({ ...target, functionName: 'release', args: [key, payments] })),
    dissolve: async (by: Write, refunds: readonly RotatingPoolPayment[]) =>
      confirm(await write(by).writeContract({ ...target, functionName: 'dissolve', args: [refunds] })),
    pause: async (by: Write, reason: string) =>
      confirm(await write(by).writeContract({ ...target, functionName: 'pause', args: [reason] })),
    resume: async (by: Write) => confirm(await write(by).writeContract({ ...target, functionName: 'resume' })),
    startWithOrder: async (by: Write, order: readonly Address[]) =>
      confirm(await write(by).writeContract({ ...target, functionName: 'startWithOrder', args: [order] })),
    setOperator: async (by: Write, operator: Address) =>
      confirm(await write(by).writeContract({ ...target, functionName: 'setOperator', args: [operator] })),
    claim: async (by: Write) => confirm(await write(by).writeContract({ ...target, functionName: 'claim' })),
    /** Makes the token refuse every transfer to or from `account` (or accept them again). */
    setBlocked: async (account: Address, blocked: boolean) =>
      confirm(
        await write(0).writeContract({ address: token, abi: testBlacklistTokenAbi, functionName: 'setBlocked', args: [account, blocked] }),
      ),
    /** Mines the next block at exactly `timestamp` (private node only). */
    nextBlockAt: (timestamp: bigint) => clients.test.setNextBlockTimestamp({ timestamp }),
    advanceTime: async (seconds: number) => {
      await clients.test.increaseTime({ seconds });
      await clients.test.mine({ blocks: 1 });
    },
    now: async () => (await clients.public.getBlock()).timestamp,
    tokenBalance: (holder: Address) =>
      clients.public.readContract({ address: token, abi: testBlacklistTokenAbi, functionName: 'balanceOf', args: [holder] }),
    read: clients.public,
    target,
  };
}

export type RotatingPoolSteps = ReturnType<typeof rotatingPoolSteps>;

/** Every event the pool at `pool` emitted in these logs, in log order, with its arguments. */
export const poolEventsOf = (logs: readonly Log[], pool: Address) =>
  parseEventLogs({ abi: rotatingPoolAbi, logs: logs.filter((log) => isAddressEqual(log.address, pool)) }).map(({ eventName, args }) => ({
    eventName,
    args,
  }));

/**
 * Registers Jest hooks for a file that owns its chain: a private Hardhat node (the files move time and revert
 * snapshots), a TestBlacklistToken, one RotatingPool deployed through `deployRotatingPool` by the operator, and
 * `members` funded accounts (not joined). A snapshot is reverted before every test. Read the getter inside tests.
 */
export function usePrivateRotatingPool(
  options: { members?: number; terms?: Partial<RotatingPoolTerms>; withStrategy?: boolean } = {},
): () => RotatingPoolFixture {
  return usePrivateFixture('usePrivateRotatingPool', startHardhatNode, async (node) => {
    const clients = devClients(node.rpcUrl);
    const [operator, organiser, feeRecipient, outsider, ...members] = await fundedAccounts(clients, 'rotating', 4 + (options.members ?? 5));
    const artifact = loadAylluArtifact('src/test/TestBlacklistToken.sol', 'TestBlacklistToken');
    const token = await deployContract(
      { wallet: clients.wallet(0), public: clients.public },
      { name: 'TestBlacklistToken', abi: artifact.abi, bytecode: artifact.bytecode, args: ['Blacklist Test Token', 'TBT'] },
    );
    const terms = { ...defaultTerms, ...options.terms };
    const strategyArtifact = loadAylluArtifact('src/test/TestStrategy.sol', 'TestStrategy');
    const strategy = options.withStrategy
      ? await deployContract(
          { wallet: clients.wallet(0), public: clients.public },
          { name: 'TestStrategy', abi: strategyArtifact.abi, bytecode: strategyArtifact.bytecode, args: [token] },
        )
      : zeroAddress;
    const { address: pool } = await deployRotatingPool({
      wallet: clients.wallet(operator),
      client: clients.public,
      token,
      strategy,
      organiser: organiser.address,
      operator: operator.address,
      feeRecipient: feeRecipient.address,
      terms,
    });
    for (const member of members) {
      const wallet = clients.wallet(member);
      for (const hash of [
        await wallet.writeContract({
          address: token,
          abi: testBlacklistTokenAbi,
          functionName: 'mint',
          args: [member.address, MEMBER_FUNDS],
        }),
        await wallet.writeContract({ address: token, abi: testBlacklistTokenAbi, functionName: 'approve', args: [pool, maxUint256] }),
      ])
        await clients.public.waitForTransactionReceipt({ hash });
    }
    const steps = rotatingPoolSteps(clients, token, pool);
    return { clients, token, pool, strategy, terms, operator, organiser, feeRecipient, outsider, members, steps };
  });
}
