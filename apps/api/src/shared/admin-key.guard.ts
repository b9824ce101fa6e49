import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { AdminAuthenticator } from '../admin-auth/admin-authenticator';
import type { AdminPrincipal, AdminRefusal } from '../admin-auth/admin-principal';
import { ADMIN_SCOPE, type AdminScopeRule } from '../admin-auth/admin-scope';
import { FailedAdminAttempts } from '../admin-auth/failed-admin-attempts';
import { problem, ProblemException } from './problem';
import { PG_POOL } from './tokens';

export interface AdminRequest extends FastifyRequest {
  /** What events record as the admin who acted: `admin:platform`, `admin-key:<keyId>` or `siwe:<address>`. */
  actor?: string;
  admin?: AdminPrincipal;
}

const REFUSALS: Record<AdminRefusal, { status: number; code: string; detail: string }> = {
  // A missing and a wrong credential get the same answer.
  missing: { status: 401, code: 'AUTH.UNAUTHORIZED', detail: 'A valid admin API key is required' },
  unknown: { status: 401, code: 'AUTH.UNAUTHORIZED', detail: 'A valid admin API key is required' },
  revoked: { status: 401, code: 'AUTH.KEY_REVOKED', detail: 'This admin key was revoked' },
  expired: { status: 401, code: 'AUTH.KEY_EXPIRED', detail: 'This admin key has expired' },
  'session-expired': { status: 401, code: 'AUTH.SESSION_EXPIRED', detail: 'This admin session has expired: sign in again' },
  'no-longer-admin': { status: 403, code: 'AUTH.NOT_AN_ADMIN', detail: 'This wallet is no longer an admin of the DAO it signed in to' },
};

/**
 * Admin routes: `Authorization: Bearer <credential>`, one of the platform key (every DAO), a DAO admin key
 * or a SIWE session (their own DAO only). A route administers the DAO its scope names (see AdminScope);
 * the platform-only ones refuse DAO admins. Failed attempts are counted per client IP and, over the limit,
 * answered 429 before any credential is looked at. Credentials never reach logs (the logger redacts the header).
 */
@Injectable()
export class AdminKeyGuard implements CanActivate {
  constructor(
    private readonly authenticator: AdminAuthenticator,
    private readonly failures: FailedAdminAttempts,
    private readonly reflector: Reflector,
    @Inject(PG_POOL) private readonly db: Pool,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AdminRequest>();
    const waitMs = this.failures.blockedFor(request.ip);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(seconds));
      throw new ProblemException(
        problem(429, 'AUTH.TOO_MANY_FAILED_ATTEMPTS', `Too many failed admin authentications from this address: retry in ${seconds} s`),
      );
    }
    const header = request.headers.authorization;
    const presented = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const result = await this.authenticator.authenticate(presented);
    if (!result.ok) {
      if (result.refusal !== 'missing' && result.refusal !== 'no-longer-admin') this.failures.recordFailure(request.ip);
      const { status, code, detail } = REFUSALS[result.refusal];
      throw new ProblemException(problem(status, code, detail));
    }
    await this.authorize(context, request, result.principal);
    request.actor = result.principal.actor;
    request.admin = result.principal;
    return true;
  }

  private async authorize(context: ExecutionContext, request: AdminRequest, principal: AdminPrincipal): Promise<void> {
    if (principal.kind === 'platform') return;
    const rule =
      this.reflector.getAllAndOverride<AdminScopeRule | undefined>(ADMIN_SCOPE, [context.getHandler(), context.getClass()]) ?? 'dao-param';
    const daoId =
      rule === 'platform' ? null : rule === 'dao-param' ? (request.params as { id?: unknown }).id : await rule(request, this.db);
    if (typeof daoId !== 'string') {
      throw new ProblemException(problem(403, 'AUTH.PLATFORM_ADMIN_REQUIRED', 'Only the platform admin may do this'));
    }
    if (daoId !== principal.daoId) {
      throw new ProblemException(problem(403, 'AUTH.OTHER_DAO', `This credential administers DAO ${principal.daoId} only`));
    }
  }
}
