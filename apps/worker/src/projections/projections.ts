import type { Processor } from '../processing/processor';
import { daoDeploymentProjection } from './dao/dao-deployment.projection';
import { daoProjection } from './dao/dao.projection';
import { proposalsProjection } from './proposals/proposals.projection';
import { rotatingPoolsProjection } from './rotating/rotating-pools.projection';
import { sharePoolsProjection } from './shares/share-pools.projection';

/** Every projection the worker keeps. `projections:rebuild <name>` takes one of these names. */
export const PROJECTIONS: readonly Processor[] = [
  daoProjection,
  proposalsProjection,
  daoDeploymentProjection,
  rotatingPoolsProjection,
  sharePoolsProjection,
];
