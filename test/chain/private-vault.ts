import type { PrivateKeyAccount } from 'viem/accounts';
import { fundedAccounts } from './accounts';
import { deployCommunityVault, vaultSteps, type CommunityVaultFixture, type VaultParameters, type VaultSteps } from './community-vault';
import { startPrivateDevChain, type DevChainContext } from './dev-chain';
import { usePrivateFixture } from './private-fixture';

export type PrivateVault = DevChainContext &
  CommunityVaultFixture & {
    readonly steps: VaultSteps;
    readonly deployer: PrivateKeyAccount;
    readonly members: PrivateKeyAccount[];
    readonly outsider: PrivateKeyAccount;
  };

/**
 * Registers Jest hooks for a file that owns its chain: a private node with the development chain, one vault,
 * `memberCount` funded member accounts, and a snapshot reverted before every test, so each test starts from
 * the freshly deployed vault and may move time freely. Read the returned getter inside tests only.
 */
export function usePrivateVault(
  options: { members?: number; parameters?: Partial<VaultParameters>; unitScale?: bigint } = {},
): () => PrivateVault {
  return usePrivateFixture('usePrivateVault', startPrivateDevChain, async (chain) => {
    const [deployer, owner, guardian, outsider, ...members] = await fundedAccounts(chain.clients, 'vault', 4 + (options.members ?? 4));
    const vault = await deployCommunityVault(chain, { deployer: deployer, owner: owner, guardian: guardian }, options);
    return { ...chain, ...vault, steps: vaultSteps(chain, vault.vault), deployer: deployer, outsider: outsider, members };
  });
}
