import { encodeFunctionData, erc20Abi, getAddress, keccak256, parseAbi, parseEther, toHex, zeroHash, type Address } from 'viem';
import { communityVaultAbi } from '../../../../contracts/abi/community-vault';
import { testTokenAbi } from '../../../../contracts/abi/test-token';
import { startPrivateDevChain, type DevChainContext } from '../../../../test/chain/dev-chain';
import { safeAbi } from '../abi/safe-l2';
import { loadAylluArtifact } from '../local/artifacts';
import { deployContract } from '../local/deploy-contract';
import { superTokenAbi } from '../abi/super-token';
import { superfluidPoolAbi } from '../abi/superfluid-pool';
import { timelockAbi } from '../abi/timelock-controller';
import { buildSafeTransaction } from '../safe/build-safe-transaction';
import { executeSafeTransaction } from '../safe/execute-safe-transaction';
import { moduleRelayCall } from '../safe/module-relay';
import { readSafeState } from '../safe/read-safe-state';
import type { SafeCall } from '../safe/safe-transaction';
import { safeTransactionTypedData } from '../safe/safe-typed-data';
import { claimAllCall, connectPoolCall, distributeFlowCall, type PayoutPool } from '../superfluid/payout-calls';
import { readMemberPayout } from '../superfluid/read-member-payout';
import { readTimelockOperation } from '../timelock/read-timelock-operation';
import { executeBatchCall, scheduleBatchCall } from '../timelock/timelock-calldata';
import { timelockOperationId } from '../timelock/timelock-operation-id';
import { readVaultMember } from '../vault/read-vault-member';
import { approveDepositCall, approveWithdrawalCall, depositCall } from '../vault/vault-calls';
import { deployDao, type DaoDeployment } from './deploy-dao';

const DAY = 86_400n;
const TOKEN = 10n ** 18n;

describe('deployDao', () => {
  let ctx: DevChainContext & { stop(): Promise<void> };
  let dao: DaoDeployment;
  const treasurers = [1, 2, 3];
  const members = [4, 5, 6];
  const address = (index: number) => ctx.clients.wallet(index).account.address;

  const send = async (index: number, call: SafeCall) => {
    const hash = await ctx.clients.wallet(index).sendTransaction({ to: call.to, data: call.data, value: call.value });
    const receipt = await ctx.clients.public.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`call from account ${index} reverted`);
    return receipt;
  };
  const throughSafe = async (...calls: SafeCall[]) => {
    const { public: client } = ctx.clients;
    const chainId = dao.chainId;
    const transaction = buildSafeTransaction({
      calls,
      nonce: (await readSafeState(client, dao.safe)).nonce,
      multiSendCallOnly: ctx.devChain.safe.multiSendCallOnly,
    });
    const signatures = await Promise.all(
      [1, 3].map(async (i) => ({
        signer: address(i),
        data: await ctx.clients.wallet(i).signTypedData(safeTransactionTypedData({ chainId, safe: dao.safe }, transaction)),
      })),
    );
    return executeSafeTransaction({ wallet: ctx.clients.wallet(0), public: client, safe: dao.safe, chainId, transaction, signatures });
  };
  const advance = async (seconds: bigint) => {
    await ctx.clients.test.increaseTime({ seconds: Number(seconds) });
    await ctx.clients.test.mine({ blocks: 1 });
  };
  const payout = (): PayoutPool => ({
    forwarder: ctx.devChain.superfluid.gdaV1Forwarder,
    token: ctx.devChain.testSuperToken,
    pool: dao.pool,
  });

  beforeAll(async () => {
    ctx = await startPrivateDevChain();
    const { devChain } = ctx;
    dao = await deployDao(
      { wallet: ctx.clients.wallet(0), public: ctx.clients.public },
      {
        singletons: devChain.safe,
        safe: { kind: 'new', treasurers: treasurers.map(address), threshold: 2n },
        timelockDelay: DAY,
        vault: {
          implementation: devChain.communityVaultImplementation,
          asset: devChain.testToken,
          payoutToken: devChain.testSuperToken,
          gdaForwarder: devChain.superfluid.gdaV1Forwarder,
          parameters: {
            accessMode: 0,
            minimumDeposit: TOKEN,
            smallWithdrawalLimitBps: 1_000,
            withdrawalWindow: 86_400,
            emergencyExitWait: 7 * 86_400,
          },
          unitScale: TOKEN,
        },
      },
    );
  });
  afterAll(() => ctx?.stop());

  it('gives the Safe the treasurers as owners, their threshold and the module relay as its only module', async () => {
    const state = await readSafeState(ctx.clients.public, dao.safe);
    expect([...state.owners].sort()).toEqual(treasurers.map(address).sort());
    expect(state.threshold).toBe(2n);
    expect(dao.moduleEnabled).toBe(true);
    const [modules] = await ctx.clients.public.readContract({
      address: dao.safe,
      abi: safeAbi,
      functionName: 'getModulesPaginated',
      args: ['0x0000000000000000000000000000000000000001', 10n],
    });
    expect(modules).toEqual([dao.moduleRelay]);
  });

  it('the relay makes calls as the Safe for the timelock only', async () => {
    const call = moduleRelayCall(dao.moduleRelay, { to: address(9), value: 0n, data: '0x' });
    await expect(send(9, call)).rejects.toThrow();
  });

  it('makes the Safe the only proposer and canceller of the timelock, with an open executor and no admin', async () => {
    const role = (name: string) => keccak256(toHex(name));
    const hasRole = (name: string, account: Address) =>
      ctx.clients.public.readContract({ address: dao.timelock, abi: timelockAbi, functionName: 'hasRole', args: [role(name), account] });
    expect(await hasRole('PROPOSER_ROLE', dao.safe)).toBe(true);
    expect(await hasRole('CANCELLER_ROLE', dao.safe)).toBe(true);
    expect(await hasRole('EXECUTOR_ROLE', '0x0000000000000000000000000000000000000000')).toBe(true);
    expect(await hasRole('DEFAULT_ADMIN_ROLE', address(0))).toBe(false);
    expect(await ctx.clients.public.readContract({ address: dao.timelock, abi: timelockAbi, functionName: 'getMinDelay' })).toBe(DAY);
  });

  it('puts the vault under the timelock, with the Safe as guardian and the vault as its pool admin', async () => {
    const read = <F extends 'owner' | 'guardian' | 'pool'>(functionName: F) =>
      ctx.clients.public.readContract({ address: dao.vault, abi: communityVaultAbi, functionName });
    expect(await read('owner')).toBe(dao.timelock);
    expect(await read('guardian')).toBe(dao.safe);
    expect(await ctx.clients.public.readContract({ address: dao.pool, abi: superfluidPoolAbi, functionName: 'admin' })).toBe(dao.vault);
  });

  it('runs a governed batch: the timelock moves the Safe funds through the relay and approves a withdrawal on the vault', async () => {
    const recipient = getAddress('0x00000000000000000000000000000000000DeC0d');
    await ctx.clients.test.setBalance({ address: dao.safe, value: parseEther('5') });
    const batch = {
      calls: [
        moduleRelayCall(dao.moduleRelay, { to: recipient, value: parseEther('2'), data: '0x' }),
        approveWithdrawalCall(dao.vault, address(4), 50n * TOKEN),
      ],
      predecessor: zeroHash,
      salt: keccak256(toHex('proposal-1')),
    };
    expect((await throughSafe(scheduleBatchCall(dao.timelock, batch, DAY))).outcome).toBe('success');
    await advance(DAY);
    await send(9, executeBatchCall(dao.timelock, batch));
    expect((await readTimelockOperation(ctx.clients.public, dao.timelock, timelockOperationId(batch))).state).toBe('Done');
    expect(await ctx.clients.public.getBalance({ address: recipient })).toBe(parseEther('2'));
    expect((await readVaultMember(ctx.clients.public, dao.vault, address(4))).approvedWithdrawal).toBe(50n * TOKEN);
  });

  it('streams the Safe yield to three depositors pro rata: a connected member live, an unconnected one through claimAll', async () => {
    const { devChain, clients } = ctx;
    const deposits = [100n, 200n, 300n].map((n) => n * TOKEN);
    for (const [i, member] of members.entries()) {
      await send(0, {
        to: devChain.testToken,
        value: 0n,
        data: encodeFunctionData({ abi: testTokenAbi, functionName: 'mint', args: [address(member), deposits[i]] }),
      });
      await send(member, approveDepositCall(devChain.testToken, dao.vault, deposits[i]));
      await send(member, depositCall(dao.vault, deposits[i]));
      expect((await readVaultMember(clients.public, dao.vault, address(member))).units).toBe(deposits[i] / TOKEN);
    }
    // Treasury: the deployer wraps test tokens into the Super Token and gives them to the Safe.
    const treasury = 1_000_000n * TOKEN;
    await send(0, {
      to: devChain.testToken,
      value: 0n,
      data: encodeFunctionData({ abi: testTokenAbi, functionName: 'mint', args: [address(0), treasury] }),
    });
    await send(0, {
      to: devChain.testToken,
      value: 0n,
      data: encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [devChain.testSuperToken, treasury] }),
    });
    await send(0, {
      to: devChain.testSuperToken,
      value: 0n,
      data: encodeFunctionData({ abi: superTokenAbi, functionName: 'upgrade', args: [treasury] }),
    });
    await send(0, {
      to: devChain.testSuperToken,
      value: 0n,
      data: encodeFunctionData({ abi: superTokenAbi, functionName: 'transfer', args: [dao.safe, treasury] }),
    });

    await send(4, connectPoolCall(payout()));
    const requested = 1_000_000_000_000n; // wei per second
    expect((await throughSafe(distributeFlowCall(payout(), dao.safe, requested))).outcome).toBe('success');

    const totalRate = await clients.public.readContract({ address: dao.pool, abi: superfluidPoolAbi, functionName: 'getTotalFlowRate' });
    // The GDA rounds the requested rate down to a multiple of the total units (600): the loss is below 600 wei/s.
    expect(totalRate).toBeLessThanOrEqual(requested);
    expect(requested - totalRate).toBeLessThan(600n);
    const start = await Promise.all(members.map((m) => readMemberPayout(clients.public, payout(), address(m))));
    start.forEach((p, i) => expect(p.flowRate).toBe((totalRate * deposits[i]) / (600n * TOKEN)));
    expect(start.map((p) => p.connected)).toEqual([true, false, false]);

    await advance(DAY);
    const after = await Promise.all(members.map((m) => readMemberPayout(clients.public, payout(), address(m))));
    const elapsed = after[0].timestamp - start[0].timestamp;
    expect(after[0].balance - start[0].balance).toBe(start[0].flowRate * elapsed); // live, already in the balance
    expect(after[1].balance).toBe(0n); // accrued in the pool, not yet claimed
    expect(after[1].claimable).toBe(start[1].flowRate * elapsed);

    await send(9, claimAllCall(payout(), address(5)));
    const claimed = await readMemberPayout(clients.public, payout(), address(5));
    expect(claimed.balance).toBe(start[1].flowRate * (claimed.timestamp - start[1].timestamp));
    expect(claimed.claimable).toBe(0n);
  });

  it('attaches to an existing Safe and hands back the enableModule transaction when no owner signs', async () => {
    const { devChain, clients } = ctx;
    const attached = await deployDao(
      { wallet: clients.wallet(0), public: clients.public },
      {
        singletons: devChain.safe,
        safe: { kind: 'existing', safe: dao.safe },
        timelockDelay: DAY,
        vault: {
          implementation: devChain.communityVaultImplementation,
          asset: devChain.testToken,
          payoutToken: devChain.testSuperToken,
          gdaForwarder: devChain.superfluid.gdaV1Forwarder,
          parameters: {
            accessMode: 1,
            minimumDeposit: TOKEN,
            smallWithdrawalLimitBps: 1_000,
            withdrawalWindow: 86_400,
            emergencyExitWait: 7 * 86_400,
          },
          unitScale: TOKEN,
        },
      },
    );
    expect(attached.safe).toBe(dao.safe);
    expect(attached.moduleEnabled).toBe(false);
    expect(attached.pendingModuleTransaction).toMatchObject({
      to: dao.safe,
      data: encodeFunctionData({ abi: safeAbi, functionName: 'enableModule', args: [attached.moduleRelay] }),
      nonce: (await readSafeState(clients.public, dao.safe)).nonce,
    });
    const { pendingModuleTransaction: tx } = attached;
    expect((await throughSafe({ to: tx!.to, value: tx!.value, data: tx!.data })).outcome).toBe('success');
    expect(
      await clients.public.readContract({ address: dao.safe, abi: safeAbi, functionName: 'isModuleEnabled', args: [attached.moduleRelay] }),
    ).toBe(true);
  });

  describe('a batch whose Safe call fails reverts as a whole: the operation stays ready', () => {
    const payTo = getAddress('0x00000000000000000000000000000000000b0b00');
    const scheduled = async (label: string, value: bigint) => {
      const batch = {
        calls: [moduleRelayCall(dao.moduleRelay, { to: payTo, value, data: '0x' })],
        predecessor: zeroHash,
        salt: keccak256(toHex(label)),
      };
      expect((await throughSafe(scheduleBatchCall(dao.timelock, batch, DAY))).outcome).toBe('success');
      await advance(DAY);
      return batch;
    };
    const stateOf = async (batch: Parameters<typeof timelockOperationId>[0]) =>
      (await readTimelockOperation(ctx.clients.public, dao.timelock, timelockOperationId(batch))).state;

    it('a payment the Safe cannot make reverts executeBatch with the reason', async () => {
      const balance = await ctx.clients.public.getBalance({ address: dao.safe });
      const batch = await scheduled('unpayable', balance + 1n);
      await expect(send(9, executeBatchCall(dao.timelock, batch))).rejects.toThrow();
      expect(await stateOf(batch)).toBe('Ready');
      expect(await ctx.clients.public.getBalance({ address: payTo })).toBe(0n);
    });

    it('whatever gas a stranger gives executeBatch, the operation is either still ready or done with its effect', async () => {
      // A costly Safe call (40 fresh storage slots): with the timelock as the Safe's module, a stranger could give
      // the batch enough gas for the timelock but too little for this call, which the Safe only reports as false;
      // the operation was marked done with no effect.
      const client = { wallet: ctx.clients.wallet(0), public: ctx.clients.public };
      const burner = await deployContract(client, {
        name: 'TestGasBurner',
        ...loadAylluArtifact('src/test/TestGasBurner.sol', 'TestGasBurner'),
      });
      const burnerAbi = parseAbi(['function burn(uint256 count)', 'function written() view returns (uint256)']);
      const burn = encodeFunctionData({ abi: burnerAbi, functionName: 'burn', args: [40n] });
      const batch = {
        calls: [moduleRelayCall(dao.moduleRelay, { to: burner, value: 0n, data: burn })],
        predecessor: zeroHash,
        salt: keccak256(toHex('starved')),
      };
      expect((await throughSafe(scheduleBatchCall(dao.timelock, batch, DAY))).outcome).toBe('success');
      await advance(DAY);
      const call = executeBatchCall(dao.timelock, batch);
      const stranger = ctx.clients.wallet(8);
      const written = () => ctx.clients.public.readContract({ address: burner, abi: burnerAbi, functionName: 'written' });
      const needed = await ctx.clients.public.estimateGas({ account: stranger.account, to: call.to, data: call.data });
      let reverted = 0;
      for (let gas = (needed * 3n) / 4n; gas < needed; gas += 2_000n) {
        // Hardhat mines a failing transaction and answers its sender with the error.
        const sent = await stranger
          .sendTransaction({ to: call.to, data: call.data, gas })
          .then((hash) => ctx.clients.public.waitForTransactionReceipt({ hash }))
          .catch(() => undefined);
        if (sent?.status === 'success') break;
        reverted++;
        expect({ gas, state: await stateOf(batch), written: await written() }).toEqual({ gas, state: 'Ready', written: 0n });
      }
      if ((await stateOf(batch)) === 'Ready')
        await ctx.clients.public.waitForTransactionReceipt({
          hash: await stranger.sendTransaction({ to: call.to, data: call.data, gas: needed }),
        });
      expect(await stateOf(batch)).toBe('Done');
      expect(await written()).toBe(40n);
      expect(reverted).toBeGreaterThan(0);
    });
  });
});
