import {
  encodeFunctionData,
  encodePacked,
  getContractAddress,
  hashTypedData,
  hexToBigInt,
  keccak256,
  serializeErc6492Signature,
  zeroAddress,
  type Address,
  type Hex,
  type PublicClient,
} from 'viem';
import { safeAbi } from '../../libs/chain/src/abi/safe-l2';
import { safeProxyFactoryAbi } from '../../libs/chain/src/abi/safe-proxy-factory';
import type { SafeSingletons } from '../../libs/chain/src/local/deploy-safe-singletons';
import type { TestSigner, TypedDataSigner } from './signing';

/**
 * A Safe 1.4.1 (CompatibilityFallbackHandler) as a member's wallet: `signTypedData` returns what the Safe's
 * `isValidSignature(digest, signature)` accepts, its owner's EIP-712 signature of the Safe's `SafeMessage`
 * whose `message` is the digest (domain `{ chainId, verifyingContract: safe }`). `wrap` turns that signature
 * into another form (ERC-6492 for a Safe not deployed yet).
 */
export const safeMemberSigner = (
  safe: Address,
  owner: TestSigner,
  chainId: number,
  wrap: (signature: Hex) => Hex = (signature) => signature,
): TypedDataSigner => {
  const signTypedData = async (typedData: Parameters<typeof hashTypedData>[0]): Promise<Hex> =>
    wrap(
      await owner.signTypedData({
        domain: { chainId, verifyingContract: safe },
        types: { SafeMessage: [{ name: 'message', type: 'bytes' }] },
        primaryType: 'SafeMessage',
        message: { message: hashTypedData(typedData) },
      }),
    );
  return { address: safe, signTypedData: signTypedData as TypedDataSigner['signTypedData'] };
};

export interface CounterfactualSafe {
  /** Where `createProxyWithNonce(singleton, initializer, saltNonce)` will put the Safe. */
  readonly address: Address;
  readonly factory: Address;
  /** The factory call that deploys it: what an ERC-6492 signature carries. */
  readonly factoryData: Hex;
}

/** A Safe of one owner, threshold 1, that is not deployed: its address and the call that would deploy it. */
export async function counterfactualSafe(
  client: PublicClient,
  singletons: SafeSingletons,
  owner: Address,
  saltNonce: bigint,
): Promise<CounterfactualSafe> {
  const { safeSingleton, safeProxyFactory, fallbackHandler } = singletons;
  const initializer = encodeFunctionData({
    abi: safeAbi,
    functionName: 'setup',
    args: [[owner], 1n, zeroAddress, '0x', fallbackHandler, zeroAddress, 0n, zeroAddress],
  });
  const creationCode = await client.readContract({
    address: safeProxyFactory,
    abi: safeProxyFactoryAbi,
    functionName: 'proxyCreationCode',
  });
  const address = getContractAddress({
    opcode: 'CREATE2',
    from: safeProxyFactory,
    salt: keccak256(encodePacked(['bytes32', 'uint256'], [keccak256(initializer), saltNonce])),
    bytecode: encodePacked(['bytes', 'uint256'], [creationCode, hexToBigInt(safeSingleton)]),
  });
  const factoryData = encodeFunctionData({
    abi: safeProxyFactoryAbi,
    functionName: 'createProxyWithNonce',
    args: [safeSingleton, initializer, saltNonce],
  });
  return { address, factory: safeProxyFactory, factoryData };
}

/** The ERC-6492 form of a signature the counterfactual Safe will accept once `factoryData` has deployed it. */
export const erc6492 =
  (safe: CounterfactualSafe) =>
  (signature: Hex): Hex =>
    serializeErc6492Signature({ address: safe.factory, data: safe.factoryData, signature });
