import { ApiProperty } from '@nestjs/swagger';
import { keyIsLive, type DaoAdminKey } from '@ayllu/domain';

export class AdminKeyView {
  @ApiProperty({ example: 'key_5f0c3a9e2b7d4c1a8e6f0b3d', description: 'Events name the key `admin-key:<id>`' }) id!: string;
  @ApiProperty({ example: 'dao_0193a1b2c3d4e5f60718293a4b5c' }) daoId!: string;
  @ApiProperty({ example: 'treasury ops' }) name!: string;
  @ApiProperty({ enum: ['active', 'revoked', 'expired'] }) status!: 'active' | 'revoked' | 'expired';
  @ApiProperty({ example: '2027-03-01T00:00:00.000Z' }) expiresAt!: string;
  @ApiProperty({ example: '2026-12-01T17:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: 'admin:platform' }) createdBy!: string;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'admin:platform' }) revokedBy!: string | null;
}

export class AdminKeyWithSecretView extends AdminKeyView {
  @ApiProperty({
    example: 'ayllu_dak.dao_0193a1b2c3d4e5f60718293a4b5c.key_5f0c3a9e2b7d4c1a8e6f0b3d.q2V...',
    nullable: true,
    type: String,
    description:
      'The key itself, shown this once: only its hash is kept. Send it as `Authorization: Bearer <key>`. ' +
      'Null when the answer replays an earlier request with the same Idempotency-Key.',
  })
  key!: string | null;
}

export const adminKeyView = (daoId: string, key: DaoAdminKey, now: string = new Date().toISOString()): AdminKeyView => ({
  id: key.keyId,
  daoId,
  name: key.name,
  status: key.revokedAt !== null ? 'revoked' : keyIsLive(key, now) ? 'active' : 'expired',
  expiresAt: key.expiresAt,
  createdAt: key.createdAt,
  createdBy: key.createdBy,
  revokedAt: key.revokedAt,
  revokedBy: key.revokedBy,
});
