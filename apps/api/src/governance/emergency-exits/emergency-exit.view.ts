import { ApiProperty } from '@nestjs/swagger';
import { MemberView } from '../../governance-reads/members/member.view';

export class EmergencyExitView {
  @ApiProperty({ example: 'dao_0193a1b2c3d4e5f60718293a4b5c' }) daoId!: string;
  @ApiProperty({ type: MemberView }) member!: MemberView;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ description: 'From then on the member may leave with the whole balance' }) availableAt!: string;
}
