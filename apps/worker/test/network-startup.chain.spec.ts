import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { devChainProfile } from '@ayllu/chain';
import { loadDevChain } from '../../../test/chain/dev-chain';

const root = path.resolve(__dirname, '../../..');

/** Runs an entry point as an operator would, with only the environment given; returns its exit and stderr. */
const run = (entry: string, env: Record<string, string>) => {
  const result = spawnSync(process.execPath, ['-r', './tools/register.js', entry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr.trim() };
};

describe('start-up on a network profile', () => {
  const { devChain } = loadDevChain();
  const dir = mkdtempSync(path.join(tmpdir(), 'ayllu-startup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const profileFile = (profile: object) => {
    const file = path.join(dir, `profile-${Math.random().toString(16).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(profile));
    return file;
  };
  const env = (file: string) => ({
    NETWORK_PROFILE: file,
    RPC_URL: devChain.rpcUrl,
    DATABASE_URL: 'postgres://nobody@127.0.0.1:9/never', // never reached: the profile check comes first
    ADMIN_API_KEY: 'k'.repeat(32),
    RELAYER_PRIVATE_KEY: `0x${'1'.repeat(64)}`,
    DATA_DIR: dir,
  });

  it.each(['apps/api/src/main.ts', 'apps/worker/src/main.ts'])(
    '%s stops with one line naming the contract a profile has wrong',
    (entry) => {
      const profile = devChainProfile(devChain);
      const broken = profileFile({ ...profile, safe: { ...profile.safe, multiSendCallOnly: devChain.deployer } });
      const { status, stderr } = run(entry, env(broken));
      expect(status).toBe(1);
      expect(stderr).toBe(
        `development: no contract at safe.multiSendCallOnly ${devChain.deployer} on chain ${devChain.chainId} (RPC_URL ${devChain.rpcUrl})`,
      );
    },
  );

  it('names the field of a profile file that is not well formed', () => {
    const { safe: _dropped, ...profile } = devChainProfile(devChain);
    const file = profileFile(profile);
    const { status, stderr } = run('apps/worker/src/main.ts', env(file));
    expect(status).toBe(1);
    expect(stderr).toBe(`NETWORK_PROFILE=${file}: safe is missing or not an object`);
  });
});
