import { DomainError } from '../shared/domain-error';
import { addressOf, at, DAY, T0 } from '../testing/fixtures';
import { creatorSafe, purchaseToken, sharePoolInput, sharePoolLog, stakingToken } from '../testing/share-pool';
import type { SharePoolConfigurationInput } from './share-pool-configuration';
import { validateSharePoolConfiguration } from './validate-share-pool-configuration';

const fieldsOf = (input: SharePoolConfigurationInput): string[] => {
  try {
    validateSharePoolConfiguration(input);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('SHARE_POOL.INVALID_CONFIGURATION');
    return (error as DomainError).errors.map((e) => e.field).sort();
  }
  return [];
};

describe('share pool configuration', () => {
  it('applies the defaults to a buy pool', () =>
    expect(validateSharePoolConfiguration(sharePoolInput())).toMatchObject({
      name: 'Solar Farm Alpha',
      ticker: 'SFA',
      description: '',
      maxParticipants: 0,
      visibility: 'public',
      wayToAccess: 'buy',
      distributionType: 'trusted',
      estimatedApr: null,
      expiration: null,
      transfersAllowed: false,
      crowdfunding: null,
      staking: null,
      accessConditions: [],
    }));

  it('names every invalid field at once', () =>
    expect(
      fieldsOf({
        daoId: '',
        creator: '0x12',
        name: '',
        ticker: 'sfa!',
        description: 'x'.repeat(2_001),
        maxParticipants: -1,
        visibility: 'secret',
        wayToAccess: 'lottery',
        distributionType: 'tr',
        estimatedApr: '12.345',
        distributionToken: 'nope',
        purchaseToken: 7,
        expiration: 'tomorrow',
        creatorShares: 10_000,
        pricePerShare: 5n,
        transfersAllowed: 'yes',
        accessConditions: 'everyone',
      }),
    ).toEqual(
      [
        'daoId',
        'creator',
        'name',
        'ticker',
        'description',
        'maxParticipants',
        'visibility',
        'wayToAccess',
        'distributionType',
        'estimatedApr',
        'distributionToken',
        'purchaseToken',
        'expiration',
        'creatorShares',
        'pricePerShare',
        'transfersAllowed',
        'accessConditions',
      ].sort(),
    ));

  it('requires a price and a purchase token to sell shares', () =>
    expect(fieldsOf(sharePoolInput({ pricePerShare: 0n, purchaseToken: undefined }))).toEqual(['pricePerShare', 'purchaseToken']));

  it('requires the terms of the way in, and refuses terms of another', () => {
    expect(fieldsOf(sharePoolInput({ wayToAccess: 'crowdfunding', pricePerShare: undefined }))).toEqual(['crowdfunding']);
    expect(
      fieldsOf(sharePoolInput({ wayToAccess: 'crowdfunding', pricePerShare: undefined, crowdfunding: { target: 0n, deadline: 'soon' } })),
    ).toEqual(['crowdfunding.deadline', 'crowdfunding.target']);
    expect(
      fieldsOf(
        sharePoolInput({ wayToAccess: 'staking', pricePerShare: undefined, staking: { token: stakingToken, ratePerTokenSecond: -1n } }),
      ),
    ).toEqual(['staking.ratePerTokenSecond']);
    expect(fieldsOf(sharePoolInput({ staking: { token: stakingToken, ratePerTokenSecond: 1n } }))).toEqual(['staking']);
  });

  it('refuses a crowdfunding deadline after the expiration', () =>
    expect(
      fieldsOf(
        sharePoolInput({
          wayToAccess: 'crowdfunding',
          pricePerShare: undefined,
          expiration: at(DAY),
          crowdfunding: { target: 1n, deadline: at(2 * DAY) },
        }),
      ),
    ).toEqual(['crowdfunding.deadline']));

  it('checksums addresses given in one case, and refuses a mixed-case address with a wrong checksum', () => {
    const config = validateSharePoolConfiguration(
      sharePoolInput({ creator: creatorSafe.toLowerCase(), purchaseToken: `0x${purchaseToken.slice(2).toUpperCase()}` }),
    );
    expect([config.creator, config.purchaseToken]).toEqual([creatorSafe, purchaseToken]);
    const flipped = creatorSafe.replace(/[a-f]/, (c) => c.toUpperCase());
    expect(fieldsOf(sharePoolInput({ creator: flipped }))).toEqual(['creator']);
  });

  it('checks each access condition, naming the entry', () => {
    const a = addressOf('a');
    expect(
      fieldsOf(
        sharePoolInput({
          accessConditions: [
            { kind: 'allowlist', addresses: [a, a.toLowerCase(), '0x1'] },
            { kind: 'minimumBalance', token: purchaseToken, amount: 0n },
            { kind: 'passport' },
          ],
        }),
      ),
    ).toEqual([
      'accessConditions[0].addresses[1]',
      'accessConditions[0].addresses[2]',
      'accessConditions[1].amount',
      'accessConditions[2].kind',
    ]);
  });

  it('refuses an expiration or deadline already past when the pool is created', () => {
    const log = sharePoolLog();
    let caught: unknown;
    try {
      log.run('CreateSharePool', { poolId: 'p', ...sharePoolInput({ expiration: T0 }) }, at(1));
    } catch (error) {
      caught = error;
    }
    expect((caught as DomainError).errors).toEqual([{ field: 'expiration', message: 'must be in the future' }]);
  });
});
