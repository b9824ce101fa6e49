import {
  encodeFunctionData,
  isAddressEqual,
  keccak256,
  parseEther,
  parseEventLogs,
  toHex,
  type Account,
  type Address,
  type Hash,
  type Log,
} from 'viem';
import { communityVaultAbi } from '../../contracts/abi/community-vault';
import { erc1967ProxyAbi } from '../../contracts/abi/erc1967-proxy';
import { testTokenAbi } from '../../contracts/abi/test-token';
import { loadAylluArtifact } from '../../libs/chain/src/local/artifacts';
import { deployContract } from '../../libs/chain/src/local/deploy-contract';
import type { DevChainContext } from './dev-chain';

export const AccessMode = { Open: 0, Closed: 1, Hybrid: 2 } as const;
export type VaultParameters = {
  accessMode: number;
  minimumDeposit: bigint;
  smallWithdrawalLimitBps: number;
  withdrawalWindow: number;
  emergencyExitWait: number;
};

export const DAY = 86_400;
/** One pool unit per whole token of an 18-decimal asset (see contracts/README.md, "Unit scale"). */
export const UNIT_SCALE = 10n ** 18n;
export const defaultParameters: VaultParameters = {
  accessMode: AccessMode.Open,
  minimumDeposit: parseEther('1'),
  smallWithdrawalLimitBps: 1_000,
  withdrawalWindow: DAY,
  emergencyExitWait: 7 * DAY,
};

/**
 * The base slot of an ERC-7201 namespace, `keccak256(abi.encode(uint256(keccak256(id)) - 1)) & ~bytes32(uint256(0xff))`
 * (`abi.encode` of one uint256 is its 32-byte big-endian word).
 */
export const erc7201Slot = (namespaceId: string): bigint =>
  BigInt(keccak256(toHex(BigInt(keccak256(toHex(namespaceId))) - 1n, { size: 32 }))) & ~0xffn;

/**
 * Where CommunityVault keeps some of its fields: its ERC-7201 namespace's base slot, computed here from the formula
 * (not copied from the contract), plus each field's place in `CommunityVaultStorage` (Parameters takes slots 6–8).
 */
export const vaultStorageSlots = (() => {
  const base = erc7201Slot('ayllu.storage.CommunityVault');
  return { asset: base, guardian: base + 4n, unitScale: base + 5n, memberCount: base + 10n };
})();

/** Every event the vault at `vault` emitted in these logs (a receipt's), in log order, with its arguments. */
export const vaultEventsOf = (logs: readonly Log[], vault: Address) =>
  parseEventLogs({ abi: communityVaultAbi, logs: logs.filter((log) => isAddressEqual(log.address, vault)) }).map(({ eventName, args }) => ({
    eventName,
    args,
  }));

export type CommunityVaultFixture = {
  readonly vault: Address;
  readonly pool: Address;
  readonly owner: Account;
  readonly guardian: Account;
};

/**
 * Deploys a CommunityVault proxy on the development chain's implementation, with EOAs standing in for the
 * DAO's timelock (owner) and Safe (guardian); asset = TestToken, payouts in its Super Token.
 */
export async function deployCommunityVault(
  { devChain, clients }: DevChainContext,
  roles: { deployer: Account; owner: Account; guardian: Account },
  options: { parameters?: Partial<VaultParameters>; unitScale?: bigint } = {},
): Promise<CommunityVaultFixture> {
  const initialize = encodeFunctionData({
    abi: communityVaultAbi,
    functionName: 'initialize',
    args: [
      {
        asset: devChain.testToken,
        payoutToken: devChain.testSuperToken,
        gdaForwarder: devChain.superfluid.gdaV1Forwarder,
        owner: roles.owner.address,
        guardian: roles.guardian.address,
        parameters: { ...defaultParameters, ...options.parameters },
        unitScale: options.unitScale ?? UNIT_SCALE,
      },
    ],
  });
  const { bytecode } = loadAylluArtifact('@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol', 'ERC1967Proxy');
  const vault = await deployContract(
    { wallet: clients.wallet(roles.deployer), public: clients.public },
    { name: 'CommunityVault proxy', abi: erc1967ProxyAbi, bytecode, args: [devChain.communityVaultImplementation, initialize] },
  );
  const pool = await clients.public.readContract({ address: vault, abi: communityVaultAbi, functionName: 'pool' });
  return { vault, pool, owner: roles.owner, guardian: roles.guardian };
}

/** The small step helper the vault specs are written in: each step sends, waits and fails on a revert. */
export function vaultSteps({ devChain, clients }: DevChainContext, vault: Address) {
  const confirm = async (hash: Hash) => {
    const receipt = await clients.public.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`);
    return receipt;
  };
  const send = (account: Account) => clients.wallet(account);
  const read = clients.public;

  return {
    /** Mints `amount` of the test token to `member` and approves the vault for it. */
    fundAndApprove: async (member: Account, amount: bigint) => {
      await confirm(
        await send(member).writeContract({
          address: devChain.testToken,
          abi: testTokenAbi,
          functionName: 'mint',
          args: [member.address, amount],
        }),
      );
      await confirm(
        await send(member).writeContract({
          address: devChain.testToken,
          abi: testTokenAbi,
          functionName: 'approve',
          args: [vault, amount],
        }),
      );
    },
    deposit: async (member: Account, amount: bigint) =>
      confirm(await send(member).writeContract({ address: vault, abi: communityVaultAbi, functionName: 'deposit', args: [amount] })),
    withdraw: async (member: Account, amount: bigint) =>
      confirm(await send(member).writeContract({ address: vault, abi: communityVaultAbi, functionName: 'withdraw', args: [amount] })),
    requestEmergencyExit: async (member: Account) =>
      confirm(await send(member).writeContract({ address: vault, abi: communityVaultAbi, functionName: 'requestEmergencyExit' })),
    completeEmergencyExit: async (member: Account) =>
      confirm(await send(member).writeContract({ address: vault, abi: communityVaultAbi, functionName: 'completeEmergencyExit' })),
    admitMember: async (by: Account, member: Address) =>
      confirm(await send(by).writeContract({ address: vault, abi: communityVaultAbi, functionName: 'admitMember', args: [member] })),
    removeMember: async (by: Account, member: Address) =>
      confirm(await send(by).writeContract({ address: vault, abi: communityVaultAbi, functionName: 'removeMember', args: [member] })),
    approveWithdrawal: async (by: Account, member: Address, amount: bigint) =>
      confirm(
        await send(by).writeContract({ address: vault, abi: communityVaultAbi, functionName: 'approveWithdrawal', args: [member, amount] }),
      ),
    setParameters: async (by: Account, parameters: VaultParameters) =>
      confirm(await send(by).writeContract({ address: vault, abi: communityVaultAbi, functionName: 'setParameters', args: [parameters] })),
    setStrategy: async (by: Account, strategy: Address) =>
      confirm(await send(by).writeContract({ address: vault, abi: communityVaultAbi, functionName: 'setStrategy', args: [strategy] })),
    harvest: async (by: Account) =>
      confirm(await send(by).writeContract({ address: vault, abi: communityVaultAbi, functionName: 'harvest' })),
    pause: async (by: Account) => confirm(await send(by).writeContract({ address: vault, abi: communityVaultAbi, functionName: 'pause' })),
    unpause: async (by: Account) =>
      confirm(await send(by).writeContract({ address: vault, abi: communityVaultAbi, functionName: 'unpause' })),
    /** Moves chain time forward and mines a block: only on a private node (see test/chain.global-setup.ts). */
    advanceTime: async (seconds: number) => {
      await clients.test.increaseTime({ seconds });
      await clients.test.mine({ blocks: 1 });
    },
    balanceOf: (member: Address) =>
      read.readContract({ address: vault, abi: communityVaultAbi, functionName: 'balanceOf', args: [member] }),
    unitsOf: (member: Address) => read.readContract({ address: vault, abi: communityVaultAbi, functionName: 'unitsOf', args: [member] }),
    withdrawableNow: (member: Address) =>
      read.readContract({ address: vault, abi: communityVaultAbi, functionName: 'withdrawableNow', args: [member] }),
    tokenBalance: (holder: Address) =>
      read.readContract({ address: devChain.testToken, abi: testTokenAbi, functionName: 'balanceOf', args: [holder] }),
  };
}

export type VaultSteps = ReturnType<typeof vaultSteps>;
