import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const hasDockerCompose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;
const ROOT = join(__dirname, '..');

/** There is no Docker engine on these machines; `docker-compose config` validates the file offline. */
(hasDockerCompose ? describe : describe.skip)('docker-compose.yml', () => {
  const config = (env: Record<string, string>) =>
    execFileSync('docker-compose', ['-f', 'docker-compose.yml', 'config'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  it('is valid and runs postgres, a chain node, migrations, the api and the worker', () => {
    const output = config({ ADMIN_API_KEY: 'compose-admin-key-0123456789', WEBHOOK_SECRETS_KEY: '00'.repeat(32) });
    for (const service of ['postgres:', 'chain:', 'migrate:', 'api:', 'worker:']) expect(output).toContain(service);
    expect(output).toContain('DATABASE_URL: postgres://ayllu:ayllu@postgres:5432/ayllu');
  });

  it('refuses to start without an admin key', () => {
    expect(() => config({})).toThrow();
  });
});
