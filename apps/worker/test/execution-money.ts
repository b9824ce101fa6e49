import { cfaForwarderAbi, superfluidPoolAbi, superTokenAbi } from '@ayllu/chain';
import type { DaoContracts } from '@ayllu/domain';
import type { Address, Hex } from 'viem';
import type { PrivateKeyAccount } from 'viem/accounts';
import { communityVaultAbi } from '../../../contracts/abi/community-vault';
import { testTokenAbi } from '../../../contracts/abi/test-token';
import type { ExecutionWorld } from './execution-harness';

/** Chain reads and writes the execution specs share: deposits, funding the Safe, flow rates and balances. */
export function moneyOf(world: ExecutionWorld, contracts: DaoContracts) {
  const { public: client } = world.clients;
  const wait = async (hash: Hex) => client.waitForTransactionReceipt({ hash });
  const mint = async (account: PrivateKeyAccount, amount: bigint) =>
    wait(
      await world.clients
        .wallet(account)
        .writeContract({ address: world.devChain.testToken, abi: testTokenAbi, functionName: 'mint', args: [account.address, amount] }),
    );

  return {
    /** The member mints test tokens and deposits them: the vault admits them (open DAO) and sets their units. */
    deposit: async (member: PrivateKeyAccount, amount: bigint) => {
      const wallet = world.clients.wallet(member);
      await mint(member, amount);
      await wait(
        await wallet.writeContract({
          address: world.devChain.testToken,
          abi: testTokenAbi,
          functionName: 'approve',
          args: [contracts.vault, amount],
        }),
      );
      return wait(
        await wallet.writeContract({
          address: contracts.vault,
          abi: communityVaultAbi,
          functionName: 'deposit',
          args: [amount],
        }),
      );
    },
    /** Yield the treasury holds as Super Tokens (what DISTRIBUTE_YIELDS spends). */
    fundSafe: async (funder: PrivateKeyAccount, amount: bigint) => {
      const wallet = world.clients.wallet(funder);
      await mint(funder, amount);
      await wait(
        await wallet.writeContract({
          address: world.devChain.testToken,
          abi: testTokenAbi,
          functionName: 'approve',
          args: [world.devChain.testSuperToken, amount],
        }),
      );
      await wait(
        await wallet.writeContract({ address: world.devChain.testSuperToken, abi: superTokenAbi, functionName: 'upgrade', args: [amount] }),
      );
      await wait(
        await wallet.writeContract({
          address: world.devChain.testSuperToken,
          abi: superTokenAbi,
          functionName: 'transfer',
          args: [contracts.safe, amount],
        }),
      );
    },
    poolFlowRate: () => client.readContract({ address: contracts.pool, abi: superfluidPoolAbi, functionName: 'getTotalFlowRate' }),
    poolUnits: () => client.readContract({ address: contracts.pool, abi: superfluidPoolAbi, functionName: 'getTotalUnits' }),
    feeFlowRate: (collector: Address) =>
      client.readContract({
        address: contracts.cfaForwarder,
        abi: cfaForwarderAbi,
        functionName: 'getFlowrate',
        args: [contracts.payoutToken, contracts.safe, collector],
      }),
    superBalance: (holder: Address) =>
      client.readContract({ address: contracts.payoutToken, abi: superTokenAbi, functionName: 'balanceOf', args: [holder] }),
  };
}
