// The domain refuses every setting the vault would refuse, because its bounds are the vault's: this reads the
// vault's public constants from the implementation every DAO's vault is deployed on and compares them with the
// numbers the domain, the API and the deployment use (VAULT_LIMITS, DAO_LIMITS), so the two cannot drift apart.
import { DAO_LIMITS, VAULT_LIMITS, VAULT_WITHDRAWAL_WINDOW_SECONDS } from '@ayllu/domain';
import { communityVaultAbi } from '../abi/community-vault';
import { fundedAccounts } from '../../test/chain/accounts';
import { deployCommunityVault } from '../../test/chain/community-vault';
import { loadDevChain } from '../../test/chain/dev-chain';
import { revertOf } from '../../test/chain/revert';

type Constant =
  | 'MAX_MEMBERS'
  | 'MAX_SMALL_WITHDRAWAL_LIMIT_BPS'
  | 'MAX_EMERGENCY_EXIT_WAIT'
  | 'EMERGENCY_EXIT_WINDOW'
  | 'MIN_WITHDRAWAL_WINDOW'
  | 'MAX_WITHDRAWAL_WINDOW';

describe('CommunityVault limits', () => {
  const context = loadDevChain();
  const read = async (functionName: Constant): Promise<number> =>
    Number(
      await context.clients.public.readContract({
        address: context.devChain.communityVaultImplementation,
        abi: communityVaultAbi,
        functionName,
      }),
    );

  it("equal the domain's, constant by constant", async () => {
    expect({
      maxMembers: await read('MAX_MEMBERS'),
      maxSmallWithdrawalLimitBps: await read('MAX_SMALL_WITHDRAWAL_LIMIT_BPS'),
      maxEmergencyExitWaitSeconds: await read('MAX_EMERGENCY_EXIT_WAIT'),
      emergencyExitWindowSeconds: await read('EMERGENCY_EXIT_WINDOW'),
      withdrawalWindowSeconds: { min: await read('MIN_WITHDRAWAL_WINDOW'), max: await read('MAX_WITHDRAWAL_WINDOW') },
    }).toEqual(VAULT_LIMITS);
  });

  it('bound what the DAO configuration accepts for every setting the vault holds', async () => {
    expect(DAO_LIMITS.maxMembers.max).toBe(await read('MAX_MEMBERS'));
    expect(DAO_LIMITS.smallWithdrawalLimitBps.max).toBe(await read('MAX_SMALL_WITHDRAWAL_LIMIT_BPS'));
    expect(DAO_LIMITS.emergencyExitWaitSeconds.max).toBe(await read('MAX_EMERGENCY_EXIT_WAIT'));
    expect(DAO_LIMITS.emergencyExitWaitSeconds.min).toBeGreaterThanOrEqual(0);
    expect(VAULT_WITHDRAWAL_WINDOW_SECONDS).toBeGreaterThanOrEqual(await read('MIN_WITHDRAWAL_WINDOW'));
    expect(VAULT_WITHDRAWAL_WINDOW_SECONDS).toBeLessThanOrEqual(await read('MAX_WITHDRAWAL_WINDOW'));
  });

  it("deploys a vault with every setting at the domain's upper bound, and refuses one beyond it", async () => {
    const [deployer, owner, guardian] = await fundedAccounts(context.clients, 'vault-limits', 3);
    const atBounds = {
      minimumDeposit: 2n ** 256n - 1n,
      smallWithdrawalLimitBps: DAO_LIMITS.smallWithdrawalLimitBps.max,
      withdrawalWindow: VAULT_WITHDRAWAL_WINDOW_SECONDS,
      emergencyExitWait: DAO_LIMITS.emergencyExitWaitSeconds.max,
    };
    const { vault } = await deployCommunityVault(context, { deployer, owner, guardian }, { parameters: atBounds });
    expect(await context.clients.public.readContract({ address: vault, abi: communityVaultAbi, functionName: 'parameters' })).toMatchObject(
      atBounds,
    );
    const beyond = deployCommunityVault(
      context,
      { deployer, owner, guardian },
      { parameters: { ...atBounds, emergencyExitWait: DAO_LIMITS.emergencyExitWaitSeconds.max + 1 } },
    );
    expect(await revertOf(beyond, communityVaultAbi)).toEqual({ name: 'CommunityVaultParameterOutOfBounds', args: ['emergencyExitWait'] });
  });
});
