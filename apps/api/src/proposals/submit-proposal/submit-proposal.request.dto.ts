import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { PROPOSAL_LIMITS, PROPOSAL_TYPES } from '@ayllu/domain';
import { IsHexAddress } from '../../shared/validation/validators';
import { MessageBinding, SignedBody } from '../../signatures/signed-messages.dto';

/** The canonical JSON text of a payload: generous for any proposal type, small next to the 1 MiB body limit. */
export const PAYLOAD_TEXT_MAX_LENGTH = 20_000;

export class ProposalMessage extends MessageBinding {
  @ApiProperty({ example: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' })
  @IsHexAddress()
  proposer!: string;

  @ApiProperty({ enum: PROPOSAL_TYPES, example: 'CHANGE_STRATEGY' })
  @IsIn(PROPOSAL_TYPES)
  type!: string;

  @ApiProperty({ example: 'Move idle funds to the new strategy', maxLength: PROPOSAL_LIMITS.titleMaxLength })
  @IsString()
  @MaxLength(PROPOSAL_LIMITS.titleMaxLength)
  title!: string;

  @ApiProperty({ example: 'The new vault earns 4.1% and has been audited.', maxLength: PROPOSAL_LIMITS.descriptionMaxLength })
  @IsString()
  @MaxLength(PROPOSAL_LIMITS.descriptionMaxLength)
  description!: string;

  @ApiProperty({
    example: '{"strategy":"0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc"}',
    description:
      'The payload as canonical JSON text (keys sorted at every depth, no whitespace, amounts as decimal strings), ' +
      'exactly as the typed-data endpoint wrote it: it is signed as an EIP-712 `string` and stored as parsed.',
  })
  @IsString()
  @MaxLength(PAYLOAD_TEXT_MAX_LENGTH)
  payload!: string;
}

export class SignedProposal extends SignedBody {
  @ApiProperty({ type: ProposalMessage })
  @IsObject()
  @ValidateNested()
  @Type(() => ProposalMessage)
  message!: ProposalMessage;
}
