// `npm start`: the whole platform in one process tree on a laptop. With nothing configured it starts the
// embedded PostgreSQL (data under DATA_DIR, kept across restarts) and a local chain, runs migrations, then
// the API and the worker. DATABASE_URL and RPC_URL point it at existing servers instead. Ctrl-C stops all.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_NETWORK_PROFILE_FILE, NetworkProfileError, openNetwork } from '@ayllu/chain';
import { ConfigError, createPool, loadConfig, resolveAdminKey, runMigrations, startEmbeddedPostgres } from '@ayllu/platform';
import { createApiApp } from '../apps/api/src/bootstrap';
import { findOrphanedDaos } from '../apps/worker/src/execution/orphaned-daos';
import { startWorker } from '../apps/worker/src/worker';
import { compileContracts } from '../libs/chain/src/local/compile-contracts';
import { formatDeployProgress } from '../libs/chain/src/deploy/deploy-progress';
import { deployDevChain, devChainStepLabels } from '../libs/chain/src/local/deploy-dev-chain';
import { devClients } from '../libs/chain/src/local/dev-clients';
import { devChainProfile } from '../libs/chain/src/networks/dev-chain-profile';
import { reapWithParent, startHardhatNode, type HardhatNode } from '../libs/chain/src/local/start-hardhat-node';
import { buildWebApp, webAppBuildIsStale } from './web/build-web-app';

const say = (line: string) => process.stdout.write(`${line}\n`);

const main = async () => {
  const config = loadConfig();
  const stops: (() => Promise<unknown>)[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('\nStopping…');
    // Each part gets a few seconds: one that hangs (a connection that will not drain) must not leave the
    // chain node or the database running behind us.
    for (const stop of stops.reverse()) {
      await Promise.race([stop(), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]).catch((error: unknown) =>
        console.error(error),
      );
    }
    process.exit(code);
  };
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));
  process.once('SIGHUP', () => void stopAll(0)); // the terminal closed
  // A kill -9 cannot be caught: the chain node then stops itself with this process (its reaper watches us).
  // Ctrl-C reaches the embedded PostgreSQL too (same process group), so connections drop while we stop:
  // expected then. Any other crash still stops the chain node and the database before exiting.
  const crashed = (error: unknown) => {
    if (stopping) return;
    console.error(error);
    void stopAll(1);
  };
  process.on('uncaughtException', crashed);
  process.on('unhandledRejection', crashed);

  try {
    if (webAppBuildIsStale()) {
      say('Building the web app (apps/web → apps/web/dist)');
      buildWebApp({ force: true });
    }
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      say(`Starting embedded PostgreSQL on 127.0.0.1:${config.embeddedPostgresPort} (data in ${join(config.dataDir, 'postgres')})`);
      const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPostgresPort });
      stops.push(embedded.stop);
      // PostgreSQL detaches from us; should this process die without stopping it (kill -9), stop it fast.
      const postmaster = Number(readFileSync(join(config.dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (Number.isSafeInteger(postmaster) && postmaster > 0) reapWithParent(postmaster, { signal: 'SIGINT', group: false });
      databaseUrl = embedded.url;
    }
    const applied = await runMigrations(databaseUrl);
    say(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');

    let rpcUrl = config.rpcUrl;
    const networkChosen = Boolean(process.env.NETWORK_PROFILE || process.env.CHAIN);
    if (!rpcUrl && !networkChosen && process.env.START_CHAIN !== 'false') {
      const port = Number(process.env.CHAIN_PORT ?? 8545);
      say(`Starting the local chain (hardhat node) on 127.0.0.1:${port}`);
      compileContracts();
      const node: HardhatNode = await startHardhatNode({ port });
      stops.push(() => node.stop());
      const devChain = await deployDevChain(node.rpcUrl, undefined, (event) => {
        if (event.kind === 'confirmed') say(`  ${formatDeployProgress(event, (step) => devChainStepLabels[step])}`);
      });
      mkdirSync(config.dataDir, { recursive: true });
      // Written whole or not at all: a reader (the worker, `npm run demo`) never sees half a profile.
      const profileFile = join(config.dataDir, DEV_NETWORK_PROFILE_FILE);
      writeFileSync(`${profileFile}.tmp`, JSON.stringify(devChainProfile(devChain), null, 2));
      renameSync(`${profileFile}.tmp`, profileFile);
      rpcUrl = node.rpcUrl;
      // The node keeps its state in memory; the database outlives it. Say so instead of letting old DAOs retry.
      const orphaned = await findOrphanedDaos(createPool(databaseUrl, 2), devClients(node.rpcUrl).public, devChain.chainId);
      if (orphaned.length > 0) {
        say(`Note: ${orphaned.length} DAO(s) in this database were deployed on an earlier local chain that did not survive the restart`);
        say(`  (${orphaned.map((o) => o.daoId).join(', ')}). Their contracts are gone, so their passed proposals cannot execute;`);
        say(`  new DAOs work. To start clean, stop Ayllu and delete ${join(config.dataDir, 'postgres')}.`);
      }
    }

    // The API and the worker see the chain this process started as if RPC_URL had named it. Whatever the
    // network, its chain id and every contract in its profile are checked before anything is served.
    const runtime = { ...config, rpcUrl };
    const network = await openNetwork(process.env, runtime);
    const admin = resolveAdminKey(config.adminApiKey, config.dataDir);
    const pool = createPool(databaseUrl, 20);
    stops.push(() => pool.end());
    const worker = await startWorker({ config: runtime, pool, databaseUrl, network });
    stops.push(worker.stop);
    const api = await createApiApp({ config: runtime, pool, adminApiKey: admin.key, network });
    await api.listen({ port: config.port, host: config.host });
    stops.push(() => api.close());

    const base = `http://${config.host}:${config.port}`;
    say('');
    say(`Ayllu is running.`);
    say(`  App      ${base}/   (connect a browser wallet such as MetaMask to the chain below)`);
    say(`  API      ${base}/v1/daos`);
    say(`  Docs     ${base}/docs   (OpenAPI JSON at ${base}/docs-json)`);
    say(`  App      ${config.publicUrl}/   (PUBLIC_URL: where notifications link to)`);
    say(`  Health   ${base}/health   (worker: ${worker.operationsUrl ?? 'off'}/health, metrics at /metrics on both)`);
    if (network)
      say(
        `  Chain    ${network.profile.displayName}, chain ${network.profile.chainId}, at ${network.rpcUrl}   (profile: ${network.source})`,
      );
    else say('  Chain    none: proposals will wait (set NETWORK_PROFILE or CHAIN and RPC_URL, or unset RPC_URL for a local chain)');
    if (admin.generated) {
      say(`  Admin key (shown once, kept in ${admin.file}):`);
      say(`    ${admin.key}`);
    } else if (admin.file) {
      say(`  Admin key in ${admin.file}`);
    }
    say('Ctrl-C stops everything.');
  } catch (error) {
    console.error(error instanceof ConfigError || error instanceof NetworkProfileError ? error.message : error);
    await stopAll(1);
  }
};

void main();
