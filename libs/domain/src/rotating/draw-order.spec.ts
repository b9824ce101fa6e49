import type { Hash } from '../shared/hex';
import { members } from '../testing/rosca-pool';
import { drawOrder, lotteryCommitment } from './draw-order';

describe('drawOrder (verifiable lottery)', () => {
  it('binds a commitment to its member: the same secret commits differently for another member', () => {
    const [a, b] = members(2);
    const s: Hash = `0x${'11'.repeat(32)}`;
    expect(lotteryCommitment(s, a)).not.toBe(lotteryCommitment(s, b));
  });

  it('spreads the first place over the members (no fixed favourite)', () => {
    const pool = members(4);
    const first = new Map<string, number>();
    for (let k = 0; k < 400; k++) {
      const secrets = pool.map((_, i): Hash => `0x${(k * 4 + i).toString(16).padStart(64, '0')}`);
      const winner = drawOrder({ members: pool, secrets })[0];
      first.set(winner, (first.get(winner) ?? 0) + 1);
    }
    for (const m of pool) expect(first.get(m) ?? 0).toBeGreaterThan(60);
  });
});
