import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const hasDockerCompose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;
const ROOT = join(__dirname, '..');
const ENV = { ADMIN_API_KEY: 'compose-admin-key-0123456789', WEBHOOK_SECRETS_KEY: '00'.repeat(32) };

const compose = (args: string[], env: Record<string, string>) =>
  execFileSync('docker-compose', ['-f', 'docker-compose.yml', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/** One service's lines in `docker-compose config`'s normalised output (two-space indented service names). */
const serviceBlock = (config: string, service: string): string => {
  const match = new RegExp(`^  ${service}:\\n((?:(?: {4}.*)?\\n)*)`, 'm').exec(config);
  if (!match) throw new Error(`no service ${service} in the resolved file`);
  return match[1];
};

/** There is no Docker engine on these machines; `docker-compose config` (v1, Debian's package) validates the file offline. */
if (!hasDockerCompose) {
  console.warn('docker-compose.yml is NOT validated: docker-compose is not installed here (apt-get install -y docker-compose)');
  describe('docker-compose.yml', () => {
    it.skip('is NOT validated: docker-compose is not installed here (apt-get install -y docker-compose)', () => undefined);
  });
} else {
  describe('docker-compose.yml', () => {
    let config: string;
    beforeAll(() => {
      config = compose(['config'], ENV);
    });

    it('is valid and runs postgres, a chain node, migrations, the api and the worker over the pgdata and shared volumes', () => {
      // `config` itself fails on a file that does not validate (beforeAll).
      expect(compose(['config', '--services'], ENV).trim().split('\n').sort()).toEqual(['api', 'chain', 'migrate', 'postgres', 'worker']);
      expect(config).toMatch(/^volumes:\n {2}pgdata: \{\}\n {2}shared: \{\}$/m);
      expect(config).toContain('DATABASE_URL: postgres://ayllu:ayllu@postgres:5432/ayllu');
    });

    it('has the chain bind every interface, write its profile to the shared volume and be healthy only once it exists', () => {
      const chain = serviceBlock(config, 'chain');
      expect(chain).toContain('target: chain');
      expect(chain).toContain('CHAIN_HOST: 0.0.0.0');
      expect(chain).toContain('DATA_DIR: /shared');
      expect(chain).toContain('CHAIN_PUBLIC_RPC_URL: http://chain:8545');
      expect(chain).toContain('- shared:/shared:rw');
      expect(chain).toContain('test -f /shared/network-profile.json');
    });

    it.each(['api', 'worker'])('starts the %s after the chain is healthy, pointed at its node and its profile', (service) => {
      const block = serviceBlock(config, service);
      expect(block).toContain('target: runtime');
      expect(block).toMatch(/depends_on:\n(?: {6}.*\n)*? {6}chain:\n {8}condition: service_healthy/);
      expect(block).toMatch(/ {6}postgres:\n {8}condition: service_healthy/);
      expect(block).toMatch(/ {6}migrate:\n {8}condition: service_completed_successfully/);
      expect(block).toContain('RPC_URL: http://chain:8545');
      expect(block).toContain('NETWORK_PROFILE: /shared/network-profile.json');
      expect(block).toContain('- shared:/shared:ro');
    });

    it('gives the relayer key to the worker alone', () => {
      expect(serviceBlock(config, 'worker')).toMatch(/RELAYER_PRIVATE_KEY: '0x[0-9a-f]{64}'/);
      expect(serviceBlock(config, 'api')).not.toContain('RELAYER_PRIVATE_KEY');
    });

    it('refuses to start without an admin key, naming it', () => {
      expect(() => compose(['config', '-q'], { WEBHOOK_SECRETS_KEY: ENV.WEBHOOK_SECRETS_KEY })).toThrow(/ADMIN_API_KEY/);
    });
  });
}
