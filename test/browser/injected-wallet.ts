import { signTypedData, SignTypedDataVersion, type MessageTypes, type TypedMessage } from '@metamask/eth-sig-util';
import type { BrowserContext } from 'playwright-core';
import { toHex, type Hex } from 'viem';
import type { PrivateKeyAccount } from 'viem/accounts';
import type { DevClients } from '../../libs/chain/src/local/dev-clients';

/** EIP-1193 errors a wallet answers with. */
const USER_REJECTED = { code: 4001, message: 'User rejected the request.' };
const UNKNOWN_CHAIN = (id: string) => ({ code: 4902, message: `Unrecognized chain ID "${id}". Try adding the chain first.` });

/** What the test can change while the page runs: which chain the wallet is on, what the person declines. */
export interface WalletControls {
  chainId: number;
  /** Methods the person declines (4001), e.g. eth_signTypedData_v4 or wallet_switchEthereumChain. */
  readonly refuse: Set<string>;
  /** Every typed-data document the page asked to sign, as the wallet received it (a JSON string). */
  readonly signedTypedData: string[];
}

type RpcAnswer = { result?: unknown; error?: { code: number; message: string } };

/**
 * Gives every page of `context` a `window.ethereum` backed by `account` on the local node, as a browser wallet would be:
 * the page's EIP-1193 requests reach a Node function (exposed to the page) that answers account and chain questions,
 * signs typed data by parsing the JSON the page passed and signing it as MetaMask does (eth-sig-util, V4, the given
 * `types` including EIP712Domain), signs personal messages, sends transactions to the node and forwards reads to it.
 */
export async function injectWallet(
  context: BrowserContext,
  account: PrivateKeyAccount,
  privateKey: Hex,
  chain: { clients: DevClients; rpcUrl: string; chainId: number },
): Promise<WalletControls> {
  const controls: WalletControls = { chainId: chain.chainId, refuse: new Set(), signedTypedData: [] };
  const forward = async (method: string, params: unknown[]): Promise<RpcAnswer> => {
    const response = await fetch(chain.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    });
    const body = (await response.json()) as RpcAnswer;
    return body.error ? { error: body.error } : { result: body.result };
  };
  const answer = async (method: string, params: unknown[]): Promise<RpcAnswer> => {
    if (controls.refuse.has(method)) return { error: USER_REJECTED };
    switch (method) {
      case 'eth_requestAccounts':
      case 'eth_accounts':
        return { result: [account.address] };
      case 'eth_chainId':
        return { result: toHex(controls.chainId) };
      case 'net_version':
        return { result: String(controls.chainId) };
      case 'wallet_requestPermissions':
        return { result: [{ parentCapability: 'eth_accounts' }] };
      case 'wallet_getPermissions':
        return { result: [{ parentCapability: 'eth_accounts' }] };
      case 'wallet_switchEthereumChain': {
        const wanted = (params[0] as { chainId: string }).chainId;
        if (Number(wanted) !== chain.chainId) return { error: UNKNOWN_CHAIN(wanted) };
        controls.chainId = Number(wanted);
        return { result: null, chainChanged: toHex(controls.chainId) } as RpcAnswer;
      }
      case 'eth_signTypedData_v4': {
        const [signer, json] = params as [string, string];
        if (signer.toLowerCase() !== account.address.toLowerCase()) return { error: { code: 4100, message: 'Unknown account' } };
        controls.signedTypedData.push(json);
        const data = JSON.parse(json) as TypedMessage<MessageTypes>;
        return { result: signTypedData({ privateKey: Buffer.from(privateKey.slice(2), 'hex'), data, version: SignTypedDataVersion.V4 }) };
      }
      case 'personal_sign': {
        const [message] = params as [Hex];
        return { result: await account.signMessage({ message: { raw: message } }) };
      }
      case 'eth_sendTransaction': {
        if (controls.chainId !== chain.chainId) return { error: { code: -32000, message: 'The wallet is on another chain' } };
        const tx = params[0] as { to: Hex; data?: Hex; value?: Hex; gas?: Hex };
        const hash = await chain.clients.wallet(account).sendTransaction({
          account,
          to: tx.to,
          data: tx.data,
          value: tx.value ? BigInt(tx.value) : 0n,
          ...(tx.gas && { gas: BigInt(tx.gas) }),
          chain: null,
        } as never);
        return { result: hash };
      }
      default:
        return forward(method, params);
    }
  };
  await context.exposeFunction('__aylluWallet', async (method: string, params: string) => {
    try {
      return JSON.stringify(await answer(method, JSON.parse(params) as unknown[]));
    } catch (error) {
      return JSON.stringify({ error: { code: -32603, message: error instanceof Error ? error.message.split('\n')[0] : String(error) } });
    }
  });
  await context.addInitScript(() => {
    type Listener = (...args: unknown[]) => void;
    const listeners = new Map<string, Set<Listener>>();
    const emit = (event: string, value: unknown) => listeners.get(event)?.forEach((l) => l(value));
    const bridge = (window as unknown as { __aylluWallet: (m: string, p: string) => Promise<string> }).__aylluWallet;
    const ethereum = {
      isMetaMask: false,
      request: async ({ method, params }: { method: string; params?: unknown[] }) => {
        const raw = await bridge(method, JSON.stringify(params ?? []));
        const answer = JSON.parse(raw) as { result?: unknown; error?: { code: number; message: string }; chainChanged?: string };
        if (answer.error) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
        if (answer.chainChanged) setTimeout(() => emit('chainChanged', answer.chainChanged), 0);
        if (method === 'eth_requestAccounts') setTimeout(() => emit('connect', { chainId: undefined }), 0);
        return answer.result;
      },
      on: (event: string, listener: Listener) => {
        if (!listeners.has(event)) listeners.set(event, new Set());
        listeners.get(event)!.add(listener);
        return ethereum;
      },
      removeListener: (event: string, listener: Listener) => {
        listeners.get(event)?.delete(listener);
        return ethereum;
      },
    };
    (window as unknown as { ethereum: unknown }).ethereum = ethereum;
  });
  return controls;
}
