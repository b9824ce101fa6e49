import { daoProjection } from './dao/dao.projection';
import type { Projection } from './projection';

/** Every projection the worker keeps. `projections:rebuild <name>` takes one of these names. */
export const PROJECTIONS: readonly Projection[] = [daoProjection];
