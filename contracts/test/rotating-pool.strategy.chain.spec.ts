// Runs on a private node (usePrivateRotatingPool with a TestStrategy): it reverts a snapshot before every test.
// A rotating pool invests what it pulls in the DAO's ERC-4626 strategy: the yield reaches the round's recipient
// when the log recognises it, a dissolution shares what the log has not recognised (or a loss) pro rata, and
// ERC-4626 rounding against the pool never stops a payment.
import { maxUint256, type Address, type Hash } from 'viem';
import { rotatingPoolAbi } from '../abi/rotating-pool';
import { testBlacklistTokenAbi } from '../abi/test-blacklist-token';
import { testStrategyAbi } from '../abi/test-strategy';
import { loadAylluArtifact } from '../../libs/chain/src/local/artifacts';
import { deployContract } from '../../libs/chain/src/local/deploy-contract';
import { deployRotatingPool } from '../../libs/chain/src/rotating/deploy-rotating-pool';
import { defaultTerms, poolEventsOf, usePrivateRotatingPool, type RotatingPoolFixture } from '../../test/chain/rotating-pool';
import { revertOf } from '../../test/chain/revert';

const C = defaultTerms.contributionAmount;
const COLLATERAL = defaultTerms.collateralAmount;
const FEE_BPS = 1_000n;

describe('RotatingPool with a strategy', () => {
  const chain = usePrivateRotatingPool({ members: 4, withStrategy: true });
  const member = (i: number) => chain().members[i].address;

  const confirm = async (hash: Hash) => {
    const receipt = await chain().clients.public.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`);
    return receipt;
  };
  const view = <N extends 'principal' | 'yieldAvailable' | 'shortfall' | 'available'>(name: N) =>
    chain().steps.read.readContract({ ...chain().steps.target, functionName: name });
  const strategyRead = (functionName: 'balanceOf' | 'previewRedeem', arg: Address | bigint) =>
    chain().clients.public.readContract({
      address: chain().strategy,
      abi: testStrategyAbi,
      functionName,
      args: [arg],
    } as never) as Promise<bigint>;
  const simulate = async (kind: 'simulateYield' | 'simulateLoss', amount: bigint) =>
    confirm(
      await chain()
        .clients.wallet(0)
        .writeContract({ address: chain().strategy, abi: testStrategyAbi, functionName: kind, args: [amount] }),
    );
  /** What the pool holds: idle tokens plus its strategy shares' value. */
  const holdings = async () => {
    const { steps, pool } = chain();
    return (await steps.tokenBalance(pool)) + (await strategyRead('previewRedeem', await strategyRead('balanceOf', pool)));
  };
  /** Another depositor in the strategy, and yield on its shares: the share price ends above one, not a whole number. */
  const raiseSharePrice = async () => {
    const { clients, token, strategy, outsider } = chain();
    const wallet = clients.wallet(outsider);
    await confirm(
      await wallet.writeContract({ address: token, abi: testBlacklistTokenAbi, functionName: 'mint', args: [outsider.address, 1000n] }),
    );
    await confirm(
      await wallet.writeContract({ address: token, abi: testBlacklistTokenAbi, functionName: 'approve', args: [strategy, maxUint256] }),
    );
    await confirm(
      await wallet.writeContract({ address: strategy, abi: testStrategyAbi, functionName: 'deposit', args: [1000n, outsider.address] }),
    );
    await simulate('simulateYield', 333n);
  };
  /** Four members joined (collateral in), the rounds begun and round 0 collected from everyone. */
  const roundZeroCollected = async ({ steps, operator }: RotatingPoolFixture = chain()) => {
    for (let i = 0; i < 4; i++) await steps.join(operator, member(i));
    await steps.begin(operator, (await steps.now()) + 60n);
    for (let i = 0; i < 4; i++) await steps.collect(operator, 0n, member(i));
  };
  const walletsOf = (accounts: Address[]) => Promise.all(accounts.map((a) => chain().steps.tokenBalance(a)));

  describe('deployment', () => {
    it('names its strategy', async () => {
      const { steps, strategy } = chain();
      expect(await steps.read.readContract({ ...steps.target, functionName: 'strategy' })).toBe(strategy);
    });

    it('refuses a strategy over another token', async () => {
      const { clients, organiser, operator, feeRecipient } = chain();
      const tokenArtifact = loadAylluArtifact('src/test/TestToken.sol', 'TestToken');
      const other = await deployContract(
        { wallet: clients.wallet(0), public: clients.public },
        { name: 'TestToken', abi: tokenArtifact.abi, bytecode: tokenArtifact.bytecode, args: ['Other', 'OTH'] },
      );
      const deploying = deployRotatingPool({
        wallet: clients.wallet(operator),
        client: clients.public,
        token: other,
        strategy: chain().strategy,
        organiser: organiser.address,
        operator: operator.address,
        feeRecipient: feeRecipient.address,
        terms: defaultTerms,
      });
      expect(await revertOf(deploying, rotatingPoolAbi)).toEqual({ name: 'RotatingPoolStrategyAssetMismatch', args: [chain().strategy] });
    });
  });

  describe('pulled funds', () => {
    it('are invested as they come in and counted as principal', async () => {
      const { steps, pool } = chain();
      await roundZeroCollected();
      const principal = 4n * (COLLATERAL + C);
      expect(await steps.tokenBalance(pool)).toBe(0n);
      expect(await strategyRead('balanceOf', pool)).toBe(principal);
      expect([await view('principal'), await view('available'), await view('yieldAvailable'), await view('shortfall')]).toEqual([
        principal,
        principal,
        0n,
        0n,
      ]);
    });

    it('stay idle when the strategy refuses the deposit, and are paid from there', async () => {
      const { steps, operator, pool, strategy } = chain();
      await steps.setBlocked(strategy, true);
      await roundZeroCollected();
      expect(await steps.tokenBalance(pool)).toBe(4n * (COLLATERAL + C));
      await steps.settle(operator, 0n, [{ to: member(0), amount: 4n * C }], 0n);
      expect(await view('principal')).toBe(4n * COLLATERAL);
    });
  });

  describe('settle', () => {
    it('brings the yield into the pot: the recipient gets contribution × members + yield − fee', async () => {
      const { steps, operator, pool, feeRecipient } = chain();
      await roundZeroCollected();
      await simulate('simulateYield', 7n * 10n ** 18n + 3n);
      const yieldEarned = await view('yieldAvailable');
      // The pool is the strategy's only depositor: it owns all of the yield but what ERC-4626's virtual share keeps.
      expect(yieldEarned).toBeGreaterThan(7n * 10n ** 18n - 2n);
      const gross = 4n * C + yieldEarned;
      const fee = (gross * FEE_BPS) / 10_000n;
      const [before] = await walletsOf([member(0)]);
      const { logs } = await steps.settle(operator, 0n, [{ to: member(0), amount: gross - fee }], fee, yieldEarned);
      const key = await steps.read.readContract({ ...steps.target, functionName: 'roundKey', args: [0n] });
      expect(await steps.tokenBalance(member(0))).toBe(before + 4n * C + yieldEarned - fee);
      expect(await steps.tokenBalance(feeRecipient.address)).toBe(fee);
      expect(poolEventsOf(logs, pool).filter((e) => e.eventName === 'RoundSettled' || e.eventName === 'Paid')).toEqual([
        { eventName: 'RoundSettled', args: { round: 0n, totalPaid: gross - fee, fee, yieldRecognised: yieldEarned } },
        { eventName: 'Paid', args: { key, to: member(0), amount: gross - fee } },
      ]);
      // The collateral stays invested; the withdrawal's rounding (up to a wei) is the pool's only loss.
      expect(await view('principal')).toBe(4n * COLLATERAL);
      expect(4n * COLLATERAL - (await holdings())).toBeLessThanOrEqual(1n);
    });

    it('takes yield the pool no longer holds (a loss after the decision) as a loss: the round settles, the fee cap counts only what it holds', async () => {
      const { steps, operator } = chain();
      await roundZeroCollected();
      await simulate('simulateYield', 1000n);
      const available = await view('yieldAvailable');
      const decided = available + 500n;
      const principal = 4n * (COLLATERAL + C);
      const max = ((principal + available) * 1_000n) / 10_000n;
      expect(await revertOf(steps.settle(operator, 0n, [{ to: member(0), amount: C }], max + 1n, decided))).toEqual({
        name: 'RotatingPoolFeeTooHigh',
        args: [max + 1n, max],
      });
      expect(await revertOf(steps.settle(operator, 0n, [{ to: member(0), amount: principal + decided + 1n }], 0n, decided))).toEqual({
        name: 'RotatingPoolInsufficientFunds',
        args: [principal + decided + 1n, principal + decided],
      });
      const [before] = await walletsOf([member(0)]);
      await steps.settle(operator, 0n, [{ to: member(0), amount: 4n * C + decided }], 0n, decided);
      // Paid in full out of the collateral still held; the 500 the log counted and the pool lacks is its shortfall now.
      expect(await steps.tokenBalance(member(0))).toBe(before + 4n * C + decided);
      expect(await view('principal')).toBe(4n * COLLATERAL);
      expect((await view('shortfall')) - 500n).toBeLessThanOrEqual(1n);
    });

    it('never recognises yield twice: what a settlement recognised is principal afterwards', async () => {
      const { steps, operator } = chain();
      await roundZeroCollected();
      await simulate('simulateYield', 10n ** 18n);
      const first = await view('yieldAvailable');
      await steps.settle(operator, 0n, [{ to: member(0), amount: 4n * C + first }], 0n, first);
      expect(await view('yieldAvailable')).toBe(0n);
      expect(await view('principal')).toBe(4n * COLLATERAL);
      expect(await view('shortfall')).toBeLessThanOrEqual(1n);
    });

    it('pays in full at a share price above one, the fee absorbing the rounding when the round takes everything', async () => {
      const { steps, operator, feeRecipient } = chain();
      await raiseSharePrice();
      await roundZeroCollected();
      const principal = 4n * (COLLATERAL + C);
      const short = await view('shortfall');
      // Each deposit at a price of 1334/1001 loses under one share's worth to rounding, and nothing covers it.
      expect(short).toBeGreaterThan(0n);
      expect(short).toBeLessThanOrEqual(8n * 2n);
      expect(await view('yieldAvailable')).toBe(0n);
      const fee = principal / 10n;
      const [before] = await walletsOf([member(0)]);
      await steps.settle(operator, 0n, [{ to: member(0), amount: principal - fee }], fee);
      expect(await steps.tokenBalance(member(0))).toBe(before + principal - fee);
      const feePaid = await steps.tokenBalance(feeRecipient.address);
      expect(fee - feePaid).toBeGreaterThanOrEqual(short);
      expect(fee - feePaid).toBeLessThanOrEqual(short + 2n);
      expect([await view('principal'), await holdings()]).toEqual([0n, 0n]);
    });
  });

  describe('release', () => {
    it('pays what there is on a loss: the last payment gets less, and the event says what was paid', async () => {
      const { steps, operator, pool } = chain();
      await roundZeroCollected();
      const principal = 4n * (COLLATERAL + C);
      await simulate('simulateLoss', principal / 4n);
      expect(await view('shortfall')).toBe(principal / 4n);
      const key = `0x${'11'.repeat(32)}` as const;
      const wallets = await walletsOf([member(0), member(1)]);
      const { logs } = await steps.release(operator, key, [
        { to: member(0), amount: principal / 2n },
        { to: member(1), amount: principal / 2n },
      ]);
      expect(poolEventsOf(logs, pool).filter((e) => e.eventName === 'Released' || e.eventName === 'Paid')).toEqual([
        { eventName: 'Released', args: { key, total: (3n * principal) / 4n } },
        { eventName: 'Paid', args: { key, to: member(0), amount: principal / 2n } },
        { eventName: 'Paid', args: { key, to: member(1), amount: principal / 4n } },
      ]);
      expect(await walletsOf([member(0), member(1)])).toEqual([wallets[0] + principal / 2n, wallets[1] + principal / 4n]);
      expect([await view('principal'), await holdings()]).toEqual([0n, 0n]);
    });

    it('reverts, to be retried, when the strategy cannot pay for a reason other than a loss', async () => {
      const { steps, operator, strategy } = chain();
      await roundZeroCollected();
      await steps.setBlocked(strategy, true);
      expect(
        (await revertOf(steps.release(operator, `0x${'22'.repeat(32)}`, [{ to: member(0), amount: C }]), testBlacklistTokenAbi)).name,
      ).toBe('TestBlacklistTokenBlocked');
    });
  });

  describe('dissolve', () => {
    const refundsOfPrincipal = (principal: bigint) => [
      { to: member(0), amount: principal / 2n },
      { to: member(1), amount: principal / 4n },
      { to: member(2), amount: principal / 8n },
      { to: member(3), amount: principal - principal / 2n - principal / 4n - principal / 8n },
    ];

    it('shares the yield not yet recognised pro rata: the refunds add up exactly to the holdings, the pool ends empty', async () => {
      const { steps, operator, organiser, pool, strategy } = chain();
      await roundZeroCollected();
      await simulate('simulateYield', 12_345_678_901n);
      const principal = await view('principal');
      const held = await holdings();
      expect(held).toBeGreaterThan(principal);
      await steps.pause(organiser, 'members voted to dissolve');
      const refunds = refundsOfPrincipal(principal);
      const wallets = await walletsOf(refunds.map((r) => r.to));
      const { logs } = await steps.dissolve(operator, refunds);
      const events = poolEventsOf(logs, pool);
      const paid = events.filter((e) => e.eventName === 'Paid').map((e) => (e.args as { amount: bigint }).amount);
      const scaled = refunds.map((r) => (r.amount * held) / principal);
      scaled[0] += held - scaled.reduce((s, a) => s + a, 0n);
      expect(events[0]).toEqual({ eventName: 'Dissolved', args: { total: held } });
      expect(paid).toEqual(scaled);
      expect(paid.reduce((s, a) => s + a, 0n)).toBe(held);
      expect(await walletsOf(refunds.map((r) => r.to))).toEqual(wallets.map((w, i) => w + scaled[i]));
      expect([await steps.tokenBalance(pool), await strategyRead('balanceOf', pool), await view('principal')]).toEqual([0n, 0n, 0n]);
      expect(await strategyRead('balanceOf', strategy)).toBe(0n);
    });

    it('shares a loss pro rata as well', async () => {
      const { steps, operator, organiser, pool } = chain();
      await roundZeroCollected();
      const principal = 4n * (COLLATERAL + C);
      await simulate('simulateLoss', principal / 3n);
      const held = await holdings();
      await steps.pause(organiser, 'strategy loss');
      const { logs } = await steps.dissolve(operator, refundsOfPrincipal(principal));
      const paid = poolEventsOf(logs, pool)
        .filter((e) => e.eventName === 'Paid')
        .map((e) => (e.args as { amount: bigint }).amount);
      expect(paid.reduce((s, a) => s + a, 0n)).toBe(held);
      expect(paid[1]).toBe(((principal / 4n) * held) / principal);
      expect(await holdings()).toBe(0n);
    });

    it('at a share price above one still pays out everything, to the wei', async () => {
      const { steps, operator, organiser, pool } = chain();
      await raiseSharePrice();
      await roundZeroCollected();
      const principal = await view('principal');
      await steps.pause(organiser, 'dissolving');
      const { logs } = await steps.dissolve(operator, refundsOfPrincipal(principal));
      const [dissolved, ...payments] = poolEventsOf(logs, pool).filter((e) => e.eventName === 'Dissolved' || e.eventName === 'Paid');
      const total = (dissolved.args as { total: bigint }).total;
      expect(principal - total).toBeLessThanOrEqual(16n);
      expect(payments.reduce((s, e) => s + (e.args as { amount: bigint }).amount, 0n)).toBe(total);
      expect(await holdings()).toBe(0n);
    });

    it('refuses refunds that do not add up to the principal', async () => {
      const { steps, operator, organiser } = chain();
      await roundZeroCollected();
      await simulate('simulateYield', 1000n);
      const principal = await view('principal');
      await steps.pause(organiser, 'dissolving');
      const held = await holdings();
      expect(await revertOf(steps.dissolve(operator, [{ to: member(0), amount: held }]))).toEqual({
        name: 'RotatingPoolRefundsMismatch',
        args: [held, principal],
      });
    });
  });

  it('keeps deferred payments idle and out of the yield', async () => {
    const { steps, operator, pool } = chain();
    await roundZeroCollected();
    await steps.setBlocked(member(0), true);
    await steps.settle(operator, 0n, [{ to: member(0), amount: 4n * C }], 0n);
    expect(await steps.tokenBalance(pool)).toBe(4n * C);
    expect(await view('yieldAvailable')).toBe(0n);
    await steps.setBlocked(member(0), false);
    const [before] = await walletsOf([member(0)]);
    await steps.claim(chain().members[0]);
    expect(await steps.tokenBalance(member(0))).toBe(before + 4n * C);
  });
});
