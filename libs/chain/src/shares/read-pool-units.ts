import { getAddress, type Address, type PublicClient } from 'viem';
import { sharePoolAbi } from '../../../../contracts/abi/share-pool';
import { superfluidPoolAbi } from '../abi/superfluid-pool';

export interface ReadPoolUnitsParams {
  /** The share pool's GDA pool. */
  readonly gdaPool: Address;
  /** The SharePool contract: a member of its GDA pool holding the unallocated units, and the keeper of the holders. */
  readonly poolContract: Address;
  /** Who may hold units (the log's holders, the parties of movements under way); the pool's contract is added. */
  readonly candidates: readonly Address[];
  readonly blockNumber: bigint;
  /** Where to start looking for MemberUnitsUpdated events when neither the candidates nor the contract's holders account for every unit. */
  readonly fromBlock: bigint;
}

/** Every unit of a GDA pool at a block: the pool contract's own, and each other member's with more than 0. */
export interface PoolUnitsAt {
  readonly blockNumber: bigint;
  readonly totalUnits: bigint;
  /** The SharePool contract's units: the shares nobody holds. */
  readonly available: bigint;
  /** Members other than the pool's contract with units, checksummed, candidates first in their order. */
  readonly holders: readonly { readonly holder: Address; readonly units: bigint }[];
}

/** The members read account for fewer units than the pool's total: reading again later cannot be told from this. */
export class PoolUnitsUnaccountedError extends Error {
  constructor(
    readonly gdaPool: Address,
    readonly blockNumber: bigint,
    readonly totalUnits: bigint,
    readonly found: bigint,
  ) {
    super(`GDA pool ${gdaPool} has ${totalUnits} units at block ${blockNumber}, but its members found hold ${found}`);
    this.name = 'PoolUnitsUnaccountedError';
  }
}

/**
 * Reads a share pool's GDA units at `blockNumber`, as the pool paid by in that block (a GDA distribution pays by the
 * units of its block). The candidates and the pool's contract are read first; when they do not account for
 * `getTotalUnits()`, the SharePool contract's own `holders()` at that block, then every member its GDA pool ever
 * announced (MemberUnitsUpdated since `fromBlock`). Every read names the block, so the answer never depends on when
 * it is asked. An RPC failure throws as it is (the caller retries); units nobody accounts for throw
 * PoolUnitsUnaccountedError.
 */
export async function readPoolUnitsAt(client: PublicClient, params: ReadPoolUnitsParams): Promise<PoolUnitsAt> {
  const { gdaPool, poolContract, blockNumber } = params;
  const at = { blockNumber } as const;
  const totalUnits = await client.readContract({ address: gdaPool, abi: superfluidPoolAbi, functionName: 'getTotalUnits', ...at });
  const units = new Map<string, { readonly holder: Address; readonly units: bigint }>();
  const found = () => [...units.values()].reduce((n, u) => n + u.units, 0n);
  const readAll = async (members: readonly Address[]) => {
    const fresh = [...new Set(members.map((m) => getAddress(m)))].filter((m) => !units.has(m.toLowerCase()));
    const read = await Promise.all(
      fresh.map((member) =>
        client.readContract({ address: gdaPool, abi: superfluidPoolAbi, functionName: 'getUnits', args: [member], ...at }),
      ),
    );
    fresh.forEach((holder, i) => units.set(holder.toLowerCase(), { holder, units: BigInt(read[i]) }));
  };
  await readAll([poolContract, ...params.candidates]);
  if (found() !== totalUnits)
    await readAll(await client.readContract({ address: poolContract, abi: sharePoolAbi, functionName: 'holders', ...at }));
  if (found() !== totalUnits) {
    const logs = await client.getContractEvents({
      address: gdaPool,
      abi: superfluidPoolAbi,
      eventName: 'MemberUnitsUpdated',
      fromBlock: params.fromBlock,
      toBlock: blockNumber,
    });
    await readAll(logs.map((l) => l.args.member).filter((m): m is Address => m !== undefined));
  }
  if (found() !== totalUnits) throw new PoolUnitsUnaccountedError(gdaPool, blockNumber, totalUnits, found());
  const own = units.get(poolContract.toLowerCase())!;
  units.delete(poolContract.toLowerCase());
  return { blockNumber, totalUnits, available: own.units, holders: [...units.values()].filter((u) => u.units > 0n) };
}
