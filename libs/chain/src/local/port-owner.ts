import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

/** The process listening on a local TCP port, as far as this machine lets us see it. */
export interface PortOwner {
  readonly pid: number;
  /** Its command line, spaces between arguments. */
  readonly command: string;
}

const LISTEN = '0A';

/** The socket inodes of TCP listeners on `port` (any local address), read from /proc/net/tcp and tcp6. */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
      if (fields.length < 10) continue;
      const [, local, , state] = fields;
      if (state === LISTEN && local.endsWith(`:${hexPort}`)) inodes.add(fields[9]);
    }
  }
  return inodes;
}

/**
 * Finds which process listens on `port` (Linux /proc; undefined elsewhere or when that process belongs to
 * another user and its descriptors cannot be read). Used to name what holds the chain's port.
 */
export function findPortOwner(port: number): PortOwner | undefined {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return undefined;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) return { pid: Number(pid), command: commandOf(pid) };
    }
  }
  return undefined;
}

function commandOf(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '(unknown command)';
  }
}

/** `hardhat … node …`: a script named hardhat (or Hardhat's CLI) with the `node` task among its arguments. */
const isHardhatNode = (argv: readonly string[]): boolean => {
  const script = argv.findIndex((arg) => /(^|\/)hardhat$/.test(arg) || /hardhat\/internal\/cli\/(cli|bootstrap)\.js$/.test(arg));
  return script >= 0 && argv.slice(script + 1).includes('node');
};

/** One line naming what holds `port`, and how to free it. */
export function describePortTaken(port: number, rpcUrl: string): string {
  const owner = findPortOwner(port);
  if (!owner) return `Something already answers on ${rpcUrl}; stop it or choose another CHAIN_PORT`;
  const hardhat = isHardhatNode(owner.command.split(' '));
  const what = hardhat ? 'a Hardhat node, probably left by an earlier run' : 'another program';
  return `${rpcUrl} is taken by ${what}: pid ${owner.pid} (${owner.command.slice(0, 160)}); stop it with \`kill ${owner.pid}\` or choose another CHAIN_PORT`;
}
