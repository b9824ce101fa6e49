/** RFC 7807 problem details, with Ayllu's stable `code` and per-field `errors`. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly code: string;
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
  readonly requestId?: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Problem `type` URIs point at the error catalogue in the API docs. */
export const problem = (status: number, code: string, detail?: string, extra: Partial<ProblemDetails> = {}): ProblemDetails => ({
  type: `https://ayllu.dev/problems/${code.toLowerCase().replace(/[._]/g, '-')}`,
  title: TITLES[status] ?? 'Error',
  status,
  code,
  ...(detail === undefined ? {} : { detail }),
  ...extra,
});

/** Thrown by the HTTP layer for its own refusals (auth, validation); the filter renders it. */
export class ProblemException extends Error {
  constructor(
    readonly problem: ProblemDetails,
    /** Response headers that go with the refusal, e.g. `retry-after`. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(problem.detail ?? problem.title);
  }
}

/** A refusal the client may retry after `seconds` (429, 503, or a 409 that time will lift): sends Retry-After. */
export const retryLater = (body: ProblemDetails, seconds: number): ProblemException =>
  new ProblemException(body, { 'retry-after': String(Math.max(1, Math.ceil(seconds))) });
