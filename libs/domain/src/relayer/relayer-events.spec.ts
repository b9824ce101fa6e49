import { evolveRelayer, initialRelayerState, noteRelayerBalance, type RelayerEvent, type RelayerState } from './relayer-events';

const reading = (balance: bigint) => ({
  chainId: 31337,
  relayer: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  balance,
  floor: 100n,
  observedAt: '2026-12-01T12:00:00.000Z',
});
const given = (events: readonly RelayerEvent[]): RelayerState => events.reduce(evolveRelayer, initialRelayerState());
const low = noteRelayerBalance(reading(99n), initialRelayerState());

describe('The relayer’s balance', () => {
  it('records nothing while it stays at or above the floor', () => {
    expect(noteRelayerBalance(reading(100n), initialRelayerState())).toEqual([]);
  });

  it('records the fall below the floor once, with the balance and the floor', () => {
    expect(low).toEqual([{ type: 'RelayerBalanceLow', data: reading(99n) }]);
    expect(noteRelayerBalance(reading(1n), given(low))).toEqual([]);
  });

  it('records the way back once, and counts each crossing', () => {
    const restored = noteRelayerBalance(reading(100n), given(low));
    expect(restored).toEqual([{ type: 'RelayerBalanceRestored', data: reading(100n) }]);
    expect(given([...low, ...restored])).toEqual({ low: false, crossings: 2 });
    expect(noteRelayerBalance(reading(500n), given([...low, ...restored]))).toEqual([]);
  });
});
