import { problem, ProblemException } from '../shared/problem';

/** The signature refusals, each with a stable code clients may branch on. Nothing is appended for any. */
export const signatureProblems = {
  invalid: (detail: string) => new ProblemException(problem(401, 'SIGNATURE.INVALID', detail)),
  expired: (deadline: number) =>
    new ProblemException(
      problem(400, 'SIGNATURE.EXPIRED', `The message deadline ${deadline} has passed; request new typed data and sign again`, {
        errors: [{ field: 'message.deadline', message: 'has passed' }],
      }),
    ),
  tooFar: (max: number) =>
    new ProblemException(
      problem(400, 'SIGNATURE.DEADLINE_TOO_FAR', `The deadline may be at most 24 h ahead (${max})`, {
        errors: [{ field: 'message.deadline', message: `must be at most ${max}` }],
      }),
    ),
  wrongDao: (expected: string) =>
    new ProblemException(
      problem(400, 'SIGNATURE.WRONG_DAO', `The message was signed for another DAO, not ${expected}`, {
        errors: [{ field: 'message.dao', message: `must be ${expected}` }],
      }),
    ),
  replayed: () => new ProblemException(problem(409, 'SIGNATURE.REPLAYED', 'This signed message (its nonce) was already used')),
};
