import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ProposalView } from '../views/proposal.view';

/** The ballot just recorded, with the proposal's state and live tally after it. */
export class VoteView {
  @ApiProperty({ example: 'prop_0193a1b2c3d4e5f60718293a4b5c' }) proposalId!: string;
  @ApiProperty({ example: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' }) voter!: string;
  @ApiProperty({ enum: ['for', 'against', 'abstain'] }) support!: string;
  @ApiProperty({ example: '1', description: 'The weight frozen for this voter when the proposal opened' }) weight!: string;
  @ApiProperty({ enum: ['for', 'against', 'abstain'], nullable: true, description: 'The earlier choice this ballot changes' })
  replaces!: string | null;
  @ApiProperty() castAt!: string;
  @ApiPropertyOptional({ example: 'Better yield, same risk' }) reason?: string;
  @ApiProperty({ type: ProposalView }) proposal!: ProposalView;
}
