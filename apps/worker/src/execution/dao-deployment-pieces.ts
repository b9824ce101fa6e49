import {
  bootstrapSafeCalls,
  buildSafeTransaction,
  classifyChainError,
  communityVaultImplementation,
  deployModuleRelay,
  deploySafe,
  deployTimelock,
  deployVaultProxy,
  executeSafeTransaction,
  readSafeState,
  safeAbi,
  safeProxyFactoryAbi,
  safeTransactionTypedData,
  timelockAbi,
  type ProfileToken,
  type VaultConfig,
  type VaultParameters,
} from '@ayllu/chain';
import { VAULT_WITHDRAWAL_WINDOW_SECONDS, type ActiveDao } from '@ayllu/domain';
import {
  BaseError,
  decodeErrorResult,
  encodeAbiParameters,
  encodeDeployData,
  encodeFunctionData,
  encodePacked,
  getContractAddress,
  hexToBigInt,
  isAddressEqual,
  keccak256,
  toHex,
  zeroAddress,
  type AbiParameter,
  type Address,
  type Hex,
} from 'viem';
import { communityVaultAbi } from '../../../../contracts/abi/community-vault';
import { erc1967ProxyAbi } from '../../../../contracts/abi/erc1967-proxy';
import { timelockModuleRelayAbi } from '../../../../contracts/abi/timelock-module-relay';
import { loadAylluArtifact } from '../../../../libs/chain/src/local/artifacts';
import type { ExecutionChain } from './execution-chain';

const ACCESS_MODES = { open: 0, closed: 1, hybrid: 2 } as const;

/**
 * How far a DAO's deployment got, kept on its ledger row after every piece so that a retry (after a crash,
 * a lost lease or a transport error) goes on from there instead of deploying a second set of contracts.
 * The `*Nonce` fields are the relayer's nonce just before a contract creation was sent: a retry that finds a
 * matching contract at the address that nonce gives takes it.
 */
export interface DeploymentProgress {
  readonly chainId?: string;
  readonly fromBlock?: string;
  readonly safe?: Address;
  readonly timelockNonce?: number;
  readonly timelock?: Address;
  readonly moduleRelayNonce?: number;
  /** The Safe's module, through which the timelock acts as the Safe (TimelockModuleRelay). */
  readonly moduleRelay?: Address;
  readonly vaultNonce?: number;
  readonly vault?: Address;
  readonly pool?: Address;
  /** The Super Token the vault streams payouts in (the wrapper of the DAO's asset). */
  readonly payoutToken?: Address;
  readonly bootstrapped?: boolean;
}

export type CompleteDeployment = Required<
  Pick<DeploymentProgress, 'chainId' | 'fromBlock' | 'safe' | 'timelock' | 'vault' | 'pool' | 'payoutToken'>
> &
  // Absent from deployments recorded before the relay's address was kept with the rest.
  Pick<DeploymentProgress, 'moduleRelay'>;

/** The chain refused the DAO's deployment for a reason that will not change (its settings): do not retry. */
export class DeploymentRefused extends Error {
  constructor(readonly reason: string) {
    super(`The chain refused the DAO's deployment: ${reason}`);
    this.name = 'DeploymentRefused';
  }
}

type Configuration = ActiveDao['configuration'];

/**
 * Deploys what `progress` does not hold yet, in order, calling `save` after each piece: the relayer-owned
 * Safe (CREATE2 with a salt of the DAO's own, so its address is known before it exists), the timelock, the
 * module relay, the vault proxy, then the Safe's bootstrap (the relay as its module, treasurers as owners). Before anything is
 * deployed, the vault's initialisation is simulated with the DAO's settings: settings the vault refuses end
 * the deployment (DeploymentRefused) with nothing left behind on chain.
 *
 * A DAO that attached an existing Safe (`configuration.safe`) gets no Safe and no bootstrap: the platform
 * holds no key of that Safe. Its timelock (proposer = the Safe), relay and vault (guardian = the Safe) are
 * deployed the same way; its treasurers enable the relay afterwards with a Safe transaction they sign.
 */
export async function deployDaoPieces(
  chain: ExecutionChain,
  daoId: string,
  configuration: Configuration,
  start: DeploymentProgress,
  save: (progress: DeploymentProgress) => Promise<void>,
): Promise<CompleteDeployment> {
  const clients = { wallet: chain.relayer, public: chain.public };
  const relayer = chain.relayer.account.address;
  const token = assetOf(chain, configuration);
  let p = start;
  const record = async (change: DeploymentProgress) => {
    p = { ...p, ...change };
    await save(p);
  };
  const vaultConfig = p.vault
    ? undefined
    : vaultConfigOf(chain, configuration, token, await communityVaultImplementation(clients, chain.profile));
  if (vaultConfig) await checkVaultAccepts(chain, vaultConfig);
  if (!p.fromBlock)
    await record({ chainId: String(chain.chainId), fromBlock: (await chain.public.getBlockNumber({ cacheTime: 0 })).toString() });

  if (!p.safe && configuration.safe) {
    // The API checked it is a Safe; a chain that lost it since (a restarted dev chain) cannot host the DAO.
    if (!(await hasCode(chain, configuration.safe)))
      throw new DeploymentRefused(`the attached Safe ${configuration.safe} has no code on chain ${chain.chainId}`);
    await record({ safe: configuration.safe });
  }
  if (!p.safe) {
    const saltNonce = hexToBigInt(keccak256(toHex(`ayllu:safe:${daoId}`)));
    const predicted = await predictSafe(chain, saltNonce);
    // An earlier attempt that died after creating the Safe and before recording it left it right there.
    const safe = (await hasCode(chain, predicted))
      ? predicted
      : await deploySafe(clients, {
          owners: [relayer],
          threshold: 1n,
          singleton: chain.profile.safe.singleton,
          proxyFactory: chain.profile.safe.proxyFactory,
          fallbackHandler: chain.profile.safe.fallbackHandler,
          saltNonce,
        });
    await record({ safe });
  }
  const safe = p.safe!;

  if (!p.timelock) {
    const delay = BigInt(configuration.timelockDelaySeconds);
    const earlier = p.timelockNonce === undefined ? undefined : getContractAddress({ from: relayer, nonce: BigInt(p.timelockNonce) });
    if (earlier && (await isTimelockOf(chain, earlier, safe, delay))) await record({ timelock: earlier });
    else {
      await record({ timelockNonce: await pendingNonce(chain) });
      await record({ timelock: await deployTimelock(clients, { proposer: safe, minDelay: delay }) });
    }
  }
  const timelock = p.timelock!;

  if (!p.moduleRelay) {
    const earlier = p.moduleRelayNonce === undefined ? undefined : getContractAddress({ from: relayer, nonce: BigInt(p.moduleRelayNonce) });
    if (earlier && (await isRelayOf(chain, earlier, safe, timelock))) await record({ moduleRelay: earlier });
    else {
      await record({ moduleRelayNonce: await pendingNonce(chain) });
      await record({ moduleRelay: await deployModuleRelay(clients, { safe, timelock }) });
    }
  }
  const moduleRelay = p.moduleRelay!;

  if (!p.vault) {
    const earlier = p.vaultNonce === undefined ? undefined : getContractAddress({ from: relayer, nonce: BigInt(p.vaultNonce) });
    const found = earlier ? await vaultOf(chain, earlier, timelock, safe) : undefined;
    if (found) await record(found);
    else {
      await record({ vaultNonce: await pendingNonce(chain) });
      await record(await deployVaultProxy(clients, { ...vaultConfig!, owner: timelock, guardian: safe }));
    }
  }

  if (!p.bootstrapped && !configuration.safe) {
    const treasurers = configuration.treasurers;
    const threshold = BigInt(configuration.treasurerThreshold);
    if (!(await isBootstrapped(chain, safe, moduleRelay, treasurers, threshold))) {
      const calls = bootstrapSafeCalls({ safe, deployer: relayer, treasurers, threshold, module: moduleRelay });
      const { nonce } = await readSafeState(chain.public, safe);
      const transaction = buildSafeTransaction({ calls, nonce, multiSendCallOnly: chain.profile.safe.multiSendCallOnly });
      const signature = await chain.relayer.signTypedData({
        account: chain.relayer.account,
        ...safeTransactionTypedData({ chainId: chain.chainId, safe }, transaction),
      });
      const result = await executeSafeTransaction({
        ...clients,
        safe,
        chainId: chain.chainId,
        transaction,
        signatures: [{ signer: relayer, data: signature }],
      });
      if (result.outcome !== 'success') throw new Error(`The Safe's bootstrap transaction ${result.safeTxHash} failed`);
      if (!(await isBootstrapped(chain, safe, moduleRelay, treasurers, threshold)))
        throw new Error(`Safe ${safe} did not end up with the treasurers, threshold ${threshold} and the module relay`);
    }
    await record({ bootstrapped: true });
  }
  return {
    chainId: p.chainId!,
    fromBlock: p.fromBlock!,
    safe,
    timelock,
    moduleRelay,
    vault: p.vault!,
    pool: p.pool!,
    payoutToken: token.superToken,
  };
}

/**
 * The token the DAO's vault holds: the one its configuration names, which must be one the network profile
 * lists with a Super Token wrapper, or else the profile's first token.
 */
export const assetOf = (chain: ExecutionChain, configuration: Configuration): ProfileToken => {
  const wanted = configuration.asset;
  const token = wanted ? chain.profile.tokens.find((t) => isAddressEqual(t.address, wanted)) : chain.profile.tokens[0];
  if (!token)
    throw new DeploymentRefused(
      wanted
        ? `the asset ${wanted} is not a token the ${chain.profile.name} profile lists with a Super Token`
        : `the ${chain.profile.name} profile lists no token for a vault to hold`,
    );
  return token;
};

const vaultConfigOf = (chain: ExecutionChain, configuration: Configuration, token: ProfileToken, implementation: Address): VaultConfig => ({
  implementation,
  asset: token.address,
  payoutToken: token.superToken,
  gdaForwarder: chain.profile.superfluid.gdaForwarder,
  parameters: {
    accessMode: ACCESS_MODES[configuration.access],
    minimumDeposit: configuration.minimumDeposit,
    smallWithdrawalLimitBps: configuration.smallWithdrawalLimitBps,
    withdrawalWindow: VAULT_WITHDRAWAL_WINDOW_SECONDS,
    emergencyExitWait: configuration.emergencyExitWaitSeconds,
  },
  // One pool unit per whole token, whatever the token's decimals.
  unitScale: 10n ** BigInt(token.decimals),
});

/**
 * Simulates creating the vault proxy with the DAO's settings (the relayer standing in for the owner and
 * guardian, which do not exist yet). Settings that cannot even be encoded (an amount above uint256) or that
 * the vault's `initialize` reverts on are refused for good; a node that does not answer is thrown as is.
 */
async function checkVaultAccepts(chain: ExecutionChain, config: VaultConfig): Promise<void> {
  const stand = chain.relayer.account.address;
  let data: Hex;
  try {
    const initialize = encodeFunctionData({
      abi: communityVaultAbi,
      functionName: 'initialize',
      args: [{ ...config, owner: stand, guardian: stand }],
    });
    const { bytecode } = loadAylluArtifact('@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol', 'ERC1967Proxy');
    data = encodeDeployData({ abi: erc1967ProxyAbi, bytecode, args: [config.implementation, initialize] });
  } catch (error) {
    const field = PARAMETER_FIELDS.find((f) => !fits(f, config.parameters[f.name as keyof VaultParameters]));
    throw new DeploymentRefused(
      field
        ? `${field.name} ${String(config.parameters[field.name as keyof VaultParameters])} does not fit the vault's ${field.type}`
        : `the vault cannot take the DAO's settings: ${(error as BaseError).shortMessage ?? String(error)}`,
    );
  }
  try {
    await chain.public.call({ account: chain.relayer.account, data });
  } catch (error) {
    const classified = classifyChainError(error);
    if (classified.kind !== 'revert') throw error;
    throw new DeploymentRefused(vaultRevertOf(error) ?? nodeRevertOf(classified.reason));
  }
}

/** The fields of the vault's parameters as its ABI types them (e.g. `minimumDeposit` is a uint256). */
const PARAMETER_FIELDS: readonly AbiParameter[] = (
  communityVaultAbi.find((item) => item.type === 'function' && item.name === 'parameters') as {
    readonly outputs: readonly [{ readonly components: readonly AbiParameter[] }];
  }
).outputs[0].components;

const fits = (field: AbiParameter, value: unknown): boolean => {
  try {
    encodeAbiParameters([field], [value]);
    return true;
  } catch {
    return false;
  }
};

/** The vault's custom error in a revert, e.g. `CommunityVaultParameterOutOfBounds("emergencyExitWait")`. */
const vaultRevertOf = (error: unknown): string | undefined => {
  if (!(error instanceof BaseError)) return undefined;
  const withData = error.walk((e) => {
    const data = (e as { data?: unknown }).data;
    return typeof data === 'string' && /^0x[0-9a-f]{8}/i.test(data);
  });
  const data = (withData as { data?: Hex } | null)?.data;
  if (!data) return undefined;
  try {
    const decoded = decodeErrorResult({ abi: communityVaultAbi, data });
    return `${decoded.errorName}(${(decoded.args ?? []).map((a) => JSON.stringify(typeof a === 'bigint' ? a.toString() : a)).join(', ')})`;
  } catch {
    return undefined;
  }
};

/** The revert as a node words it without the data (Hardhat: "… reverted with custom error 'X(…)'"): just `X(…)`. */
const nodeRevertOf = (reason: string): string => /reverted with (?:custom error|reason string) '(.*)'\s*$/s.exec(reason)?.[1] ?? reason;

/** The address the proxy factory gives a relayer-owned Safe with this salt (CREATE2, as `deploySafe` creates it). */
async function predictSafe(chain: ExecutionChain, saltNonce: bigint): Promise<Address> {
  const { singleton: safeSingleton, proxyFactory: safeProxyFactory, fallbackHandler } = chain.profile.safe;
  const initializer = encodeFunctionData({
    abi: safeAbi,
    functionName: 'setup',
    args: [[chain.relayer.account.address], 1n, zeroAddress, '0x', fallbackHandler, zeroAddress, 0n, zeroAddress],
  });
  const creationCode = await chain.public.readContract({
    address: safeProxyFactory,
    abi: safeProxyFactoryAbi,
    functionName: 'proxyCreationCode',
  });
  return getContractAddress({
    opcode: 'CREATE2',
    from: safeProxyFactory,
    salt: keccak256(encodePacked(['bytes32', 'uint256'], [keccak256(initializer), saltNonce])),
    bytecode: encodePacked(['bytes', 'uint256'], [creationCode, hexToBigInt(safeSingleton)]),
  });
}

const pendingNonce = (chain: ExecutionChain) =>
  chain.public.getTransactionCount({ address: chain.relayer.account.address, blockTag: 'pending' });

const hasCode = async (chain: ExecutionChain, address: Address) => ((await chain.public.getCode({ address })) ?? '0x') !== '0x';

async function isTimelockOf(chain: ExecutionChain, address: Address, safe: Address, delay: bigint): Promise<boolean> {
  if (!(await hasCode(chain, address))) return false;
  try {
    const read = (functionName: 'PROPOSER_ROLE' | 'getMinDelay') => chain.public.readContract({ address, abi: timelockAbi, functionName });
    const [role, minDelay] = await Promise.all([read('PROPOSER_ROLE'), read('getMinDelay')]);
    const proposer = await chain.public.readContract({ address, abi: timelockAbi, functionName: 'hasRole', args: [role as Hex, safe] });
    return proposer === true && minDelay === delay;
  } catch {
    return false;
  }
}

async function isRelayOf(chain: ExecutionChain, address: Address, safe: Address, timelock: Address): Promise<boolean> {
  if (!(await hasCode(chain, address))) return false;
  try {
    const read = (functionName: 'safe' | 'timelock') => chain.public.readContract({ address, abi: timelockModuleRelayAbi, functionName });
    const [relaySafe, relayTimelock] = await Promise.all([read('safe'), read('timelock')]);
    return isAddressEqual(relaySafe, safe) && isAddressEqual(relayTimelock, timelock);
  } catch {
    return false;
  }
}

async function vaultOf(chain: ExecutionChain, address: Address, timelock: Address, safe: Address) {
  if (!(await hasCode(chain, address))) return undefined;
  try {
    const read = (functionName: 'owner' | 'guardian' | 'pool') =>
      chain.public.readContract({ address, abi: communityVaultAbi, functionName });
    const [owner, guardian, pool] = await Promise.all([read('owner'), read('guardian'), read('pool')]);
    return isAddressEqual(owner, timelock) && isAddressEqual(guardian, safe) ? { vault: address, pool } : undefined;
  } catch {
    return undefined;
  }
}

async function isBootstrapped(chain: ExecutionChain, safe: Address, module: Address, treasurers: readonly Address[], threshold: bigint) {
  const state = await readSafeState(chain.public, safe);
  const moduleEnabled = await chain.public.readContract({ address: safe, abi: safeAbi, functionName: 'isModuleEnabled', args: [module] });
  const sameOwners = state.owners.length === treasurers.length && treasurers.every((t) => state.owners.some((o) => isAddressEqual(o, t)));
  return moduleEnabled && sameOwners && state.threshold === threshold;
}
