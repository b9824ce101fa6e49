import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { PostgresEventStore } from '@ayllu/event-store';
import type { SelectedNetwork } from '@ayllu/chain';
import type { AppConfig } from '@ayllu/platform';
import type { Pool } from 'pg';
import { AdminAuthModule } from './admin-auth/admin-auth.module';
import { DaosModule } from './daos/daos.module';
import { GovernanceReadsModule } from './governance-reads/governance-reads.module';
import { OperationsModule } from './health/operations.module';
import { MembersModule } from './members/members.module';
import { PayoutsModule } from './payouts/payouts.module';
import { ProcessingModule } from './processing/processing.module';
import { ProposalsModule } from './proposals/proposals.module';
import { RotatingPoolWritesModule } from './rotating-pools/rotating-pool-writes.module';
import { RotatingPoolOrganiserModule } from './rotating-pools/rotating-pool-organiser.module';
import { RotatingPoolReadsModule } from './rotating-pools/rotating-pool-reads.module';
import { SharePoolReadsModule } from './share-pools/share-pool-reads.module';
import { SharePoolWritesModule } from './share-pools/share-pool-writes.module';
import { ChainModule } from './shared/chain.module';
import { ProblemFilter } from './shared/problem.filter';
import { ADMIN_API_KEY, APP_CONFIG, EVENT_STORE, NETWORK, PG_POOL } from './shared/tokens';
import { RequestValidationPipe } from './shared/validation/request-validation.pipe';
import { SignaturesModule } from './signatures/signatures.module';
import { TreasuryModule } from './treasury/treasury.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { WithdrawalsModule } from './withdrawals/withdrawals.module';

export interface ApiDependencies {
  readonly config: AppConfig;
  readonly pool: Pool;
  readonly adminApiKey: string;
  /** The network checked at start-up (openNetwork); absent or null: none (signatures use CHAIN_ID, RPC_URL alone reads). */
  readonly network?: SelectedNetwork | null;
  /** Where the built web app is (apps/web/dist by default); tests point it elsewhere. */
  readonly webDistDir?: string;
}

/** The composition root: infrastructure comes in from the caller (main, tests, `npm start`). */
@Module({})
export class AppModule {
  static with(deps: ApiDependencies): DynamicModule {
    const infrastructure = {
      module: AppModule,
      global: true,
      providers: [
        { provide: APP_CONFIG, useValue: deps.config },
        { provide: PG_POOL, useValue: deps.pool },
        { provide: EVENT_STORE, useValue: new PostgresEventStore(deps.pool) },
        { provide: ADMIN_API_KEY, useValue: deps.adminApiKey },
        { provide: NETWORK, useValue: deps.network ?? null },
      ],
      exports: [APP_CONFIG, PG_POOL, EVENT_STORE, ADMIN_API_KEY, NETWORK],
    };
    return {
      ...infrastructure,
      imports: [
        CqrsModule.forRoot(),
        ChainModule,
        AdminAuthModule,
        DaosModule,
        SignaturesModule,
        MembersModule,
        ProposalsModule,
        WithdrawalsModule,
        GovernanceReadsModule,
        RotatingPoolReadsModule,
        WebhooksModule,
        TreasuryModule,
        RotatingPoolOrganiserModule,
        PayoutsModule,
        ProcessingModule,
        OperationsModule,
        RotatingPoolWritesModule,
        SharePoolReadsModule,
        SharePoolWritesModule,
      ],
      providers: [
        ...infrastructure.providers,
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useClass: RequestValidationPipe },
      ],
    };
  }
}
