import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { TOTAL_SHARES } from '@ayllu/domain';
import { IsChainInteger, IsHexAddress } from '../../shared/validation/validators';
import { MessageBinding, SignedBody } from '../../signatures/signed-messages.dto';

const POOL_EXAMPLE = 'share_0193a1b2c3d4e5f60718293a4b5c';
const MEMBER_EXAMPLE = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

/** What every share-pool message carries: who acts, on which pool, and the DAO / nonce / deadline binding. */
export class ShareMessage extends MessageBinding {
  @ApiProperty({ example: MEMBER_EXAMPLE, description: 'The member acting (any case); signs the message' })
  @IsHexAddress()
  member!: string;

  @ApiProperty({ example: POOL_EXAMPLE, description: 'The pool id; must equal the route poolId' })
  @IsString()
  @Length(1, 64)
  pool!: string;
}

/** What a member asks typed data for: who acts on which pool; the server adds the DAO, nonce and deadline. */
export class ShareIntent {
  @ApiProperty({ example: MEMBER_EXAMPLE })
  @IsHexAddress()
  member!: string;

  @ApiProperty({ example: POOL_EXAMPLE })
  @IsString()
  @Length(1, 64)
  pool!: string;

  @ApiPropertyOptional({ example: 1767225600, description: 'uint64 unix seconds; default now + 3600, at most now + 86400' })
  @IsOptional()
  @IsInt()
  @Min(0)
  deadline?: number;
}

const SharesField = () => (target: object, key: string) => {
  ApiProperty({ example: 300, minimum: 1, maximum: TOTAL_SHARES, description: 'Whole shares out of 10,000' })(target, key);
  IsInt()(target, key);
  Min(1)(target, key);
  Max(TOTAL_SHARES)(target, key);
};
const AmountField = (description: string) => (target: object, key: string) => {
  ApiProperty({ example: '1000000000000000000', description: `${description}: uint256, smallest unit, decimal string` })(target, key);
  IsChainInteger('uint256', 1n)(target, key);
};
const CodeField = () => (target: object, key: string) => {
  ApiProperty({ example: 'kX3v9QeTz0b6rJw1mYc2Lg', description: 'The secret one-time code as generated (the server hashes it)' })(
    target,
    key,
  );
  IsString()(target, key);
  Length(8, 64)(target, key);
};
const ToField = () => (target: object, key: string) => {
  ApiProperty({ example: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC', description: 'The recipient (any case)' })(target, key);
  IsHexAddress()(target, key);
};

export class SharePurchaseMessage extends ShareMessage {
  @SharesField() shares!: number;
}
export class SharePurchaseIntent extends ShareIntent {
  @SharesField() shares!: number;
}
export class ShareJoinMessage extends ShareMessage {}
export class ShareJoinIntent extends ShareIntent {}
export class ShareCodeMessage extends ShareMessage {
  @CodeField() code!: string;
}
export class ShareCodeIntent extends ShareIntent {
  @CodeField() code!: string;
}
export class ShareTransferMessage extends ShareMessage {
  @ToField() to!: string;
  @SharesField() shares!: number;
}
export class ShareTransferIntent extends ShareIntent {
  @ToField() to!: string;
  @SharesField() shares!: number;
}
export class ShareAmountMessage extends ShareMessage {
  @AmountField('Purchase-token wei (contribution) or staking-token wei (stake, unstake)') amount!: string;
}
export class ShareAmountIntent extends ShareIntent {
  @AmountField('Purchase-token wei (contribution) or staking-token wei (stake, unstake)') amount!: string;
}

const signed = <M extends new () => ShareMessage>(message: M) => {
  class Signed extends SignedBody {
    @ApiProperty({ type: message })
    @IsObject()
    @ValidateNested()
    @Type(() => message)
    message!: InstanceType<M>;
  }
  Object.defineProperty(Signed, 'name', { value: `Signed${message.name.replace(/Message$/, '')}` });
  return Signed;
};

export const SignedSharePurchase = signed(SharePurchaseMessage);
export type SignedSharePurchase = InstanceType<typeof SignedSharePurchase>;
export const SignedShareJoin = signed(ShareJoinMessage);
export type SignedShareJoin = InstanceType<typeof SignedShareJoin>;
export const SignedShareCode = signed(ShareCodeMessage);
export type SignedShareCode = InstanceType<typeof SignedShareCode>;
export const SignedShareTransfer = signed(ShareTransferMessage);
export type SignedShareTransfer = InstanceType<typeof SignedShareTransfer>;
export const SignedShareAmount = signed(ShareAmountMessage);
export type SignedShareAmount = InstanceType<typeof SignedShareAmount>;
