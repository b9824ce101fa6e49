import { getAddress, zeroAddress, type Address, type Hash, type PublicClient, type WalletClient } from 'viem';
import { rotatingPoolAbi } from '../../../../contracts/abi/rotating-pool';
import { loadAylluArtifact } from '../local/artifacts';

/** A rotating pool's on-chain terms (contracts/src/interfaces/IRotatingPool.sol, `PoolTerms`), fixed for its life. */
export type RotatingPoolTerms = {
  /** Per member per round, in the token's smallest unit; never zero. */
  readonly contributionAmount: bigint;
  /** Pulled once from each member on joining; 0 = none. */
  readonly collateralAmount: bigint;
  readonly intervalSeconds: bigint;
  readonly graceSeconds: bigint;
  /** Basis points of the contribution per started week after the grace period. */
  readonly penaltyRateBps: number;
  /** Capacity, 2..50. */
  readonly memberCount: number;
};

export type DeployRotatingPoolParams = {
  /** The operator's (relayer's) wallet: the deployer pays for the deployment and is usually the operator. */
  readonly wallet: WalletClient;
  readonly client: PublicClient;
  readonly token: Address;
  /** The DAO's ERC-4626 strategy over `token` the pool invests in (its vault's `strategy()`); none when absent or zero. */
  readonly strategy?: Address;
  /** The DAO's Safe. */
  readonly organiser: Address;
  /** The platform's relayer, which sends every operator call. */
  readonly operator: Address;
  readonly feeRecipient: Address;
  readonly terms: RotatingPoolTerms;
};

export type DeployedRotatingPool = { readonly address: Address; readonly txHash: Hash; readonly blockNumber: bigint };

/**
 * Deploys one RotatingPool (one contract per pool, contracts/src/RotatingPool.sol) and waits for it. Returns the
 * transaction and its block as well as the address, so the worker can record where the pool's history starts.
 * Needs compiled contracts (`npm run contracts:compile`). Throws when the deployment reverts.
 */
export async function deployRotatingPool(params: DeployRotatingPoolParams): Promise<DeployedRotatingPool> {
  const account = params.wallet.account;
  if (!account) throw new Error('Deploying a RotatingPool needs a wallet client with an account');
  const { bytecode } = loadAylluArtifact('src/RotatingPool.sol', 'RotatingPool');
  const txHash = await params.wallet.deployContract({
    abi: rotatingPoolAbi,
    bytecode,
    args: [params.token, params.strategy ?? zeroAddress, params.organiser, params.operator, params.feeRecipient, params.terms],
    account,
    chain: params.wallet.chain ?? null,
  });
  const receipt = await params.client.waitForTransactionReceipt({ hash: txHash });
  if (receipt.status !== 'success' || !receipt.contractAddress) throw new Error(`Deploying RotatingPool failed in transaction ${txHash}`);
  return { address: getAddress(receipt.contractAddress), txHash, blockNumber: receipt.blockNumber };
}
