import { deployDao } from '@ayllu/chain';
import { recordDaoContractsDeployed, streams, VAULT_WITHDRAWAL_WINDOW_SECONDS, type ActiveDao } from '@ayllu/domain';
import { getAddress, hexToBigInt, keccak256, toHex, type Address } from 'viem';
import type { ExecutionChain } from './execution-chain';
import type { ExecutionDeps, StepOutcome } from './run-proposal-step';

const ACCESS_MODES = { open: 0, closed: 1, hybrid: 2 } as const;

/**
 * Deploys a new DAO's Safe (owners = treasurers, their threshold), timelock and vault, then records
 * `DaoContractsDeployed`. The deployment is a run of transactions, not one keyed call: a row lock on its
 * ledger key keeps it single across workers, and the log's record keeps it once. A crash in the middle
 * leaves unused contracts behind and deploys again (nothing is lost: no funds reach contracts the log
 * does not know).
 */
export async function runDaoStep(deps: ExecutionDeps, daoId: string): Promise<{ step: string; outcome: StepOutcome }> {
  const { state: treasury } = await deps.store.load(streams.treasury.of(daoId));
  if (treasury.status === 'Deployed') return { step: 'Deployed', outcome: { next: 'idle' } };
  const { state: dao } = await deps.store.load(streams.dao.of(daoId));
  if (dao.status !== 'Active') return { step: 'NoDao', outcome: { next: 'idle' } };
  const { configuration } = dao;
  if (configuration.treasurers.length === 0 || configuration.treasurerThreshold < 1)
    return { step: 'NoTreasurers', outcome: { next: 'idle' } };

  const key = `deploy:${deps.chain.chainId}:${daoId}`;
  const client = await deps.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO chain_calls (key, kind, dao_id, status) VALUES ($1, 'deploy', $2, 'intended') ON CONFLICT (key) DO NOTHING`,
      [key, daoId],
    );
    const locked = await client.query('SELECT status, result FROM chain_calls WHERE key = $1 FOR UPDATE SKIP LOCKED', [key]);
    if (locked.rows.length === 0) {
      await client.query('ROLLBACK');
      return { step: 'DeployBusy', outcome: { next: 'at', at: new Date(deps.now().getTime() + 2000) } };
    }
    const row = locked.rows[0] as { status: string; result: Record<string, string> | null };
    let deployment = row.status === 'confirmed' && row.result ? readDeploymentRecord(row.result) : null;
    if (!deployment) {
      // The Safe's address is CREATE2 of its setup and salt, and every DAO's Safe starts with the same setup
      // (the relayer as sole owner): the salt must differ per DAO, and per attempt after a crash mid-way,
      // which the head block does (a partial attempt mined blocks).
      const head = await deps.chain.public.getBlockNumber({ cacheTime: 0 });
      deployment = await deploy(deps.chain, configuration, safeSaltNonce(daoId, head));
    }
    await client.query(`UPDATE chain_calls SET status = 'confirmed', result = $2, updated_at = now() WHERE key = $1`, [
      key,
      JSON.stringify(deployment),
    ]);
    await client.query('COMMIT');
    const now = deps.now().toISOString();
    await deps.store.handle(
      { treasury: streams.treasury.of(daoId) },
      ({ treasury: current }) => ({
        treasury: recordDaoContractsDeployed(
          {
            type: 'RecordDaoContractsDeployed',
            data: {
              daoId,
              attached: false,
              chainId: Number(deployment.chainId),
              safe: deployment.safe,
              timelock: deployment.timelock,
              vault: deployment.vault,
              pool: deployment.pool,
              payoutToken: deps.chain.shared.testSuperToken,
              gdaForwarder: deps.chain.shared.superfluid.gdaV1Forwarder,
              cfaForwarder: deps.chain.shared.superfluid.cfaV1Forwarder,
              owners: configuration.treasurers,
              threshold: configuration.treasurerThreshold,
              timelockDelaySeconds: configuration.timelockDelaySeconds,
              fromBlock: BigInt(deployment.fromBlock),
            },
            metadata: { actor: 'system:execution', now },
          },
          current,
        ),
      }),
      { context: { actor: 'system:execution', correlationId: `deploy:${daoId}`, occurredAt: now } },
    );
    return { step: 'Deployed', outcome: { next: 'idle' } };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const safeSaltNonce = (daoId: string, head: bigint): bigint => hexToBigInt(keccak256(toHex(`ayllu:safe:${daoId}:${head}`)));

/** What the deployment's ledger row keeps, so a retry after a crash records the contracts it already made. */
interface DeploymentRecord {
  readonly chainId: string;
  readonly safe: Address;
  readonly timelock: Address;
  readonly vault: Address;
  readonly pool: Address;
  readonly fromBlock: string;
}

const readDeploymentRecord = (stored: Record<string, string>): DeploymentRecord => ({
  chainId: String(stored.chainId),
  safe: getAddress(String(stored.safe)),
  timelock: getAddress(String(stored.timelock)),
  vault: getAddress(String(stored.vault)),
  pool: getAddress(String(stored.pool)),
  fromBlock: String(stored.fromBlock),
});

async function deploy(chain: ExecutionChain, configuration: ActiveDao['configuration'], saltNonce: bigint): Promise<DeploymentRecord> {
  const { shared } = chain;
  const deployment = await deployDao(
    { wallet: chain.relayer, public: chain.public },
    {
      singletons: shared.safe,
      safe: {
        kind: 'new',
        treasurers: [...configuration.treasurers],
        threshold: BigInt(configuration.treasurerThreshold),
        saltNonce,
      },
      timelockDelay: BigInt(configuration.timelockDelaySeconds),
      vault: {
        implementation: shared.communityVaultImplementation,
        asset: shared.testToken,
        payoutToken: shared.testSuperToken,
        gdaForwarder: shared.superfluid.gdaV1Forwarder,
        parameters: {
          accessMode: ACCESS_MODES[configuration.access],
          minimumDeposit: configuration.minimumDeposit,
          smallWithdrawalLimitBps: configuration.smallWithdrawalLimitBps,
          withdrawalWindow: VAULT_WITHDRAWAL_WINDOW_SECONDS,
          emergencyExitWait: configuration.emergencyExitWaitSeconds,
        },
        unitScale: 10n ** 18n,
      },
    },
  );
  return {
    chainId: String(deployment.chainId),
    safe: deployment.safe,
    timelock: deployment.timelock,
    vault: deployment.vault,
    pool: deployment.pool,
    fromBlock: deployment.fromBlock.toString(),
  };
}
