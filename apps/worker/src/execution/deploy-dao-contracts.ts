import { randomUUID } from 'node:crypto';
import { classifyChainError, readSafeState } from '@ayllu/chain';
import { nextSetupStep, recordDaoContractsDeployed, recordDaoDeploymentFailed, streams, type ActiveDao } from '@ayllu/domain';
import { getAddress, type Address } from 'viem';
import { deployDaoPieces, DeploymentRefused, type CompleteDeployment, type DeploymentProgress } from './dao-deployment-pieces';
import type { ExecutionDeps, StepOutcome } from './run-proposal-step';
import { runOrganiserStep } from './safe-organiser-step';
import { runSetupStep } from './safe-setup-step';

const ACTOR = 'system:execution';

export interface DaoStepOptions {
  /** How long a claim on a DAO's deployment lasts; every deployed piece renews it. */
  readonly leaseMs?: number;
}

/** Longer than one piece of a deployment takes (a transaction and its receipt), so only a dead worker's claim runs out. */
export const DEFAULT_DEPLOY_LEASE_MS = 2 * 60_000;

type DeployRow = { status: string; result: Record<string, unknown> | null; error: string | null };

/**
 * Deploys a new DAO's Safe (owners = treasurers, their threshold), timelock and vault, then records
 * `DaoContractsDeployed`; for a DAO that attached an existing Safe, everything but the Safe, and then its
 * setup (`runSetupStep`) until the Safe has the module relay enabled. The deployment is a run of transactions under one ledger key (`deploy:<chain>:<dao>`):
 * a worker claims it with a lease committed on its own, so no database transaction is open while the chain
 * works, and records each deployed piece on the ledger row, renewing the lease. A worker that dies leaves a
 * lease that runs out; the next one goes on from the recorded pieces (and finds the Safe at its predicted
 * address, or a contract at the address of a recorded nonce, when the death came between sending and recording).
 *
 * A deployment the chain refuses (a revert, e.g. the vault refusing one of the DAO's settings) would be
 * refused again: it ends with `DaoDeploymentFailed` and the reason, and is not retried. A node that does not
 * answer is thrown, and the stepper retries.
 */
export async function runDaoStep(
  deps: ExecutionDeps,
  daoId: string,
  options: DaoStepOptions = {},
): Promise<{ step: string; outcome: StepOutcome }> {
  const { state: treasury } = await deps.store.load(streams.treasury.of(daoId));
  if (treasury.status === 'Deployed') {
    // The setup first when it has something to do (its transaction may hold an earlier nonce than the others).
    const setup = nextSetupStep(treasury);
    if (setup.type === 'ProposeModuleEnable' || setup.type === 'ExecuteSafeTransaction') return runSetupStep(deps, daoId, treasury);
    // A rotating pool's organiser transaction with its signatures: the Safe's queue decides whether it is next.
    const organiser = await runOrganiserStep(deps, daoId, treasury);
    if (organiser) return organiser;
    // An attached Safe still to enable the module relay: the DAO's setup goes on under the same subject.
    return treasury.moduleEnabled ? { step: 'Deployed', outcome: { next: 'idle' } } : runSetupStep(deps, daoId, treasury);
  }
  if (treasury.status === 'DeploymentFailed') return { step: 'DeploymentFailed', outcome: { next: 'idle' } };
  const { state: dao } = await deps.store.load(streams.dao.of(daoId));
  if (dao.status !== 'Active') return { step: 'NoDao', outcome: { next: 'idle' } };
  const { configuration } = dao;
  if (configuration.treasurers.length === 0 || configuration.treasurerThreshold < 1)
    return { step: 'NoTreasurers', outcome: { next: 'idle' } };

  const key = `deploy:${deps.chain.chainId}:${daoId}`;
  const owner = randomUUID();
  const leaseMs = options.leaseMs ?? DEFAULT_DEPLOY_LEASE_MS;
  await deps.pool.query(
    `INSERT INTO chain_calls (key, kind, dao_id, status) VALUES ($1, 'deploy', $2, 'intended') ON CONFLICT (key) DO NOTHING`,
    [key, daoId],
  );
  // For a deployment, `failed` is final: the chain refused it (unlike a keyed call's `failed`, which is retried).
  const claimed = await deps.pool.query<DeployRow>(
    `UPDATE chain_calls SET lease_owner = $2, leased_until = now() + make_interval(secs => $3::float8 / 1000),
       attempts = attempts + 1, updated_at = now()
     WHERE key = $1 AND status NOT IN ('confirmed', 'failed') AND (leased_until IS NULL OR leased_until <= now())
     RETURNING status, result, error`,
    [key, owner, leaseMs],
  );
  if (claimed.rows.length === 0) {
    const { rows } = await deps.pool.query<DeployRow>('SELECT status, result, error FROM chain_calls WHERE key = $1', [key]);
    const row = rows[0];
    // A worker that did the work died before appending its outcome: append it now.
    if (row.status === 'confirmed' && row.result)
      return recordDeployed(deps, daoId, configuration, readDeployment(row.result, deps.chain.profile.tokens[0]?.superToken));
    if (row.status === 'failed') return recordFailed(deps, daoId, row.error ?? 'the chain refused the deployment');
    return { step: 'DeployBusy', outcome: { next: 'at', at: new Date(deps.now().getTime() + 2000) } };
  }

  const save = async (progress: DeploymentProgress) => {
    const { rowCount } = await deps.pool.query(
      `UPDATE chain_calls SET result = $3, leased_until = now() + make_interval(secs => $4::float8 / 1000), updated_at = now()
       WHERE key = $1 AND lease_owner = $2`,
      [key, owner, JSON.stringify(progress), leaseMs],
    );
    if (!rowCount) throw new Error(`The claim on ${key} ran out and another worker took the deployment over`);
  };
  let deployment: CompleteDeployment;
  try {
    deployment = await deployDaoPieces(deps.chain, daoId, configuration, (claimed.rows[0].result ?? {}) as DeploymentProgress, save);
  } catch (error) {
    const reason = refusalOf(error);
    if (reason === null) {
      await deps.pool.query(
        'UPDATE chain_calls SET lease_owner = NULL, leased_until = NULL, error = $3 WHERE key = $1 AND lease_owner = $2',
        [key, owner, (error instanceof Error ? error.message : String(error)).slice(0, 2000)],
      );
      throw error;
    }
    await deps.pool.query(
      `UPDATE chain_calls SET status = 'failed', error = $3, lease_owner = NULL, leased_until = NULL, updated_at = now()
       WHERE key = $1 AND lease_owner = $2`,
      [key, owner, reason.slice(0, 2000)],
    );
    return recordFailed(deps, daoId, reason);
  }
  await deps.pool.query(
    `UPDATE chain_calls SET status = 'confirmed', result = $2, error = NULL, lease_owner = NULL, leased_until = NULL, updated_at = now()
     WHERE key = $1`,
    [key, JSON.stringify(deployment)],
  );
  return recordDeployed(deps, daoId, configuration, deployment);
}

/** The reason when the chain refused the deployment for good; null when it may work next time. */
const refusalOf = (error: unknown): string | null => {
  if (error instanceof DeploymentRefused) return error.reason;
  const classified = classifyChainError(error);
  return classified.kind === 'revert' ? classified.reason : null;
};

const readDeployment = (stored: Record<string, unknown>, fallbackPayoutToken: Address | undefined): CompleteDeployment => ({
  chainId: String(stored.chainId),
  safe: getAddress(String(stored.safe)),
  timelock: getAddress(String(stored.timelock)),
  vault: getAddress(String(stored.vault)),
  pool: getAddress(String(stored.pool)),
  fromBlock: String(stored.fromBlock),
  // Deployments recorded before the DAO's token was chosen per DAO used the profile's first token.
  payoutToken: getAddress((stored.payoutToken as string | undefined) ?? fallbackPayoutToken ?? ''),
  ...(typeof stored.moduleRelay === 'string' ? { moduleRelay: getAddress(stored.moduleRelay) } : {}),
});

async function recordDeployed(
  deps: ExecutionDeps,
  daoId: string,
  configuration: ActiveDao['configuration'],
  deployment: CompleteDeployment,
): Promise<{ step: string; outcome: StepOutcome }> {
  const attached = configuration.safe !== undefined;
  // An attached Safe's owners and threshold are the chain's (the API checked them against the treasurers at
  // creation; they may have changed since). A Safe the platform deployed has the configuration's.
  const { owners, threshold } = attached
    ? await readSafeState(deps.chain.public, deployment.safe).then((s) => ({ owners: s.owners, threshold: Number(s.threshold) }))
    : { owners: configuration.treasurers, threshold: configuration.treasurerThreshold };
  const now = deps.now().toISOString();
  await deps.store.handle(
    { treasury: streams.treasury.of(daoId) },
    ({ treasury }) => ({
      treasury: recordDaoContractsDeployed(
        {
          type: 'RecordDaoContractsDeployed',
          data: {
            daoId,
            attached,
            chainId: Number(deployment.chainId),
            safe: deployment.safe,
            timelock: deployment.timelock,
            vault: deployment.vault,
            pool: deployment.pool,
            payoutToken: deployment.payoutToken,
            gdaForwarder: deps.chain.profile.superfluid.gdaForwarder,
            cfaForwarder: deps.chain.profile.superfluid.cfaForwarder,
            owners,
            threshold,
            timelockDelaySeconds: configuration.timelockDelaySeconds,
            fromBlock: BigInt(deployment.fromBlock),
            ...(deployment.moduleRelay ? { moduleRelay: deployment.moduleRelay } : {}),
          },
          metadata: { actor: ACTOR, now },
        },
        treasury,
      ),
    }),
    { context: { actor: ACTOR, correlationId: `deploy:${daoId}`, occurredAt: now } },
  );
  // An attached Safe's setup (its treasurers enabling the module relay) starts right away.
  return { step: 'Deployed', outcome: { next: attached ? 'now' : 'idle' } };
}

async function recordFailed(deps: ExecutionDeps, daoId: string, reason: string): Promise<{ step: string; outcome: StepOutcome }> {
  const now = deps.now().toISOString();
  await deps.store.handle(
    { treasury: streams.treasury.of(daoId) },
    ({ treasury }) => ({
      treasury: recordDaoDeploymentFailed(
        { type: 'RecordDaoDeploymentFailed', data: { daoId, reason: reason.slice(0, 2000) }, metadata: { actor: ACTOR, now } },
        treasury,
      ),
    }),
    { context: { actor: ACTOR, correlationId: `deploy:${daoId}`, occurredAt: now } },
  );
  return { step: 'DeploymentFailed', outcome: { next: 'idle' } };
}
