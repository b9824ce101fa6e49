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
  /** Not a 65-byte key signature, and no chain to ask the contract wallet it may come from. */
  needsChain: () =>
    new ProblemException(
      problem(
        422,
        'SIGNATURE.CHAIN_REQUIRED',
        "This is not a 65-byte key signature; a contract wallet's signature (EIP-1271 / ERC-6492) can be checked only when the API is connected to a chain, and it is not",
        { errors: [{ field: 'signature', message: 'a contract-wallet signature needs a chain to check it' }] },
      ),
    ),
  /** The contract wallet could not be asked: nothing was recorded and the nonce is still unused. */
  chainUnavailable: () =>
    new ProblemException(
      problem(
        503,
        'CHAIN.UNAVAILABLE',
        "The signature is not the actor's key signature and the chain does not answer, so the contract wallet cannot be asked; nothing was recorded, send it again shortly",
      ),
      { 'retry-after': '5' },
    ),
  replayed: () => new ProblemException(problem(409, 'SIGNATURE.REPLAYED', 'This signed message (its nonce) was already used')),
};
