import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'eventline:console:public-route';

/** A route anyone may call without signing in (/health, /metrics, the sign-in itself). */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);
