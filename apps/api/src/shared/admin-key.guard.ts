import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { adminKeyId, adminKeyMatches } from '@ayllu/platform';
import type { FastifyRequest } from 'fastify';
import { problem, ProblemException } from './problem';
import { ADMIN_API_KEY } from './tokens';

export interface AdminRequest extends FastifyRequest {
  actor?: string;
}

/**
 * Admin routes: `Authorization: Bearer <ADMIN_API_KEY>`, compared in constant time. A missing and a wrong
 * key get the same answer, and the key never reaches logs (the logger redacts the header).
 */
@Injectable()
export class AdminKeyGuard implements CanActivate {
  constructor(@Inject(ADMIN_API_KEY) private readonly adminKey: string) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AdminRequest>();
    const header = request.headers.authorization;
    const presented = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!presented || !adminKeyMatches(presented, this.adminKey)) {
      throw new ProblemException(problem(401, 'AUTH.UNAUTHORIZED', 'A valid admin API key is required'));
    }
    request.actor = adminKeyId(this.adminKey);
    return true;
  }
}
