import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ConsoleRequest } from './console-request';
import type { ConsoleUser } from './console-user';

/** The signed-in user of the request (`@CurrentUser() user: ConsoleUser`), set by the AccessGuard. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): ConsoleUser | undefined => {
  return context.switchToHttp().getRequest<ConsoleRequest>().consoleUser;
});
