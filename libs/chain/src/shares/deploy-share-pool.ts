import {
  concat,
  encodeDeployData,
  getContractAddress,
  keccak256,
  toHex,
  type Address,
  type Hash,
  type Hex,
  type PublicClient,
  type WalletClient,
} from 'viem';
import { sharePoolAbi } from '../../../../contracts/abi/share-pool';
import { SAFE_SINGLETON_FACTORY } from '../deploy/vault-implementation';
import { loadAylluArtifact } from '../local/artifacts';

/** A share pool's on-chain configuration (contracts/src/interfaces/ISharePool.sol, `SharePoolConfig`). */
export type SharePoolConfig = {
  /** The ERC-20 buyers pay in and contributors escrow; the zero address when no way in needs it. */
  readonly purchaseToken: Address;
  /** The Superfluid super token distributions are made in. */
  readonly distributionToken: Address;
  readonly gdaForwarder: Address;
  /** The DAO's Safe. */
  readonly creator: Address;
  /** The platform's relayer, which sends every operator call. */
  readonly operator: Address;
  /** 0..10,000. */
  readonly creatorShares: bigint;
  /** Purchase-token wei per share; 0n = not sold. */
  readonly pricePerShare: bigint;
  readonly transfersAllowed: boolean;
  /** 0n = no limit. */
  readonly maxParticipants: bigint;
  /** Purchase-token wei; 0n = not a crowdfunding pool. */
  readonly crowdfundingTarget: bigint;
  /** Unix seconds; contributions strictly before it. 0n when not a crowdfunding pool. */
  readonly crowdfundingDeadline: bigint;
  /** The zero address when not a staking pool. */
  readonly stakingToken: Address;
  /** Shares per staked token-wei per second × SHARE_POOL_RATE_SCALE; 0n when not a staking pool. */
  readonly stakingRate: bigint;
};

/** The scale of `stakingRate` (the contract's RATE_SCALE): a rate of 1e18 is one share per whole 18-decimal token per second. */
export const SHARE_POOL_RATE_SCALE = 10n ** 36n;

/** The CREATE2 salt of a pool's contract: one pool id, one address on a chain. */
export const sharePoolSalt = (poolId: string): Hex => keccak256(toHex(`ayllu:SharePool:${poolId}`));

const initCodeOf = (config: SharePoolConfig): Hex =>
  encodeDeployData({ abi: sharePoolAbi, bytecode: loadAylluArtifact('src/SharePool.sol', 'SharePool').bytecode, args: [config] });

/** Where the pool's contract lands through the Safe singleton factory (before or after it is deployed). */
export const predictSharePoolAddress = (config: SharePoolConfig, salt: Hex): Address =>
  getContractAddress({ opcode: 'CREATE2', from: SAFE_SINGLETON_FACTORY, salt, bytecode: initCodeOf(config) });

export type DeploySharePoolParams = {
  /** The operator's (relayer's) wallet pays for the deployment. */
  readonly wallet: WalletClient;
  readonly client: PublicClient;
  readonly config: SharePoolConfig;
  /** `sharePoolSalt(poolId)`. */
  readonly salt: Hex;
};

export type DeployedSharePool = {
  readonly address: Address;
  /** The pool's Superfluid GDA pool, into which the creator's Safe distributes. */
  readonly gdaPool: Address;
  readonly txHash: Hash;
  readonly blockNumber: bigint;
};

const hasCode = async (client: PublicClient, address: Address) => ((await client.getCode({ address })) ?? '0x') !== '0x';

/**
 * Deploys one SharePool through the Safe singleton factory (CREATE2): the address follows from the configuration
 * and the salt, so a worker that retries after a crash finds the pool where it sent it (check with
 * `predictSharePoolAddress` and the chain's code first: this throws when the address already holds a contract).
 * Needs compiled contracts (`npm run contracts:compile`) and the factory on the chain.
 */
export async function deploySharePool(params: DeploySharePoolParams): Promise<DeployedSharePool> {
  const { wallet, client, config, salt } = params;
  const account = wallet.account;
  if (!account) throw new Error('Deploying a SharePool needs a wallet client with an account');
  const address = predictSharePoolAddress(config, salt);
  if (await hasCode(client, address)) throw new Error(`A SharePool is already deployed at ${address} for this salt and configuration`);
  if (!(await hasCode(client, SAFE_SINGLETON_FACTORY)))
    throw new Error(`The Safe singleton factory ${SAFE_SINGLETON_FACTORY} is not on this chain: a SharePool cannot be deployed`);
  const txHash = await wallet.sendTransaction({
    account,
    chain: wallet.chain ?? null,
    to: SAFE_SINGLETON_FACTORY,
    data: concat([salt, initCodeOf(config)]),
  });
  const receipt = await client.waitForTransactionReceipt({ hash: txHash });
  if (receipt.status !== 'success' || !(await hasCode(client, address)))
    throw new Error(`Deploying SharePool failed in transaction ${txHash}`);
  const gdaPool = await client.readContract({ address, abi: sharePoolAbi, functionName: 'gdaPool' });
  return { address, gdaPool, txHash, blockNumber: receipt.blockNumber };
}
