import type { DaoState } from '@ayllu/domain';
import { MemberView, memberViewOf } from '../../governance-reads/members/member.view';
import { problem, ProblemException } from '../../shared/problem';

export { MemberView };

/** A write answers with the same member shape as `GET /v1/daos/:id/members/:address`, from the state it wrote. */
export const memberViewFrom = (state: DaoState, address: string): MemberView => {
  const member = state.status === 'Active' ? state.members.get(address as never) : undefined;
  if (!member || state.status !== 'Active') {
    throw new ProblemException(problem(404, 'MEMBER.NOT_FOUND', `${address} is not a member of this DAO`));
  }
  return memberViewOf(member, state.configuration.votingType);
};
