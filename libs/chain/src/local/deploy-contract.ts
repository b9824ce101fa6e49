import { getAddress, type Abi, type Address, type Hex, type PublicClient, type WalletClient } from 'viem';

/** Deploys a contract and waits for it, failing loudly: the deploy code never goes on without an address. */
export async function deployContract(
  client: { wallet: WalletClient; public: PublicClient },
  contract: { name: string; abi: Abi; bytecode: Hex; args?: readonly unknown[] },
): Promise<Address> {
  const account = client.wallet.account;
  if (!account) throw new Error(`Deploying ${contract.name} needs a wallet client with an account`);
  const hash = await client.wallet.deployContract({
    abi: contract.abi,
    bytecode: contract.bytecode,
    args: contract.args ?? [],
    account,
    chain: client.wallet.chain ?? null,
  });
  const receipt = await client.public.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success' || !receipt.contractAddress) {
    throw new Error(`Deploying ${contract.name} failed in transaction ${hash}`);
  }
  return getAddress(receipt.contractAddress);
}
