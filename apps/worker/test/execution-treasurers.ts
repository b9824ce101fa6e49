import { safeTransactionTypedData, type SafeTransaction } from '@ayllu/chain';
import { streams } from '@ayllu/domain';
import type { DaoContracts } from '@ayllu/domain';
import type { Hex } from 'viem';
import type { PrivateKeyAccount } from 'viem/accounts';
import { eventsOf, TIMELOCK_DELAY, waitFor, type ExecutionWorld } from './execution-harness';

type UintField = 'value' | 'safeTxGas' | 'baseGas' | 'gasPrice' | 'nonce';
/** A Safe transaction's EIP-712 message as the API serves it: its uint256 fields as decimal strings. */
type SafeTransactionMessage = Omit<SafeTransaction, UintField> & Record<UintField, string>;

/** The parts of the API's Safe transaction answers the execution specs read. */
export interface SafeTransactionListItem {
  readonly proposalId: string;
  readonly safeTxHash: string;
  readonly purpose: string;
  readonly description: string[];
}
export interface SafeTransactionView {
  readonly status: string;
  readonly nonce: string;
  readonly operationId: Hex;
  readonly typedData: { readonly message: SafeTransactionMessage };
}

/** The transaction a Safe transaction's typed data describes. */
export const transactionOf = (m: SafeTransactionMessage): SafeTransaction => ({
  ...m,
  value: BigInt(m.value),
  safeTxGas: BigInt(m.safeTxGas),
  baseGas: BigInt(m.baseGas),
  gasPrice: BigInt(m.gasPrice),
  nonce: BigInt(m.nonce),
});

/** What treasurers do over the API in the execution specs: read the queue, sign, and see a proposal through. */
export function treasurersOf(world: ExecutionWorld, base: string, dao: { daoId: string; contracts: DaoContracts }) {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  /** GET, its JSON answer typed as the caller expects the API to answer. */
  const get = async <Body>(path: string) => (await (await fetch(`${base}${path}`)).json()) as Body;

  const pendingTx = (proposalId: string) =>
    waitFor('the Safe transaction', async () => {
      const list = await get<{ items: SafeTransactionListItem[] }>(`/v1/daos/${dao.daoId}/safe-transactions?status=awaiting-signatures`);
      return list.items.find((t) => t.proposalId === proposalId);
    });
  const signature = async (signer: PrivateKeyAccount, safeTxHash: string, overrides: { chainId?: number } = {}) => {
    const { typedData } = await get<SafeTransactionView>(`/v1/daos/${dao.daoId}/safe-transactions/${safeTxHash}`);
    const tx = transactionOf(typedData.message);
    const data = safeTransactionTypedData({ chainId: overrides.chainId ?? dao.contracts.chainId, safe: dao.contracts.safe }, tx);
    return signer.signTypedData(data);
  };
  const sign = async (signer: PrivateKeyAccount, safeTxHash: string) =>
    post(`/v1/daos/${dao.daoId}/safe-transactions/${safeTxHash}/signatures`, {
      signer: signer.address,
      signature: await signature(signer, safeTxHash),
    });

  const proposalEvent = (proposalId: string, types: string[]) =>
    waitFor(types.join(' or '), async () =>
      (await eventsOf(world.store, streams.proposal.of(proposalId).streamId)).find((e) => types.includes(e.type)),
    );

  /** Two treasurers sign the schedule transaction, time passes the timelock: the proposal ends Executed or Failed. */
  const carryOut = async (proposalId: string) => {
    const { safeTxHash } = await pendingTx(proposalId);
    for (const treasurer of [world.treasurers[0], world.treasurers[2]]) {
      const signed = await sign(treasurer, safeTxHash);
      if (signed.status !== 200) throw new Error(`signature refused: ${JSON.stringify(signed.body)}`);
    }
    await proposalEvent(proposalId, ['ProposalScheduled']);
    await world.clients.test.increaseTime({ seconds: TIMELOCK_DELAY + 1 });
    await world.clients.test.mine({ blocks: 1 });
    return proposalEvent(proposalId, ['ProposalExecuted', 'ProposalExecutionFailed']);
  };

  return { get, post, pendingTx, signature, sign, carryOut, proposalEvent };
}
