import type { TypedDataDomain } from 'viem';
import { ACTION_SCHEMAS, type SignedAction } from './signed-actions';

/** Decided: `{ name: 'Ayllu', version: '1', chainId }`; no verifying contract (the server verifies). */
export const ayllu712Domain = (chainId: number): TypedDataDomain => ({ name: 'Ayllu', version: '1', chainId });

const EIP712_DOMAIN = [
  { name: 'name', type: 'string' },
  { name: 'version', type: 'string' },
  { name: 'chainId', type: 'uint256' },
];

/** What a client signs, exactly as `POST /typed-data/:action` returns it (eth_signTypedData_v4 input). */
export interface TypedDataDocument {
  readonly domain: TypedDataDomain;
  readonly types: Record<string, readonly { name: string; type: string }[]>;
  readonly primaryType: string;
  readonly message: Record<string, unknown>;
}

export const typedDataFor = (action: SignedAction, chainId: number, message: Record<string, unknown>): TypedDataDocument => {
  const schema = ACTION_SCHEMAS[action];
  return {
    domain: ayllu712Domain(chainId),
    types: { EIP712Domain: EIP712_DOMAIN, [schema.primaryType]: schema.fields },
    primaryType: schema.primaryType,
    message: Object.fromEntries(schema.fields.map((f) => [f.name, message[f.name]])),
  };
};
