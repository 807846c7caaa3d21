// The HTTP API contract, shared with the server. Type-only: the bundle carries none of it, and
// this is the one place that knows where the contract lives.
export type * from '../../../../../libs/console/src/api/console-api.types';
