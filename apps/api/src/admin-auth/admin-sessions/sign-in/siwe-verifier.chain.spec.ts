import { loadConfig } from '@ayllu/platform';
import { hashMessage, type Address } from 'viem';
import { createSiweMessage, generateSiweNonce } from 'viem/siwe';
import { deploySafe } from '../../../../../../libs/chain/src/safe/deploy-safe';
import { fundedAccounts } from '../../../../../../test/chain/accounts';
import { loadDevChain } from '../../../../../../test/chain/dev-chain';
import { SiweVerifier } from './siwe-verifier';

/** Contract wallets sign in through EIP-1271 when the API knows the chain: a Safe of one owner here. */
describe('SiweVerifier on a chain', () => {
  const { devChain, clients } = loadDevChain();
  const config = loadConfig({ NODE_ENV: 'test', RPC_URL: devChain.rpcUrl, ADMIN_API_KEY: 'x'.repeat(24) });
  const verifier = new SiweVerifier(config);
  let safe: Address;
  let owner: Awaited<ReturnType<typeof fundedAccounts>>[number];
  let stranger: typeof owner;

  beforeAll(async () => {
    [owner, stranger] = (await fundedAccounts(clients, 'siwe-verifier', 2)) as [typeof owner, typeof owner];
    const wallet = clients.wallet(owner);
    safe = await deploySafe(
      { wallet, public: clients.public },
      {
        owners: [owner.address],
        threshold: 1n,
        singleton: devChain.safe.safeSingleton,
        proxyFactory: devChain.safe.safeProxyFactory,
        fallbackHandler: devChain.safe.fallbackHandler,
        saltNonce: BigInt(Date.now()),
      },
    );
  });

  const messageFor = (address: Address) => {
    const nonce = generateSiweNonce();
    const now = new Date();
    const message = createSiweMessage({
      domain: config.siwe.domain,
      uri: config.siwe.uri,
      address,
      chainId: config.chainId,
      nonce,
      version: '1',
      issuedAt: now,
      expirationTime: new Date(now.getTime() + 60_000),
    });
    return { message, nonce, now };
  };
  /** A Safe owner's EIP-1271 signature: the Safe's `SafeMessage` over the EIP-191 hash of the sign-in message. */
  const safeSignature = (signer: typeof owner, message: string) =>
    signer.signTypedData({
      domain: { chainId: config.chainId, verifyingContract: safe },
      types: { SafeMessage: [{ name: 'message', type: 'bytes' }] },
      primaryType: 'SafeMessage',
      message: { message: hashMessage(message) },
    });

  it("accepts a Safe's sign-in signed by its owner", async () => {
    const { message, nonce, now } = messageFor(safe);
    const signature = await safeSignature(owner, message);
    expect(await verifier.verify({ message, signature, domain: config.siwe.domain, nonce, address: safe, time: now })).toBe(true);
  });

  it("refuses a Safe's sign-in signed by someone else", async () => {
    const { message, nonce, now } = messageFor(safe);
    const signature = await safeSignature(stranger, message);
    expect(await verifier.verify({ message, signature, domain: config.siwe.domain, nonce, address: safe, time: now })).toBe(false);
  });

  it('still accepts a key’s own signature with the chain known', async () => {
    const { message, nonce, now } = messageFor(owner.address);
    const signature = await owner.signMessage({ message });
    expect(await verifier.verify({ message, signature, domain: config.siwe.domain, nonce, address: owner.address, time: now })).toBe(true);
  });
});
