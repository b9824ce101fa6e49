import { problem, ProblemException } from '../problem';

/** The 400 a DTO would give, for the checks that run after it (a path parameter, a parsed payload). */
export const invalidField = (field: string, message: string) =>
  new ProblemException(problem(400, 'REQUEST.INVALID', `Invalid fields: ${field}`, { errors: [{ field, message }] }));
