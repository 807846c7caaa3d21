import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CONSOLE_CONFIG } from '../app/console.tokens';
import type { ConsoleConfig } from '../config/console-config';
import { AccessGuard } from './access.guard';
import { AnonymousSession } from './anonymous-session';
import { Authenticator } from './authenticator';
import { LoginThrottle } from './login-throttle';
import { SessionController } from './session.controller';
import { SessionStore } from './session-store';

/** Sign-in, sessions and the global guard that every route passes. */
@Module({
  controllers: [SessionController],
  providers: [
    Authenticator,
    AnonymousSession,
    { provide: LoginThrottle, useFactory: () => new LoginThrottle() },
    { provide: SessionStore, inject: [CONSOLE_CONFIG], useFactory: (config: ConsoleConfig) => new SessionStore(config.sessionTtlMs) },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
})
export class AccessModule {}
