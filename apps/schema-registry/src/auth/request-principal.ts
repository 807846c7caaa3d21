import type { IncomingMessage } from 'node:http';
import type { Principal } from './registry-user';

// Kept beside the request rather than on it, so nothing that serializes or logs a request
// object can come across who sent it.
const principals = new WeakMap<IncomingMessage, Principal>();

export function setPrincipal(request: IncomingMessage, principal: Principal): void {
  principals.set(request, principal);
}

export function principalOf(request: IncomingMessage): Principal | undefined {
  return principals.get(request);
}
