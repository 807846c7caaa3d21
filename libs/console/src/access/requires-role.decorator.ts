import { SetMetadata } from '@nestjs/common';
import type { Role } from '../api/console-api.types';

export const REQUIRED_ROLE = 'eventline:console:required-role';

/**
 * The role a route (or every route of a controller) needs. Without it a route needs a signed-in
 * viewer; `@RequiresRole('operator')` on everything that changes the cluster (redrive, replay,
 * reset). Only metadata: the global AccessGuard enforces it.
 */
export const RequiresRole = (role: Role) => SetMetadata(REQUIRED_ROLE, role);
