import { ApiProperty } from '@nestjs/swagger';

/** `eth_signTypedData_v4` input: sign it as is and send `{ message, signature }` to the action's route. */
export class TypedDataView {
  @ApiProperty({ example: { name: 'Ayllu', version: '1', chainId: 31337 } }) domain!: Record<string, unknown>;
  @ApiProperty({
    example: {
      EIP712Domain: [
        { name: 'name', type: 'string' },
        { name: 'version', type: 'string' },
        { name: 'chainId', type: 'uint256' },
      ],
      Vote: [
        { name: 'voter', type: 'address' },
        { name: 'proposalId', type: 'string' },
        { name: 'support', type: 'string' },
        { name: 'reason', type: 'string' },
        { name: 'dao', type: 'string' },
        { name: 'nonce', type: 'bytes32' },
        { name: 'deadline', type: 'uint64' },
      ],
    },
  })
  types!: Record<string, unknown>;
  @ApiProperty({ example: 'Vote' }) primaryType!: string;
  @ApiProperty({
    example: {
      voter: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
      proposalId: 'prop_0193a1b2c3d4e5f60718293a4b5c',
      support: 'for',
      reason: '',
      dao: 'dao_0193a1b2c3d4e5f60718293a4b5c',
      nonce: '0x5f0c7b7cbb4f2f8e2c8a4f6d0e1b3c5a7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a',
      deadline: 1767225600,
    },
  })
  message!: Record<string, unknown>;
}
