// Runs on private nodes (usePrivateVault). Seed 002's rounding examples, with the vault's unit scale.
import { parseEther } from 'viem';
import { gdaForwarderAbi, superfluidPoolAbi } from '@ayllu/chain';
import { usePrivateVault, type PrivateVault } from '../../test/chain/private-vault';

const MONTH = 30n * 86_400n;

async function threeMembersOfOneToken(chain: PrivateVault) {
  for (const member of chain.members) {
    await chain.steps.fundAndApprove(member, parseEther('1'));
    await chain.steps.deposit(member, parseEther('1'));
  }
}

const estimate = (chain: PrivateVault, flowRate: bigint) =>
  chain.clients.public.readContract({
    address: chain.devChain.superfluid.gdaV1Forwarder,
    abi: gdaForwarderAbi,
    functionName: 'estimateFlowDistributionActualFlowRate',
    args: [chain.devChain.testSuperToken, chain.guardian.address, chain.pool, flowRate],
  });

describe('GDA rounding (seed 002)', () => {
  describe('with one unit per whole token (the vault default)', () => {
    const chain = usePrivateVault({ members: 3 });

    it('example 1: 100 wei/s over 3 units streams 99, 33 per member, 1 wei/s left undistributed', async () => {
      await threeMembersOfOneToken(chain());
      expect(
        await chain().clients.public.readContract({ address: chain().pool, abi: superfluidPoolAbi, functionName: 'getTotalUnits' }),
      ).toBe(3n);
      const [actual] = await estimate(chain(), 100n);
      expect(actual).toBe(99n);
    });

    it('a realistic rate (1,000 tokens a month) loses less than the total units per second', async () => {
      await threeMembersOfOneToken(chain());
      const requested = parseEther('1000') / MONTH;
      const [actual] = await estimate(chain(), requested);
      expect(requested - actual).toBeLessThan(3n);
      expect(actual).toBeGreaterThan(0n);
    });
  });

  describe('with units equal to raw shares (unit scale 1)', () => {
    const chain = usePrivateVault({ members: 3, unitScale: 1n });

    it('example 2 at scale: the same realistic rate rounds to zero per unit, nothing is streamed', async () => {
      await threeMembersOfOneToken(chain());
      const [actual] = await estimate(chain(), parseEther('1000') / MONTH);
      expect(actual).toBe(0n);
    });
  });
});
