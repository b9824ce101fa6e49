import type { Address, PublicClient, WalletClient } from 'viem';
import { timelockModuleRelayAbi } from '../../../../contracts/abi/timelock-module-relay';
import { loadAylluArtifact } from '../local/artifacts';
import { deployContract } from '../local/deploy-contract';

/**
 * Deploys the relay through which the timelock's operations act as the Safe (contracts/src/TimelockModuleRelay.sol):
 * enabled as the Safe's module in place of the timelock, it reverts the whole batch when the Safe's call fails.
 */
export function deployModuleRelay(
  client: { wallet: WalletClient; public: PublicClient },
  params: { readonly safe: Address; readonly timelock: Address },
): Promise<Address> {
  const { bytecode } = loadAylluArtifact('src/TimelockModuleRelay.sol', 'TimelockModuleRelay');
  return deployContract(client, {
    name: 'TimelockModuleRelay',
    abi: timelockModuleRelayAbi,
    bytecode,
    args: [params.safe, params.timelock],
  });
}
