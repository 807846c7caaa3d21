/**
 * Who exists on the secure local cluster. The application names are the principals that
 * Eventline's apps authenticate as (libs/contracts lists what each may do); the test names
 * exist so specs can prove authentication and authorization without borrowing an app's identity.
 */

/** The SCRAM super user: what the launcher, the admin properties file and ACL set-up use. */
export const ADMIN_PRINCIPAL = 'admin';

/**
 * The broker's own identity: the CN of its certificate, mapped to `User:eventline-broker` by
 * ssl.principal.mapping.rules. It is a super user because the controller and inter-broker
 * listeners authenticate it by that certificate.
 */
export const BROKER_PRINCIPAL = 'eventline-broker';

export const APPLICATION_PRINCIPALS = ['orders-service', 'fulfillment-worker', 'notifications-worker', 'schema-registry', 'eventline-cli', 'eventline-console'] as const;

export const TEST_PRINCIPALS = ['test-client', 'no-acl-user'] as const;

/** Every SCRAM user created when the secure cluster's storage is formatted. */
export const SCRAM_PRINCIPALS: readonly string[] = [ADMIN_PRINCIPAL, ...APPLICATION_PRINCIPALS, ...TEST_PRINCIPALS];

/**
 * Every principal that gets a client certificate for the mTLS listener. Not `admin`: a
 * certificate does not expire with a password change, and admin work goes over SASL_SSL.
 */
export const CERTIFICATE_PRINCIPALS: readonly string[] = [...APPLICATION_PRINCIPALS, ...TEST_PRINCIPALS];

/** The principal whose client key is also written encrypted (the ssl.key.password case). */
export const ENCRYPTED_KEY_PRINCIPAL = 'test-client';

/**
 * What a principal name may look like. It ends up in a certificate subject, a SCRAM config
 * entry (`[name=…]`, where `,` `=` `]` would break the syntax) and a file name, so it is kept
 * to letters, digits, `.`, `_` and `-`.
 */
export const PRINCIPAL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
