import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

/** The typed client: every path, parameter and body is checked against the API's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: window.location.origin });

export type Schemas = components['schemas'];

export interface ProblemField {
  readonly field?: string;
  readonly message?: string;
}

/** An RFC 7807 answer from the API, or a failure to reach it, in a form the screens can show. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly code: string | undefined,
    readonly errors: readonly ProblemField[],
  ) {
    super(detail ?? title);
  }
}

type Answer<T> = { data?: T; error?: unknown; response: Response };

const asProblem = (status: number, body: unknown): ApiProblem => {
  const doc = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const errors = Array.isArray(doc.errors) ? (doc.errors as ProblemField[]) : [];
  return new ApiProblem(status, text(doc.title) ?? `The server answered ${status}`, text(doc.detail), text(doc.code), errors);
};

/** The body of a successful answer; an ApiProblem otherwise (the server's problem document, or why it could not be reached). */
export const ok = async <T>(call: Promise<Answer<T>>): Promise<T> => {
  let answer: Answer<T>;
  try {
    answer = await call;
  } catch (error) {
    throw new ApiProblem(0, 'The Ayllu server cannot be reached', `Check your connection and try again (${String(error)}).`, 'NETWORK', []);
  }
  if (answer.error !== undefined || !answer.response.ok) throw asProblem(answer.response.status, answer.error);
  return answer.data as T;
};

const ADMIN_KEY = 'ayllu.admin';

/** The admin credential this tab holds: the platform or a DAO admin key, or a Sign-In with Ethereum session token. */
export interface AdminCredential {
  readonly kind: 'key' | 'siwe';
  readonly token: string;
  /** For a SIWE session: the DAO it administers and the wallet that signed in. */
  readonly daoId?: string;
  readonly address?: string;
}

export const adminCredential = (): AdminCredential | null => {
  const raw = window.sessionStorage.getItem(ADMIN_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as AdminCredential;
  } catch {
    return null;
  }
};
export const setAdminCredential = (credential: AdminCredential | null) => {
  if (credential) window.sessionStorage.setItem(ADMIN_KEY, JSON.stringify(credential));
  else window.sessionStorage.removeItem(ADMIN_KEY);
  window.dispatchEvent(new Event('ayllu-admin'));
};
/** The Authorization header admin routes need. */
export const adminHeaders = (): { authorization: string } => ({ authorization: `Bearer ${adminCredential()?.token ?? ''}` });
