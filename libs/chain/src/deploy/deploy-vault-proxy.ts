import { encodeFunctionData, type Address, type PublicClient, type WalletClient } from 'viem';
import { communityVaultAbi } from '../../../../contracts/abi/community-vault';
import { erc1967ProxyAbi } from '../../../../contracts/abi/erc1967-proxy';
import { loadAylluArtifact } from '../local/artifacts';
import { deployContract } from '../local/deploy-contract';

export type VaultParameters = {
  readonly accessMode: number; // 0 open, 1 closed, 2 hybrid
  readonly minimumDeposit: bigint;
  readonly smallWithdrawalLimitBps: number;
  readonly withdrawalWindow: number; // seconds
  readonly emergencyExitWait: number; // seconds
};

export type VaultConfig = {
  readonly implementation: Address;
  readonly asset: Address;
  readonly payoutToken: Address;
  readonly gdaForwarder: Address;
  readonly parameters: VaultParameters;
  readonly unitScale: bigint;
};

/**
 * Puts an ERC1967 proxy in front of the shared CommunityVault implementation and initialises it in the same
 * transaction (so nobody can initialise it first); `initialize` creates the vault's GDA pool.
 */
export async function deployVaultProxy(
  client: { wallet: WalletClient; public: PublicClient },
  config: VaultConfig & { readonly owner: Address; readonly guardian: Address },
): Promise<{ vault: Address; pool: Address }> {
  const initialize = encodeFunctionData({
    abi: communityVaultAbi,
    functionName: 'initialize',
    args: [
      {
        asset: config.asset,
        payoutToken: config.payoutToken,
        gdaForwarder: config.gdaForwarder,
        owner: config.owner,
        guardian: config.guardian,
        parameters: config.parameters,
        unitScale: config.unitScale,
      },
    ],
  });
  const { bytecode } = loadAylluArtifact('@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol', 'ERC1967Proxy');
  const vault = await deployContract(client, {
    name: 'CommunityVault proxy',
    abi: erc1967ProxyAbi,
    bytecode,
    args: [config.implementation, initialize],
  });
  const pool = await client.public.readContract({ address: vault, abi: communityVaultAbi, functionName: 'pool' });
  return { vault, pool };
}
