import { ApiProperty } from '@nestjs/swagger';

export class SiweChallengeView {
  @ApiProperty({ description: 'The EIP-4361 message to sign with `personal_sign`, exactly as given' }) message!: string;
  @ApiProperty({ example: 'h7Tq0dC1b5Xy...' }) nonce!: string;
  @ApiProperty({ example: '2026-12-01T17:05:00.000Z', description: 'Sign in before this' }) expiresAt!: string;
}

export class AdminSessionView {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <token>` to this DAO’s admin routes. Shown once; only its hash is kept.' })
  token!: string;
  @ApiProperty({ example: '2026-12-01T17:30:00.000Z' }) expiresAt!: string;
  @ApiProperty({ example: 'dao_0193a1b2c3d4e5f60718293a4b5c' }) daoId!: string;
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' }) address!: string;
  @ApiProperty({ example: 'siwe:0x70997970C51812dc3A010C7d01b50e0d17dc79C8', description: 'How events name this admin' }) actor!: string;
}
