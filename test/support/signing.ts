import { keccak256, toHex, type Hex } from 'viem';
import { mnemonicToAccount, privateKeyToAccount, type HDAccount, type PrivateKeyAccount } from 'viem/accounts';
import type { SignedAction } from '../../apps/api/src/signatures/signed-actions';
import type { TestApi } from './api';

/** Hardhat's well-known development mnemonic and its first private keys (public knowledge; test only). */
export const HARDHAT_MNEMONIC = 'test test test test test test test test test test test junk';
export const HARDHAT_KEYS: readonly Hex[] = [
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
  '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6',
  '0x47e179ec197488593b187f80a8eb0da603cd9d5b0c3b86f7a35c3d4f27f5e92d',
  '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba',
];

export type TestSigner = PrivateKeyAccount | HDAccount;

/** Whatever signs typed data for an address: a key's account, or a contract wallet's stand-in (its owner signs). */
export type TypedDataSigner = Pick<TestSigner, 'address' | 'signTypedData'>;

/** The account of a private key: pass one of HARDHAT_KEYS (or any key). */
export const signerFor = (key: Hex): TestSigner => privateKeyToAccount(key);

/** Hardhat accounts 0..count-1 of the development mnemonic (the node's default accounts beyond the first 20 too). */
export const hardhatAccounts = (count: number): TestSigner[] =>
  Array.from({ length: count }, (_, addressIndex) => mnemonicToAccount(HARDHAT_MNEMONIC, { addressIndex }));

/** Fast, deterministic extra accounts for tests that need many members (50 voters). */
export const labelledAccounts = (label: string, count: number): TestSigner[] =>
  Array.from({ length: count }, (_, i) => privateKeyToAccount(keccak256(toHex(`ayllu:${label}:${i}`))));

export interface SignedMessage {
  readonly message: Record<string, unknown>;
  readonly signature: Hex;
}

/** Every signed action the API serves typed data for (community pool and rotating pools). */
export type SignedActionName = SignedAction;

/**
 * Asks the API for the typed data of `action` with `intent`, signs it with viem as a wallet would, and
 * returns the body for the action's write route. Throws (with the problem) if the API refuses the intent.
 * `sign` lets a test sign for another chain, or change the message before signing it.
 */
export const signIntent = async (
  api: Pick<TestApi, 'request'>,
  daoId: string,
  action: SignedActionName,
  intent: Record<string, unknown>,
  key: Hex | TypedDataSigner,
  sign: {
    readonly chainId?: number;
    /** Changes the message after the API issued it and before signing (e.g. an expired deadline). */
    readonly mutate?: (message: Record<string, unknown>) => Record<string, unknown>;
  } = {},
): Promise<SignedMessage> => {
  const res = await api.request('POST', `/v1/daos/${daoId}/typed-data/${action}`, { body: intent });
  if (res.status !== 200) throw new Error(`typed-data ${action} answered ${res.status}: ${JSON.stringify(res.body)}`);
  const {
    domain,
    types,
    primaryType,
    message: issued,
  } = res.body as {
    domain: { name: string; version: string; chainId: number };
    types: Record<string, { name: string; type: string }[]>;
    primaryType: string;
    message: Record<string, unknown>;
  };
  const message = sign.mutate ? sign.mutate({ ...issued }) : issued;
  const account = typeof key === 'string' ? privateKeyToAccount(key) : key;
  const { EIP712Domain: _domainType, ...messageTypes } = types;
  const signature = await account.signTypedData({
    domain: { ...domain, chainId: sign.chainId ?? domain.chainId },
    types: messageTypes,
    primaryType,
    message,
  } as Parameters<typeof account.signTypedData>[0]);
  return { message, signature };
};
