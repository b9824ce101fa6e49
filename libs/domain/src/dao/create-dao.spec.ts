import { deciderSpec } from '../testing/given';
import { adminMeta, alice, bob, carol, T0 } from '../testing/fixtures';
import type { CreateDao } from './dao-commands';
import { DAO_DEFAULTS, type DaoConfigurationInput } from './dao-configuration';
import { daoDecider } from './dao-decider';
import { VAULT_LIMITS } from './vault-limits';
import type { DaoCreated } from './dao-events';
import { fold } from '../shared/decider';

const { given } = deciderSpec(daoDecider);

const createDao = (input: Partial<DaoConfigurationInput> = {}): CreateDao => ({
  type: 'CreateDao',
  data: {
    daoId: 'dao-1',
    name: 'Ayllu Cusco',
    founders: [alice, bob],
    ...input,
  },
  metadata: adminMeta(),
});

const created = (overrides: Partial<DaoCreated['data']['configuration']> = {}): DaoCreated => ({
  type: 'DaoCreated',
  data: {
    daoId: 'dao-1',
    configuration: {
      ...DAO_DEFAULTS,
      name: 'Ayllu Cusco',
      treasurerThreshold: 0,
      ...overrides,
    },
    founders: [alice, bob],
    createdAt: T0,
    createdBy: 'admin:key-1',
  },
});

describe('Creating a DAO', () => {
  it('records the configuration with every default applied, the founders, when and by whom', () =>
    given([]).when(createDao()).then([created()]));

  it('uses the documented defaults', () =>
    expect(DAO_DEFAULTS).toMatchObject({
      description: '',
      access: 'open',
      votingType: 'democratic',
      quorumBps: 5100,
      votingPeriodSeconds: 259_200,
      earlyClose: false,
      allowVoteChange: false,
      minimumDeposit: 0n,
      maxMembers: 1000,
      maxActiveProposals: 10,
      smallWithdrawalLimitBps: 1000,
      emergencyExitWaitSeconds: 604_800,
      platformFeeBps: 1000,
      yieldMode: 'compound',
      timelockDelaySeconds: 172_800,
      executionWindowSeconds: 604_800,
      approvalThresholdBps: {
        ADD_MEMBER: 5000,
        REMOVE_MEMBER: 6000,
        WITHDRAW_FUNDS: 5000,
        UPGRADE_CONTRACT: 5000,
      },
      treasurers: [],
    }));

  it('trims the name', () =>
    given([])
      .when(createDao({ name: '  Ayllu Cusco ' }))
      .then([created()]));

  it('keeps given values over defaults and overrides one approval threshold only', () =>
    given([])
      .when(
        createDao({
          quorumBps: 10_000,
          votingType: 'weighted',
          minimumDeposit: 50n,
          approvalThresholdBps: { CHANGE_PARAMETERS: 7500 },
        }),
      )
      .then([
        created({
          quorumBps: 10_000,
          votingType: 'weighted',
          minimumDeposit: 50n,
          approvalThresholdBps: {
            ...DAO_DEFAULTS.approvalThresholdBps,
            CHANGE_PARAMETERS: 7500,
          },
        }),
      ]));

  it('defaults the treasurer threshold to 1 for a single treasurer', () =>
    given([])
      .when(createDao({ treasurers: [carol] }))
      .then([created({ treasurers: [carol], treasurerThreshold: 1 })]));

  it('keeps an optional fee collector', () =>
    given([])
      .when(createDao({ feeCollector: carol }))
      .then([created({ feeCollector: carol })]));

  it('starts the founders as ACTIVE members with one vote each in a democratic DAO', () => {
    const state = fold(daoDecider, [created()]);
    if (state.status !== 'Active') throw new Error('expected an active DAO');
    expect([...state.members.values()].map((m) => [m.address, m.status, m.weight])).toEqual([
      [alice, 'ACTIVE', 1n],
      [bob, 'ACTIVE', 1n],
    ]);
  });

  it('starts founders of a weighted DAO with no weight until they deposit', () => {
    const state = fold(daoDecider, [created({ votingType: 'weighted' })]);
    if (state.status !== 'Active') throw new Error('expected an active DAO');
    expect(state.members.get(alice)?.weight).toBe(0n);
  });

  it('refuses to create a DAO twice', () => given([created()]).when(createDao()).thenThrows('DAO.ALREADY_EXISTS'));

  describe('refuses an invalid configuration, naming every bad field at once', () => {
    it('collects all errors in one DomainError', () => {
      const when = given([]).when(
        createDao({
          name: '   ',
          quorumBps: 0,
          votingPeriodSeconds: 59,
          platformFeeBps: 1001,
          treasurers: [alice, alice.toLowerCase()],
          access: 'secret' as never,
        }),
      );
      when.thenThrows('DAO.INVALID_CONFIGURATION', [
        'name',
        'quorumBps',
        'votingPeriodSeconds',
        'platformFeeBps',
        'treasurers[1]',
        'treasurerThreshold',
        'access',
      ]);
      expect(when.thrown().kind).toBe('invalid');
    });

    it.each<[string, Partial<DaoConfigurationInput>]>([
      ['name', { name: 'x'.repeat(101) }],
      ['description', { description: 'x'.repeat(2001) }],
      ['votingType', { votingType: 'plutocratic' as never }],
      ['quorumBps', { quorumBps: 10_001 }],
      ['quorumBps', { quorumBps: 50.5 }],
      ['votingPeriodSeconds', { votingPeriodSeconds: 90 * 86_400 + 1 }],
      ['earlyClose', { earlyClose: 'yes' as never }],
      ['allowVoteChange', { allowVoteChange: 1 as never }],
      ['minimumDeposit', { minimumDeposit: -1n }],
      ['minimumDeposit', { minimumDeposit: 5 as never }],
      ['maxMembers', { maxMembers: 0 }],
      ['maxMembers', { maxMembers: 100_001 }],
      ['maxActiveProposals', { maxActiveProposals: 101 }],
      ['smallWithdrawalLimitBps', { smallWithdrawalLimitBps: 0 }],
      ['emergencyExitWaitSeconds', { emergencyExitWaitSeconds: -1 }],
      ['emergencyExitWaitSeconds', { emergencyExitWaitSeconds: 3_000_000 }],
      ['emergencyExitWaitSeconds', { emergencyExitWaitSeconds: VAULT_LIMITS.maxEmergencyExitWaitSeconds + 1 }],
      ['minimumDeposit', { minimumDeposit: 2n ** 256n }],
      ['smallWithdrawalLimitBps', { smallWithdrawalLimitBps: 10_001 }],
      ['platformFeeBps', { platformFeeBps: -1 }],
      ['yieldMode', { yieldMode: 'burn' as never }],
      ['timelockDelaySeconds', { timelockDelaySeconds: -1 }],
      ['executionWindowSeconds', { executionWindowSeconds: 59 }],
      ['approvalThresholdBps.REMOVE_MEMBER', { approvalThresholdBps: { REMOVE_MEMBER: 0 } }],
      ['approvalThresholdBps.SELL_EVERYTHING', { approvalThresholdBps: { SELL_EVERYTHING: 5000 } as never }],
      ['treasurers[0]', { treasurers: [alice.toLowerCase()], treasurerThreshold: 1 }],
      [
        'treasurers',
        {
          treasurers: Array.from({ length: 21 }, () => alice),
          treasurerThreshold: 1,
        },
      ],
      ['treasurerThreshold', { treasurers: [alice, bob] }],
      ['treasurerThreshold', { treasurers: [alice, bob], treasurerThreshold: 3 }],
      ['treasurerThreshold', { treasurerThreshold: 1 }],
      ['founders[1]', { founders: [alice, alice] }],
      ['founders', { founders: [alice, bob], maxMembers: 1 }],
      ['feeCollector', { feeCollector: 'me' }],
    ])('%s', (field, input) => {
      const error = given([]).when(createDao(input)).thrown();
      expect(error.code).toBe('DAO.INVALID_CONFIGURATION');
      expect(error.errors.map((e) => e.field)).toContain(field);
    });
  });

  it('accepts the upper boundaries the vault sets', () =>
    expect(
      given([])
        .when(
          createDao({
            maxMembers: VAULT_LIMITS.maxMembers,
            smallWithdrawalLimitBps: VAULT_LIMITS.maxSmallWithdrawalLimitBps,
            emergencyExitWaitSeconds: VAULT_LIMITS.maxEmergencyExitWaitSeconds,
            minimumDeposit: 2n ** 256n - 1n,
          }),
        )
        .result(),
    ).toHaveLength(1));

  it('accepts the boundaries of every range', () =>
    expect(
      given([])
        .when(
          createDao({
            quorumBps: 1,
            votingPeriodSeconds: 60,
            maxMembers: 2,
            maxActiveProposals: 100,
            smallWithdrawalLimitBps: 10_000,
            emergencyExitWaitSeconds: 0,
            platformFeeBps: 0,
            timelockDelaySeconds: 0,
            executionWindowSeconds: 60,
            treasurers: [alice, bob, carol],
            treasurerThreshold: 3,
          }),
        )
        .result(),
    ).toHaveLength(1));
});
