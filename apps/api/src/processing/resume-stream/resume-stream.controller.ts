import { Controller, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { AdminScope, daoOfQuarantine } from '../../admin-auth/admin-scope';
import { AdminKeyGuard, type AdminRequest } from '../../shared/admin-key.guard';
import { ApiProblemResponses } from '../../shared/api-problems';
import { QuarantineView } from '../quarantine.view';
import { ResumeStreamCommand } from './resume-stream.handler';

export class QuarantineRouteParams {
  @ApiProperty({ example: 'proposals' })
  @IsString()
  @Length(1, 100)
  processor!: string;

  @ApiProperty({ example: 'proposal-b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d', description: 'As `/health` lists it' })
  @IsString()
  @Length(1, 300)
  streamId!: string;
}

@ApiTags('Operations')
@Controller('v1/admin/quarantines/:processor/:streamId/resume')
export class ResumeStreamController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(202)
  @UseGuards(AdminKeyGuard)
  @AdminScope(daoOfQuarantine)
  @ApiBearerAuth('admin')
  @ApiOperation({
    summary: 'Resume a quarantined stream after a fix',
    description:
      'Admins of the DAO the stream belongs to, and the platform admin. A processor that kept failing on one event of a stream quarantines that stream (see `/health`) and skips its later ' +
      'events. Resuming makes the worker replay the skipped events through the processor, in order and all or none, on its next pass; ' +
      'the stream then leaves `/health`. Failing again, it stays quarantined with the new reason and admins are told again. ' +
      '404 when that processor has not quarantined that stream.',
  })
  @ApiAcceptedResponse({ type: QuarantineView, description: 'Resume requested; the worker replays on its next pass' })
  @ApiProblemResponses(400, 401, 404)
  resume(@Param() params: QuarantineRouteParams, @Req() request: AdminRequest): Promise<QuarantineView> {
    return this.commands.execute(new ResumeStreamCommand(params.processor, params.streamId, request.actor!));
  }
}
