import { Module } from '@nestjs/common';
import { ResumeStreamController } from './resume-stream/resume-stream.controller';
import { ResumeStreamHandler } from './resume-stream/resume-stream.handler';

/** The worker's log processing as admins operate it: resuming a stream a processor quarantined. */
@Module({
  controllers: [ResumeStreamController],
  providers: [ResumeStreamHandler],
})
export class ProcessingModule {}
