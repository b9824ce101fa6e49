// `npm run -s networks [-- --json]`: the built-in network profiles (every chain where Safe 1.4.1 and the
// Superfluid framework are both deployed, from their published address books).
import { builtInNetworks } from '../libs/chain/src/networks/built-in-networks';

const networks = builtInNetworks();
if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(networks, null, 2)}\n`);
} else {
  const rows = networks.map((n) => [n.name, String(n.chainId), n.displayName, n.testnet ? 'testnet' : 'mainnet', String(n.confirmations)]);
  const header = ['name (CHAIN=)', 'chain id', 'network', 'kind', 'confirmations'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const row of [header, ...rows]) process.stdout.write(`${row.map((c, i) => c.padEnd(widths[i])).join('  ')}\n`);
  process.stdout.write('\nSelect one with CHAIN=<name> RPC_URL=<url>, or describe another chain in a file and set NETWORK_PROFILE.\n');
}
