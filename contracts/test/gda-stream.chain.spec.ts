// Runs on a private node (usePrivateVault): it moves chain time.
// The flow the DAO's treasury streams into the vault's GDA pool reaches each member pro rata to their deposit,
// within the rounding bound of contracts/README.md: a member with u units receives at most u wei/s less than
// their exact share, never more.
import { parseEther, type Account, type Address, type Hash } from 'viem';
import { gdaForwarderAbi, superfluidPoolAbi, superTokenAbi } from '@ayllu/chain';
import { testTokenAbi } from '../abi/test-token';
import { usePrivateVault } from '../../test/chain/private-vault';

const tokens = (n: number) => parseEther(String(n));
const MONTH = 30n * 86_400n;
// 1,000 tokens a month: not a multiple of the 500 total units, so the GDA's rounding is exercised.
const REQUESTED_FLOW_RATE = tokens(1_000) / MONTH;

describe('a DAO streams yield into the vault pool', () => {
  const chain = usePrivateVault({ members: 3 });
  const [alice, bob, carol] = [0, 1, 2].map((i) => () => chain().members[i]);
  const deposits = [100, 200, 200];

  const confirm = async (hash: Hash) => chain().clients.public.waitForTransactionReceipt({ hash });
  const blockTime = async (blockNumber?: bigint) =>
    (await chain().clients.public.getBlock(blockNumber === undefined ? {} : { blockNumber })).timestamp;
  const superBalance = (who: Address) =>
    chain().clients.public.readContract({
      address: chain().devChain.testSuperToken,
      abi: superTokenAbi,
      functionName: 'balanceOf',
      args: [who],
    });
  const forwarder = (account: Account) => ({ address: chain().devChain.superfluid.gdaV1Forwarder, abi: gdaForwarderAbi, account }) as const;

  /** Exact pro-rata amount for `units` of `totalUnits` over `seconds`, and the documented lower bound. */
  const expected = (units: bigint, totalUnits: bigint, seconds: bigint) => ({
    exact: (REQUESTED_FLOW_RATE * units * seconds) / totalUnits,
    floor: (REQUESTED_FLOW_RATE * units * seconds) / totalUnits - units * seconds,
  });

  let streamStartedAt = 0n;

  beforeEach(async () => {
    const { steps, guardian: treasury, clients, devChain, pool } = chain();
    for (const [i, member] of [alice(), bob(), carol()].entries()) {
      await steps.fundAndApprove(member, tokens(deposits[i]));
      await steps.deposit(member, tokens(deposits[i]));
    }
    // The treasury (the Safe in production; an account here) holds Super Tokens wrapped from the DAO's token.
    const wallet = clients.wallet(treasury);
    await confirm(
      await wallet.writeContract({
        address: devChain.testToken,
        abi: testTokenAbi,
        functionName: 'mint',
        args: [treasury.address, tokens(10_000)],
      }),
    );
    await confirm(
      await wallet.writeContract({
        address: devChain.testToken,
        abi: testTokenAbi,
        functionName: 'approve',
        args: [devChain.testSuperToken, tokens(10_000)],
      }),
    );
    await confirm(
      await wallet.writeContract({ address: devChain.testSuperToken, abi: superTokenAbi, functionName: 'upgrade', args: [tokens(10_000)] }),
    );
    await confirm(await clients.wallet(alice()).writeContract({ ...forwarder(alice()), functionName: 'connectPool', args: [pool, '0x'] }));
    const started = await confirm(
      await wallet.writeContract({
        ...forwarder(treasury),
        functionName: 'distributeFlow',
        args: [devChain.testSuperToken, treasury.address, pool, REQUESTED_FLOW_RATE, '0x'],
      }),
    );
    streamStartedAt = await blockTime(started.blockNumber);
  });

  it('gives members units equal to their deposits in whole tokens', async () => {
    const { steps, clients, pool } = chain();
    expect([await steps.unitsOf(alice().address), await steps.unitsOf(bob().address), await steps.unitsOf(carol().address)]).toEqual([
      100n,
      200n,
      200n,
    ]);
    expect(await clients.public.readContract({ address: pool, abi: superfluidPoolAbi, functionName: 'getTotalUnits' })).toBe(500n);
  });

  it('shows a connected member the stream live, within the rounding bound', async () => {
    const { steps } = chain();
    await steps.advanceTime(3_600);
    const first = await superBalance(alice().address);
    const elapsed = (await blockTime()) - streamStartedAt;
    const { exact, floor } = expected(100n, 500n, elapsed);
    expect(first).toBeLessThanOrEqual(exact);
    expect(first).toBeGreaterThanOrEqual(floor);

    // Nothing is sent by Alice: her balance grows with chain time alone.
    await steps.advanceTime(60);
    expect(await superBalance(alice().address)).toBeGreaterThan(first);
  });

  it("lets anyone claim an unconnected member's accrued share for them with claimAll", async () => {
    const { steps, clients, pool, outsider } = chain();
    await steps.advanceTime(86_400);
    expect(await superBalance(bob().address)).toBe(0n);
    const claimed = await confirm(
      await clients.wallet(outsider).writeContract({ ...forwarder(outsider), functionName: 'claimAll', args: [pool, bob().address, '0x'] }),
    );
    const elapsed = (await blockTime(claimed.blockNumber)) - streamStartedAt;
    const received = await superBalance(bob().address);
    const { exact, floor } = expected(200n, 500n, elapsed);
    expect(received).toBeGreaterThan(0n);
    expect(received).toBeLessThanOrEqual(exact);
    expect(received).toBeGreaterThanOrEqual(floor);
  });

  it('never streams more than requested, and loses at most the total units per second to rounding', async () => {
    const { clients, devChain, pool, guardian: treasury } = chain();
    const actual = await clients.public.readContract({
      ...forwarder(treasury),
      functionName: 'getFlowDistributionFlowRate',
      args: [devChain.testSuperToken, treasury.address, pool],
    });
    expect(actual).toBeLessThanOrEqual(REQUESTED_FLOW_RATE);
    expect(REQUESTED_FLOW_RATE - actual).toBeLessThan(500n);
    const rates = await Promise.all(
      [alice(), bob(), carol()].map((m) =>
        clients.public.readContract({ address: pool, abi: superfluidPoolAbi, functionName: 'getMemberFlowRate', args: [m.address] }),
      ),
    );
    expect(rates[1]).toBe(rates[0] * 2n);
    expect(rates[2]).toBe(rates[1]);
    expect(rates.reduce((a, b) => a + b, 0n)).toBe(actual);
  });
});
