import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@ayllu/platform';
import { createPublicClient, custom, http, type Hex, type PublicClient } from 'viem';
import { verifySiweMessage } from 'viem/siwe';
import { APP_CONFIG } from '../../../shared/tokens';

/**
 * viem's `verifySiweMessage` against this deployment's chain: with RPC_URL set, contract wallets
 * (EIP-1271, ERC-6492) sign in too; without it, only keys can (the check falls back to ECDSA recovery).
 */
@Injectable()
export class SiweVerifier {
  private readonly client: PublicClient;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const transport = config.rpcUrl
      ? http(config.rpcUrl)
      : custom({ request: () => Promise.reject(new Error('no chain RPC is configured')) }, { retryCount: 0 });
    this.client = createPublicClient({ transport });
  }

  async verify(params: {
    message: string;
    signature: Hex;
    domain: string;
    nonce: string;
    address: `0x${string}`;
    time: Date;
  }): Promise<boolean> {
    try {
      return await verifySiweMessage(this.client, params);
    } catch {
      // A malformed signature, or a contract wallet that cannot be asked: not a valid sign-in either way.
      return false;
    }
  }
}
