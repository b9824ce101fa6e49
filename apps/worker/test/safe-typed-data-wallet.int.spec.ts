import { loadConfig } from '@ayllu/platform';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { privateKeyToAccount } from 'viem/accounts';
import { signTypedData, SignTypedDataVersion, type MessageTypes, type TypedMessage } from '@metamask/eth-sig-util';
import { getAddress, keccak256, toHex, type Address } from 'viem';
import { createApiApp } from '../../api/src/bootstrap';
import { createDao, passProposal, startExecutionWorld, type ExecutionWorld } from './execution-harness';
import { treasurersOf } from './execution-treasurers';

jest.setTimeout(180_000);

/**
 * Wallets sign the Safe transaction's typed data exactly as the API serves it: the served JSON goes unchanged
 * to MetaMask's signing library (`@metamask/eth-sig-util`, V4) and to the Hardhat node's `eth_signTypedData_v4`.
 * Both signatures are accepted and the transaction executes. Without `EIP712Domain` in the served types,
 * MetaMask hashes an empty domain and its signature recovers to someone else.
 */
describe('Safe typed data as served, signed by a wallet', () => {
  let world: ExecutionWorld;
  let api: NestFastifyApplication;
  let base: string;
  beforeAll(async () => {
    world = await startExecutionWorld();
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: world.db.url, LOG_LEVEL: 'silent', RPC_URL: world.devChain.rpcUrl });
    api = await createApiApp({ config, pool: world.db.pool, adminApiKey: 'wallet-typed-data-admin-key-0123456789' });
    await api.listen({ port: 0, host: '127.0.0.1' });
    base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    await world.startDriver();
  });
  afterAll(async () => {
    await api?.close();
    await world?.stop();
  });

  it('is accepted from the MetaMask library and eth_signTypedData_v4 over the served document, unchanged, and the transaction executes', async () => {
    // Hardhat's unlocked development accounts #3-#5 are the treasurers: the node signs for them.
    // One treasurer signs with MetaMask's own library (@metamask/eth-sig-util), one through the Hardhat node's
    // eth_signTypedData_v4 for its unlocked account #3; a third never signs.
    const metamaskKey = keccak256(toHex('wallet-typed-data:metamask'));
    const metamask = privateKeyToAccount(metamaskKey).address;
    const accounts = await world.clients.public.request({ method: 'eth_accounts' } as never);
    const node = getAddress(accounts[3]);
    const idle = privateKeyToAccount(keccak256(toHex('wallet-typed-data:idle'))).address;
    const dao = await createDao(world, { treasurers: [metamask, node, idle], treasurerThreshold: 2 });
    const proposalId = await passProposal(world, dao.daoId, 'ADD_MEMBER', {
      member: privateKeyToAccount(keccak256(toHex('wallet-typed-data:newcomer'))).address,
    });
    const treasurers = treasurersOf(world, base, dao);
    const { safeTxHash } = await treasurers.pendingTx(proposalId);
    const served = await (await fetch(`${base}/v1/daos/${dao.daoId}/safe-transactions/${safeTxHash}`)).text();
    const { typedData } = JSON.parse(served) as { typedData: { types: Record<string, unknown> } };
    expect(Object.keys(typedData.types)).toContain('EIP712Domain');
    const document = JSON.stringify(typedData);
    const post = (signer: Address, signature: string) =>
      treasurers.post(`/v1/daos/${dao.daoId}/safe-transactions/${safeTxHash}/signatures`, { signer, signature });

    const byMetamask = signTypedData({
      privateKey: Buffer.from(metamaskKey.slice(2), 'hex'),
      data: JSON.parse(document) as TypedMessage<MessageTypes>,
      version: SignTypedDataVersion.V4,
    });
    expect(await post(metamask, byMetamask)).toMatchObject({ status: 200 });
    const byNode = await world.clients.public.request({ method: 'eth_signTypedData_v4', params: [node, document] } as never);
    expect(await post(node, byNode)).toMatchObject({ status: 200 });
    await treasurers.proposalEvent(proposalId, ['ProposalScheduled']);
  });
});
