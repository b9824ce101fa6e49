import { encodeFunctionData, isAddressEqual, type Address, type PublicClient, type WalletClient } from 'viem';
import { safeAbi } from '../abi/safe-l2';
import type { SafeSingletons } from '../local/deploy-safe-singletons';
import { buildSafeTransaction } from '../safe/build-safe-transaction';
import { deploySafe } from '../safe/deploy-safe';
import { executeSafeTransaction } from '../safe/execute-safe-transaction';
import { readSafeState } from '../safe/read-safe-state';
import type { SafeCall, SafeSignature, SafeTransaction } from '../safe/safe-transaction';
import { safeTransactionTypedData } from '../safe/safe-typed-data';
import { deployTimelock } from '../timelock/deploy-timelock';
import { bootstrapSafeCalls } from './bootstrap-safe-calls';
import { trackProgress, type OnDeployProgress } from './deploy-progress';
import { deployModuleRelay } from './deploy-module-relay';
import { deployVaultProxy, type VaultConfig } from './deploy-vault-proxy';

type Clients = { wallet: WalletClient; public: PublicClient };

/**
 * The pieces of a DAO, in the order `deployDao` deploys them: `bootstrap` hands a new Safe to its treasurers and
 * enables the module relay; `enableModule` does the latter on an existing Safe whose owners' wallets were given.
 */
export type DaoDeployStep = 'safe' | 'timelock' | 'moduleRelay' | 'vault' | 'bootstrap' | 'enableModule';

export type DaoSafeSpec =
  /** A new Safe owned by the treasurers. */
  | { readonly kind: 'new'; readonly treasurers: readonly Address[]; readonly threshold: bigint; readonly saltNonce?: bigint }
  /**
   * An existing Safe. Enabling the timelock as its module needs the owners' signatures: pass wallets of at
   * least `threshold` owners to do it now, or none to get the Safe transaction back for them to sign.
   */
  | { readonly kind: 'existing'; readonly safe: Address; readonly ownerWallets?: readonly WalletClient[] };

export type DeployDaoParams = {
  readonly singletons: Pick<SafeSingletons, 'safeSingleton' | 'safeProxyFactory' | 'fallbackHandler' | 'multiSendCallOnly'>;
  readonly safe: DaoSafeSpec;
  readonly timelockDelay: bigint;
  readonly vault: VaultConfig;
  /** Told as each piece starts, each transaction is sent and each piece is confirmed (for CLIs and logs). */
  readonly onProgress?: OnDeployProgress<DaoDeployStep>;
};

export type DaoDeployment = {
  readonly chainId: number;
  readonly safe: Address;
  readonly timelock: Address;
  /** The Safe's module: the timelock's operations act as the Safe through it (TimelockModuleRelay). */
  readonly moduleRelay: Address;
  readonly vault: Address;
  readonly pool: Address;
  /** Where an indexer should start reading this DAO's logs. */
  readonly fromBlock: bigint;
  /** Whether the relay is enabled as the Safe's module (the timelock itself never is). */
  readonly moduleEnabled: boolean;
  /** Set when an existing Safe's owners still have to sign the `enableModule` transaction. */
  readonly pendingModuleTransaction?: SafeTransaction;
};

/**
 * Deploys one DAO's contracts: Safe (or attaches to one), TimelockController (Safe proposes and cancels,
 * anyone executes, no admin), the module relay through which the timelock acts as the Safe (enabled as the
 * Safe's module; it reverts a batch whose Safe call fails), and the CommunityVault proxy (owner = timelock,
 * guardian = Safe) with its GDA pool. Checks the end state and throws if it is not what was asked.
 */
export async function deployDao(given: Clients, params: DeployDaoParams): Promise<DaoDeployment> {
  const account = given.wallet.account;
  if (!account) throw new Error('deployDao needs a wallet client with an account');
  const progress = trackProgress<DaoDeployStep, PublicClient>(given.public, params.onProgress);
  const clients: Clients = { wallet: given.wallet, public: progress.public };
  const chainId = await clients.public.getChainId();
  const fromBlock = await clients.public.getBlockNumber();
  const spec = params.safe;
  const itself = (address: Address) => address;
  if (spec.kind === 'new') validateTreasurers(spec.treasurers, spec.threshold);

  const safe =
    spec.kind === 'existing'
      ? spec.safe
      : await progress.step(
          'safe',
          () =>
            deploySafe(clients, {
              owners: [account.address],
              threshold: 1n,
              singleton: params.singletons.safeSingleton,
              proxyFactory: params.singletons.safeProxyFactory,
              fallbackHandler: params.singletons.fallbackHandler,
              saltNonce: spec.saltNonce ?? 0n,
            }),
          itself,
        );
  const timelock = await progress.step(
    'timelock',
    () => deployTimelock(clients, { proposer: safe, minDelay: params.timelockDelay }),
    itself,
  );
  const moduleRelay = await progress.step('moduleRelay', () => deployModuleRelay(clients, { safe, timelock }), itself);
  const { vault, pool } = await progress.step(
    'vault',
    () => deployVaultProxy(clients, { ...params.vault, owner: timelock, guardian: safe }),
    (deployed) => deployed.vault,
  );

  const signAndExecute = async (calls: SafeCall[], wallets: readonly WalletClient[]) => {
    const { nonce } = await readSafeState(clients.public, safe);
    const transaction = buildSafeTransaction({ calls, nonce, multiSendCallOnly: params.singletons.multiSendCallOnly });
    const signatures: SafeSignature[] = await Promise.all(
      wallets.map(async (wallet) => ({
        signer: wallet.account!.address,
        data: await wallet.signTypedData({ account: wallet.account!, ...safeTransactionTypedData({ chainId, safe }, transaction) }),
      })),
    );
    const result = await executeSafeTransaction({ ...clients, safe, chainId, transaction, signatures });
    if (result.outcome !== 'success') throw new Error(`Safe transaction ${result.safeTxHash} failed`);
  };

  let pendingModuleTransaction: SafeTransaction | undefined;
  if (spec.kind === 'new') {
    const calls = bootstrapSafeCalls({
      safe,
      deployer: account.address,
      treasurers: spec.treasurers,
      threshold: spec.threshold,
      module: moduleRelay,
    });
    await progress.step('bootstrap', () => signAndExecute(calls, [clients.wallet]));
  } else {
    const enable: SafeCall = { to: safe, value: 0n, data: enableModuleData(moduleRelay) };
    const state = await readSafeState(clients.public, safe);
    if (spec.ownerWallets && BigInt(spec.ownerWallets.length) >= state.threshold) {
      const ownerWallets = spec.ownerWallets;
      await progress.step('enableModule', () => signAndExecute([enable], ownerWallets));
    } else {
      pendingModuleTransaction = buildSafeTransaction({ calls: [enable], nonce: state.nonce });
    }
  }

  const moduleEnabled = await clients.public.readContract({
    address: safe,
    abi: safeAbi,
    functionName: 'isModuleEnabled',
    args: [moduleRelay],
  });
  if (spec.kind === 'new') await assertOwners(clients.public, safe, spec.treasurers, spec.threshold, moduleEnabled);
  return {
    chainId,
    safe,
    timelock,
    moduleRelay,
    vault,
    pool,
    fromBlock,
    moduleEnabled,
    ...(pendingModuleTransaction && { pendingModuleTransaction }),
  };
}

const enableModuleData = (module: Address) => encodeFunctionData({ abi: safeAbi, functionName: 'enableModule', args: [module] });

function validateTreasurers(treasurers: readonly Address[], threshold: bigint) {
  if (treasurers.length === 0) throw new Error('A DAO needs at least one treasurer');
  const distinct = new Set(treasurers.map((t) => t.toLowerCase()));
  if (distinct.size !== treasurers.length) throw new Error('Treasurers must be distinct');
  if (threshold < 1n || threshold > BigInt(treasurers.length)) {
    throw new Error(`Threshold ${threshold} is not between 1 and ${treasurers.length} treasurers`);
  }
}

async function assertOwners(
  client: PublicClient,
  safe: Address,
  treasurers: readonly Address[],
  threshold: bigint,
  moduleEnabled: boolean,
) {
  const state = await readSafeState(client, safe);
  const sameOwners = state.owners.length === treasurers.length && treasurers.every((t) => state.owners.some((o) => isAddressEqual(o, t)));
  if (!sameOwners || state.threshold !== threshold || !moduleEnabled) {
    throw new Error(`Safe ${safe} did not end up with the treasurers, threshold ${threshold} and the module relay`);
  }
}
