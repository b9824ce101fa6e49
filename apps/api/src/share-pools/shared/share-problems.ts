import { problem, ProblemException, retryLater } from '../../shared/problem';

/** The share pools' refusals made by the API itself (the domain's own come as DomainErrors). */
export const shareProblems = {
  poolNotFound: (daoId: string, poolId: string) =>
    new ProblemException(problem(404, 'SHARE_POOL.NOT_FOUND', `DAO ${daoId} has no share pool ${poolId}`)),
  wrongPool: (expected: string) =>
    new ProblemException(
      problem(400, 'SIGNATURE.WRONG_POOL', `The message was signed for another pool, not ${expected}`, {
        errors: [{ field: 'message.pool', message: `must be ${expected}` }],
      }),
    ),
  daoContractsNotDeployed: (daoId: string) =>
    retryLater(
      problem(
        409,
        'SHARE_POOL.DAO_NOT_DEPLOYED',
        `DAO ${daoId} has no deployed Safe yet: its Safe is the pool's creator, so a pool can be created once the DAO's contracts are deployed`,
      ),
      30,
    ),
  notDeployed: (poolId: string) =>
    retryLater(
      problem(
        409,
        'SHARE_POOL.NOT_DEPLOYED',
        `The contract of share pool ${poolId} is not deployed yet. Nothing was recorded; send it again shortly`,
      ),
      10,
    ),
  notDaoMember: (daoId: string, member: string) =>
    new ProblemException(
      problem(
        403,
        'SHARE_POOL.NOT_A_DAO_MEMBER',
        `${member} is not an active member of DAO ${daoId}: only its members act on its private pools`,
        {
          errors: [{ field: 'message.member', message: 'must be an active member of the DAO (the pool is private)' }],
        },
      ),
    ),
  allowanceTooLow: (spender: string, token: string, amount: bigint, allowance: bigint) =>
    new ProblemException(
      problem(
        422,
        'SHARE_POOL.ALLOWANCE_TOO_LOW',
        `Approve ${spender} (the pool's contract) to spend at least ${amount} of token ${token} first; the allowance is ${allowance}`,
        { errors: [{ field: 'allowance', message: `approve spender ${spender} for at least ${amount} of token ${token}` }] },
      ),
    ),
  balanceTooLow: (token: string, amount: bigint, balance: bigint) =>
    new ProblemException(
      problem(422, 'SHARE_POOL.BALANCE_TOO_LOW', `The member holds ${balance} of token ${token}; ${amount} is needed`, {
        errors: [{ field: 'balance', message: `must be at least ${amount} of token ${token}` }],
      }),
    ),
  chainUnavailable: (kind: string) =>
    retryLater(
      problem(503, 'CHAIN.UNAVAILABLE', `Balances could not be read from the chain (${kind}); nothing was recorded, send it again shortly`),
      5,
    ),
};
