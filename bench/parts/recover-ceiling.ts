import os from 'node:os';
import { recoverTypedDataAddress, type Hex } from 'viem';
import { ACTION_SCHEMAS } from '../../apps/api/src/signatures/signed-actions';
import { ayllu712Domain } from '../../apps/api/src/signatures/typed-data';
import type { HttpCall } from '../harness/http-load';
import { BENCH_CHAIN_ID } from './vote-fixtures';

const VOTE_TYPES = { Vote: ACTION_SCHEMAS.vote.fields.map((f) => ({ ...f })) };

export interface RecoverCeiling {
  readonly perCore: number;
  readonly cores: number;
  readonly ceiling: number;
  readonly recovered: number;
  readonly seconds: number;
}

/**
 * The bare signature check on one core: `recoverTypedDataAddress` over the very bodies the HTTP run
 * sends (parsed once beforehand), for `seconds`, times the machine's cores. Nothing else: no HTTP, no
 * JSON, no database. This is the ceiling vote ingestion is held against.
 */
export const measureRecoverCeiling = async (calls: readonly HttpCall[], seconds: number): Promise<RecoverCeiling> => {
  const signed = calls.map((c) => JSON.parse(c.body!) as { message: Record<string, unknown>; signature: Hex });
  const deadline = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  const started = process.hrtime.bigint();
  let recovered = 0;
  while (process.hrtime.bigint() < deadline) {
    const { message, signature } = signed[recovered % signed.length];
    const address = await recoverTypedDataAddress({
      domain: ayllu712Domain(BENCH_CHAIN_ID),
      types: VOTE_TYPES,
      primaryType: 'Vote',
      message: { ...message, deadline: BigInt(message.deadline as number) },
      signature,
    });
    if (address !== message.voter) throw new Error('bench: a pre-signed vote did not recover its voter');
    recovered++;
  }
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const perCore = recovered / elapsed;
  const cores = os.availableParallelism();
  return { perCore, cores, ceiling: perCore * cores, recovered, seconds: elapsed };
};
