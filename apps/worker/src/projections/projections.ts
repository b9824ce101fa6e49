import { daoProjection } from './dao/dao.projection';
import type { Projection } from './projection';
import { proposalsProjection } from './proposals/proposals.projection';

/** Every projection the worker keeps. `projections:rebuild <name>` takes one of these names. */
export const PROJECTIONS: readonly Projection[] = [daoProjection, proposalsProjection];
