import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Hex } from 'viem';
import { ApiProblemResponses } from '../../../shared/api-problems';
import { AdminSessionView } from '../admin-session.view';
import { SignInCommand } from './sign-in.handler';
import { SignInRequest } from './sign-in.request.dto';

@ApiTags('Admin access')
@Controller('v1/daos/:id/admin-sessions')
export class SignInController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Sign-In with Ethereum, step 2: open an admin session',
    description:
      'For wallets listed on the DAO (`POST /v1/daos/:id/admin-wallets`). Send the served message and its signature; the answer holds a ' +
      'session token for this DAO’s admin routes, valid 30 minutes. A message signs in once. 401 for a message this server did not serve ' +
      '(domain, URI, chain, nonce) or a wrong signature; 403 for a wallet that is not an admin of this DAO.',
  })
  @ApiCreatedResponse({ type: AdminSessionView })
  @ApiProblemResponses(400, 401, 403, 404)
  signIn(@Param('id') daoId: string, @Body() body: SignInRequest): Promise<AdminSessionView> {
    return this.commands.execute(new SignInCommand(daoId, body.message, body.signature as Hex));
  }
}
