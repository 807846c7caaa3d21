/**
 * What the console's core provides to every feature module (the core module is global, so a
 * feature module injects these without importing anything):
 *
 *   @Inject(CONSOLE_CONFIG) config: ConsoleConfig
 *   @Inject(CONSOLE_CONNECTION) connection: ConnectionSettings   (Kafka and registry, secrets redacted)
 *   @Inject(CONSOLE_KAFKA) kafka: Kafka                          (kafkajs; for producers, readers)
 *   @Inject(CONSOLE_KAFKA_ADMIN) admin: Admin                    (connected at boot, closed at shutdown)
 *   @Inject(CONSOLE_LOGGER) log: pino.Logger
 */
export const CONSOLE_CONFIG = Symbol('CONSOLE_CONFIG');
export const CONSOLE_CONNECTION = Symbol('CONSOLE_CONNECTION');
export const CONSOLE_KAFKA = Symbol('CONSOLE_KAFKA');
export const CONSOLE_KAFKA_ADMIN = Symbol('CONSOLE_KAFKA_ADMIN');
export const CONSOLE_LOGGER = Symbol('CONSOLE_LOGGER');
