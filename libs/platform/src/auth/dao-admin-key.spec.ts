import { adminKeySecretMatches, issueDaoAdminKey, parseDaoAdminKey } from './dao-admin-key';

const DAO = `dao_${'0a'.repeat(14)}`;

describe('DAO admin keys', () => {
  it('issue a key whose parts parse back, with a random id that is no part of the secret', async () => {
    const issued = await issueDaoAdminKey(DAO);
    const parsed = parseDaoAdminKey(issued.key);
    expect(parsed).toMatchObject({ daoId: DAO, keyId: issued.keyId });
    expect(issued.key.endsWith(parsed!.secret)).toBe(true);
    expect(parsed!.secret).not.toContain(issued.keyId.slice(4));
  });

  it('store a salted slow hash that holds no part of the secret, and match only the secret', async () => {
    const issued = await issueDaoAdminKey(DAO);
    const { secret } = parseDaoAdminKey(issued.key)!;
    expect(issued.secretHash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(issued.secretHash).not.toContain(secret);
    expect(await adminKeySecretMatches(secret, issued.secretHash)).toBe(true);
    expect(await adminKeySecretMatches(`${secret.slice(0, -1)}A`, issued.secretHash)).toBe(secret.endsWith('A'));
    expect(await adminKeySecretMatches(secret, 'sha256$whatever')).toBe(false);
    // Two keys with the same secret would still hash differently (the salt).
    const again = await issueDaoAdminKey(DAO);
    expect(again.secretHash).not.toBe(issued.secretHash);
  });

  it('parse only the exact shape', () => {
    expect(parseDaoAdminKey('test-admin-key-0123456789abcdef')).toBeNull();
    expect(parseDaoAdminKey(`ayllu_dak.${DAO}.key_${'1'.repeat(24)}.short`)).toBeNull();
    expect(parseDaoAdminKey(`ayllu_dak.dao_x.key_${'1'.repeat(24)}.${'a'.repeat(43)}`)).toBeNull();
    expect(parseDaoAdminKey(`ayllu_dak.${DAO}.key_${'1'.repeat(24)}.${'a'.repeat(43)}.x`)).toBeNull();
  });
});
