import { ApiProperty } from '@nestjs/swagger';
import type { RotatingPoolConfiguration } from '@ayllu/domain';
import { jsonSafe } from '../shared/json-safe';

/** The pool as its creation recorded it (the read models catch up later). */
export class RotatingPoolCreatedView {
  @ApiProperty({ example: 'rosca_0193a1b2c3d4e5f60718293a4b5c' }) poolId!: string;
  @ApiProperty({ example: 'dao_0193a1b2c3d4e5f60718293a4b5c' }) daoId!: string;
  @ApiProperty({ example: 'FORMING', description: 'The worker deploys its contract next; members join once it is deployed' })
  status!: string;
  @ApiProperty({
    example: {
      daoId: 'dao_0193a1b2c3d4e5f60718293a4b5c',
      organiser: '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc',
      contributionAmount: '100000000000000000000',
      rotationIntervalSeconds: 604800,
      memberCount: 5,
      startDate: '2027-01-04T12:00:00Z',
      collateralPercent: 20,
      gracePeriodSeconds: 172800,
      penaltyRateBps: 500,
      allowEmergencyExit: true,
      earlyExitPenaltyBps: 1000,
      platformFeeBps: 0,
      rotationMethod: 'join-order',
    },
    description: 'Every default applied; amounts as decimal strings; `organiser` is the DAO Safe',
  })
  configuration!: Record<string, unknown>;
}

export const toRotatingPoolCreatedView = (poolId: string, configuration: RotatingPoolConfiguration): RotatingPoolCreatedView => ({
  poolId,
  daoId: configuration.daoId,
  status: 'FORMING',
  configuration: jsonSafe(configuration) as Record<string, unknown>,
});
