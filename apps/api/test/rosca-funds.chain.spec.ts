import { describe, expect, it } from '@jest/globals';
import { createPublicClient, erc20Abi, http, type PublicClient } from 'viem';
import { testTokenAbi } from '../../../contracts/abi/test-token';
import { fundedAccounts } from '../../../test/chain/accounts';
import { loadDevChain } from '../../../test/chain/dev-chain';
import { ProblemException } from '../src/shared/problem';
import { requireFunds } from '../src/rotating-pools/shared/rosca-funds';

/** The problem a refused check throws (or null when it passes). */
const refusal = async (check: Promise<void>) => {
  try {
    await check;
    return null;
  } catch (error) {
    if (error instanceof ProblemException) return error.problem;
    throw error;
  }
};

describe('requireFunds: the pre-check of a join or early payment against the real token', () => {
  const { devChain, clients } = loadDevChain();
  const chain = clients.public as unknown as PublicClient;
  const token = devChain.testToken;

  it('names the spender and the amount to approve, then the balance missing, then lets it through', async () => {
    const [member, pool] = await fundedAccounts(clients, 'rosca-funds', 2);
    const needed = { token, owner: member.address, spender: pool.address, amount: 600n };

    const noAllowance = await refusal(requireFunds(chain, needed));
    expect(noAllowance).toMatchObject({ status: 422, code: 'ROSCA.ALLOWANCE_TOO_LOW' });
    expect(noAllowance?.detail).toContain(pool.address);
    expect(noAllowance?.detail).toContain('600');
    expect(noAllowance?.errors?.[0]).toMatchObject({ field: 'allowance', message: expect.stringContaining(`spender ${pool.address}`) });

    const wallet = clients.wallet(member);
    const approve = await wallet.writeContract({ address: token, abi: erc20Abi, functionName: 'approve', args: [pool.address, 600n] });
    await clients.public.waitForTransactionReceipt({ hash: approve });
    const noBalance = await refusal(requireFunds(chain, needed));
    expect(noBalance).toMatchObject({ status: 422, code: 'ROSCA.BALANCE_TOO_LOW' });

    const mint = await wallet.writeContract({ address: token, abi: testTokenAbi, functionName: 'mint', args: [member.address, 600n] });
    await clients.public.waitForTransactionReceipt({ hash: mint });
    expect(await refusal(requireFunds(chain, needed))).toBeNull();
    expect(await refusal(requireFunds(chain, { ...needed, amount: 601n }))).toMatchObject({ code: 'ROSCA.ALLOWANCE_TOO_LOW' });
  });

  it('asks nothing of the chain for a zero amount, and answers 503 when the chain does not answer', async () => {
    const down = createPublicClient({ transport: http('http://127.0.0.1:9', { retryCount: 0, timeout: 2_000 }) }) as PublicClient;
    const needed = { token, owner: devChain.deployer, spender: devChain.deployer, amount: 0n };
    expect(await refusal(requireFunds(down, needed))).toBeNull();
    expect(await refusal(requireFunds(down, { ...needed, amount: 1n }))).toMatchObject({ status: 503, code: 'CHAIN.UNAVAILABLE' });
  });
});
