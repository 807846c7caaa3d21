// The HTTP API contract, shared with the server. Type-only: the bundle carries none of it.
export type * from '@eventline/console/api';
