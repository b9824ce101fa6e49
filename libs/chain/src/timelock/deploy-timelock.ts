import { getAddress, zeroAddress, type Abi, type Address, type Hex, type PublicClient, type WalletClient } from 'viem';

type Artifact = { readonly abi: Abi; readonly bytecode: Hex };

/**
 * Deploys OpenZeppelin's compiled TimelockController with the Safe as the only proposer (and therefore
 * canceller), an open executor (address(0): anyone may run a ready operation) and no admin (address(0): only
 * the timelock itself can change its roles or delay, i.e. through a governed operation).
 */
export async function deployTimelock(
  client: { wallet: WalletClient; public: PublicClient },
  params: { readonly proposer: Address; readonly minDelay: bigint },
): Promise<Address> {
  const account = client.wallet.account;
  if (!account) throw new Error('deployTimelock needs a wallet client with an account');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { abi, bytecode } = require('@openzeppelin/contracts/build/contracts/TimelockController.json') as Artifact;
  const hash = await client.wallet.deployContract({
    abi,
    bytecode,
    args: [params.minDelay, [params.proposer], [zeroAddress], zeroAddress],
    account,
    chain: client.wallet.chain ?? null,
  });
  const receipt = await client.public.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success' || !receipt.contractAddress) throw new Error(`Deploying the timelock failed in ${hash}`);
  return getAddress(receipt.contractAddress);
}
