import { ApiProperty } from '@nestjs/swagger';
import type { Address, DaoState } from '@ayllu/domain';
import { MemberView, memberViewFrom } from '../governance-reads/members/member.view';

export class EmergencyExitView {
  @ApiProperty({ example: 'dao_0193a1b2c3d4e5f60718293a4b5c' }) daoId!: string;
  @ApiProperty({ type: MemberView }) member!: MemberView;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ description: 'From then on the member may leave with the whole balance' }) availableAt!: string;
}

export const toEmergencyExitView = (daoId: string, dao: DaoState, member: Address): EmergencyExitView => {
  const exit = dao.status === 'Active' ? dao.emergencyExits.get(member) : undefined;
  if (!exit) throw new Error(`the emergency exit of ${member} is missing after it was decided`);
  return { daoId, member: memberViewFrom(dao, member), requestedAt: exit.requestedAt, availableAt: exit.availableAt };
};
