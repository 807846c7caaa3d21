import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { ConnectionConfigError } from '../errors/connection-config.error';
import { readClientProperties } from '../properties/client-properties.reader';
import { parseJavaProperties } from '../properties/java-properties.parser';
import { parseBrokerList } from './broker-list';
import {
  SaslMechanism,
  SecurityProtocol,
  usesSasl,
  usesTls,
  type ConnectionSettings,
  type KafkaConnectionSettings,
  type RegistryAuth,
  type RegistryConnectionSettings,
  type SaslSettings,
  type SettingFile,
  type TlsSettings,
} from './connection-settings';
import { Secret } from './secret';
import { CLIENT_CONFIG_ENV, FILE_READABLE_SETTINGS, SETTING_ENV, type SettingLayer, type SettingName, type SourcedValue } from './setting-names';

/** Command-line flags that override everything else (the CLI's). */
export interface ConnectionFlags {
  readonly brokers?: string;
  readonly registry?: string;
  /** `--command-config <file>`: the properties file, as Kafka's own tools name the flag. */
  readonly commandConfig?: string;
}

export interface ReadConnectionOptions {
  readonly flags?: ConnectionFlags;
  readonly env?: NodeJS.ProcessEnv;
  readonly defaults?: { readonly brokers?: string; readonly registryUrl?: string };
  /** Folder that relative file paths resolve against, as Kafka's tools do: the working directory. */
  readonly cwd?: string;
  readonly readFile?: (path: string) => string;
}

export const DEFAULT_BROKERS = '127.0.0.1:9092';
export const DEFAULT_REGISTRY_URL = 'http://127.0.0.1:8081';

/** Reads the settings, or throws one ConnectionConfigError listing every problem. */
export function readConnectionSettings(options: ReadConnectionOptions = {}): ConnectionSettings {
  const { settings, problems } = collectConnectionSettings(options);
  if (!settings) throw new ConnectionConfigError(problems);
  return settings;
}

/**
 * Where Kafka and the registry are and who we are to them. Sources, highest first: flags,
 * environment, the properties file (`--command-config` or KAFKA_CLIENT_CONFIG), defaults.
 * Every problem is collected; files named by a setting are read now, so a missing CA or key
 * fails the start rather than the first connection.
 */
export function collectConnectionSettings(options: ReadConnectionOptions = {}): { settings?: ConnectionSettings; problems: string[] } {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const readFile = options.readFile ?? ((path: string) => readFileSync(path, 'utf8'));
  const flags = options.flags ?? {};
  const problems: string[] = [];
  const warnings: string[] = [];

  const flagLayer: SettingLayer = {};
  if (nonEmpty(flags.brokers)) flagLayer.bootstrap = { value: flags.brokers, source: '--brokers' };
  if (nonEmpty(flags.registry)) flagLayer.registryUrl = { value: flags.registry, source: '--registry' };

  const envLayer = readEnvLayer(env, readFile, problems);

  let propertiesFile: string | undefined;
  let fileLayer: SettingLayer = {};
  const fileSetting = nonEmpty(flags.commandConfig)
    ? { value: flags.commandConfig, source: '--command-config' }
    : nonEmpty(env[CLIENT_CONFIG_ENV])
      ? { value: env[CLIENT_CONFIG_ENV] as string, source: CLIENT_CONFIG_ENV }
      : undefined;
  if (fileSetting) {
    propertiesFile = resolve(cwd, fileSetting.value);
    const text = tryRead(readFile, propertiesFile, `${fileSetting.source}=${fileSetting.value}`, problems);
    if (text !== undefined) {
      const result = readClientProperties(parseJavaProperties(text), fileSetting.value);
      fileLayer = result.layer;
      problems.push(...result.problems);
      warnings.push(...result.warnings);
    }
  }

  const pick = (name: SettingName): SourcedValue | undefined => flagLayer[name] ?? envLayer[name] ?? fileLayer[name];
  const kafka = readKafka(pick, options.defaults?.brokers ?? DEFAULT_BROKERS, cwd, readFile, problems);
  const registry = readRegistry(pick, kafka, options.defaults?.registryUrl ?? DEFAULT_REGISTRY_URL, cwd, readFile, problems);
  if (problems.length > 0 || !kafka || !registry) return { problems };
  return { settings: { kafka, registry, propertiesFile, warnings }, problems };
}

function readEnvLayer(env: NodeJS.ProcessEnv, readFile: (path: string) => string, problems: string[]): SettingLayer {
  const layer: SettingLayer = {};
  for (const [name, variable] of Object.entries(SETTING_ENV) as Array<[SettingName, string]>) {
    const direct = nonEmpty(env[variable]) ? (env[variable] as string) : undefined;
    const fileVariable = `${variable}_FILE`;
    const filePath = FILE_READABLE_SETTINGS.has(name) && nonEmpty(env[fileVariable]) ? (env[fileVariable] as string) : undefined;
    if (direct !== undefined && filePath !== undefined) {
      problems.push(`${variable} and ${fileVariable} are both set: keep one`);
      continue;
    }
    if (direct !== undefined) layer[name] = { value: direct, source: variable };
    if (filePath !== undefined) {
      const text = tryRead(readFile, filePath, `${fileVariable}=${filePath}`, problems);
      // A secret file written with `echo` ends in a newline that is not part of the secret.
      if (text !== undefined) layer[name] = { value: text.replace(/\r?\n$/, ''), source: `${fileVariable}=${filePath}` };
    }
  }
  return layer;
}

type Pick = (name: SettingName) => SourcedValue | undefined;

function readKafka(pick: Pick, defaultBrokers: string, cwd: string, readFile: (p: string) => string, problems: string[]): KafkaConnectionSettings | undefined {
  const bootstrap = pick('bootstrap') ?? { value: defaultBrokers, source: 'default' };
  const parsed = parseBrokerList(bootstrap.value, bootstrap.source);
  if ('problem' in parsed) problems.push(parsed.problem);

  const protocolSetting = pick('protocol') ?? { value: SecurityProtocol.Plaintext, source: 'default' };
  const protocol = protocolSetting.value.trim().toUpperCase() as SecurityProtocol;
  if (!Object.values(SecurityProtocol).includes(protocol)) {
    problems.push(`${protocolSetting.source}="${protocolSetting.value}": expected one of ${Object.values(SecurityProtocol).join(', ')}`);
    return undefined;
  }
  const where = `security.protocol=${protocol}${protocolSetting.source === 'default' ? ' (the default)' : ` (${protocolSetting.source})`}`;

  const sasl = usesSasl(protocol) ? readSasl(pick, cwd, readFile, problems) : undefined;
  if (!usesSasl(protocol)) {
    for (const name of ['mechanism', 'username', 'password', 'oauthTokenFile'] as const) {
      const setting = pick(name);
      if (setting) problems.push(`${setting.source} is set but ${where} does not use SASL: set SASL_SSL (or SASL_PLAINTEXT), or remove it`);
    }
  }
  const tls = usesTls(protocol) ? readTls(pick, cwd, readFile, problems) : undefined;
  if (!usesTls(protocol)) {
    for (const name of ['caFile', 'certFile', 'keyFile', 'keyPassword'] as const) {
      const setting = pick(name);
      if (setting) problems.push(`${setting.source} is set but ${where} does not use TLS: set SSL or SASL_SSL, or remove it`);
    }
  }
  if ('problem' in parsed) return undefined;
  return {
    brokers: parsed.brokers,
    brokersSource: bootstrap.source,
    securityProtocol: protocol,
    securityProtocolSource: protocolSetting.source,
    sasl,
    tls,
    clientId: pick('clientId')?.value,
  };
}

function readSasl(pick: Pick, cwd: string, readFile: (p: string) => string, problems: string[]): SaslSettings | undefined {
  const setting = pick('mechanism');
  if (!setting) {
    problems.push('sasl.mechanism (KAFKA_SASL_MECHANISM) is not set; Kafka\'s default, GSSAPI, is not supported: set PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 or OAUTHBEARER');
    return undefined;
  }
  const mechanism = setting.value.trim().toUpperCase();
  if (mechanism === SaslMechanism.OauthBearer) {
    const tokenFile = pick('oauthTokenFile');
    if (!tokenFile) {
      problems.push(`${setting.source}=OAUTHBEARER needs a token file: set sasl.oauthbearer.token.file (or ${SETTING_ENV.oauthTokenFile}), or pass an oauthBearerProvider in code`);
      return undefined;
    }
    const file = readableFile(tokenFile, cwd, readFile, problems);
    return file ? { mechanism, tokenFile: file } : undefined;
  }
  if (mechanism !== SaslMechanism.Plain && mechanism !== SaslMechanism.ScramSha256 && mechanism !== SaslMechanism.ScramSha512) {
    const hint = mechanism === 'GSSAPI' ? 'Kerberos is not supported by kafkajs; ' : mechanism === 'AWS_MSK_IAM' ? 'MSK IAM is not supported; enable SCRAM on the cluster and ' : '';
    problems.push(`${setting.source}="${setting.value}": ${hint}use PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 or OAUTHBEARER`);
    return undefined;
  }
  const username = pick('username');
  const password = pick('password');
  if (!username || !password) {
    const missing = [!username && `sasl.username (${SETTING_ENV.username})`, !password && `sasl.password (${SETTING_ENV.password} or ${SETTING_ENV.password}_FILE)`].filter(Boolean);
    problems.push(`SASL ${mechanism} needs ${missing.join(' and ')}, or sasl.jaas.config with username and password`);
    return undefined;
  }
  return { mechanism, username: username.value, usernameSource: username.source, password: new Secret(password.value, password.source) };
}

function readTls(pick: Pick, cwd: string, readFile: (p: string) => string, problems: string[]): TlsSettings {
  const file = (name: SettingName, pem: string) => {
    const setting = pick(name);
    if (!setting) return undefined;
    const found = readableFile(setting, cwd, readFile, problems);
    if (found && !readFile(found.path).includes(`-----BEGIN`)) problems.push(`${setting.source}=${setting.value} is not a PEM file (no "-----BEGIN"); ${pem}`);
    return found;
  };
  const ca = file('caFile', 'convert it with "openssl x509 -inform der -in ca.der -out ca.pem"');
  const certificate = file('certFile', 'export the certificate as PEM');
  const key = file('keyFile', 'export the private key as PEM');
  if (certificate && !key) problems.push(`a client certificate is set (${pick('certFile')?.source}) without its key: set ssl.key.location (${SETTING_ENV.keyFile})`);
  if (key && !certificate) problems.push(`a client key is set (${pick('keyFile')?.source}) without its certificate: set ssl.certificate.location (${SETTING_ENV.certFile})`);
  const keyPasswordSetting = pick('keyPassword');
  if (keyPasswordSetting && !key) problems.push(`${keyPasswordSetting.source} is set but no client key is: set ssl.key.location or remove it`);
  const endpoint = pick('endpointIdentification');
  let verifyHostname = true;
  if (endpoint) {
    const algorithm = endpoint.value.trim().toLowerCase();
    if (algorithm === '' || algorithm === 'none') verifyHostname = false;
    else if (algorithm !== 'https') problems.push(`${endpoint.source}="${endpoint.value}": expected https (the default) or empty to skip host name checks`);
  }
  return {
    ca,
    certificate,
    key,
    keyPassword: keyPasswordSetting ? new Secret(keyPasswordSetting.value, keyPasswordSetting.source) : undefined,
    verifyHostname,
  };
}

function readRegistry(
  pick: Pick,
  kafka: KafkaConnectionSettings | undefined,
  defaultUrl: string,
  cwd: string,
  readFile: (p: string) => string,
  problems: string[],
): RegistryConnectionSettings | undefined {
  const setting = pick('registryUrl') ?? { value: defaultUrl, source: 'default' };
  let url: URL;
  try {
    url = new URL(setting.value.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    // The URL may carry user:password: print only what is before the "@".
    problems.push(`${setting.source}="${withoutUserInfo(setting.value)}" is not an http(s) URL such as ${DEFAULT_REGISTRY_URL}`);
    return undefined;
  }
  const userInfoInUrl = url.username !== '' ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` : undefined;
  url.username = '';
  url.password = '';
  const cleanUrl = url.toString().replace(/\/+$/, '');

  const sourceSetting = pick('registryCredentialsSource');
  const credentialsSource = (sourceSetting?.value.trim().toUpperCase() ?? 'USER_INFO') as 'USER_INFO' | 'URL' | 'SASL_INHERIT';
  if (!['USER_INFO', 'URL', 'SASL_INHERIT'].includes(credentialsSource)) {
    problems.push(`${sourceSetting?.source}="${sourceSetting?.value}": expected USER_INFO, URL or SASL_INHERIT`);
  }
  const userInfo = pick('registryUserInfo');
  const bearer = pick('registryBearerToken');
  let auth: RegistryAuth | undefined;
  if (userInfo && bearer) problems.push(`registry basic auth (${userInfo.source}) and a bearer token (${bearer.source}) are both set: keep one`);
  if (bearer) {
    auth = { kind: 'bearer', token: new Secret(bearer.value.trim(), bearer.source) };
  } else if (credentialsSource === 'SASL_INHERIT') {
    const sasl = kafka?.sasl;
    if (sasl && 'username' in sasl) auth = { kind: 'basic', username: sasl.username, password: sasl.password };
    else problems.push(`${sourceSetting?.source}=SASL_INHERIT needs Kafka SASL PLAIN or SCRAM credentials to inherit`);
  } else if (userInfo && credentialsSource === 'USER_INFO') {
    const colon = userInfo.value.indexOf(':');
    if (colon <= 0) problems.push(`${userInfo.source} must be "user:password" (API key and secret joined by a colon)`);
    else auth = { kind: 'basic', username: userInfo.value.slice(0, colon), password: new Secret(userInfo.value.slice(colon + 1), userInfo.source) };
  } else if (userInfoInUrl !== undefined) {
    // Credentials in the URL (basic.auth.credentials.source=URL, or simply written there): used, never printed.
    const colon = userInfoInUrl.indexOf(':');
    auth = { kind: 'basic', username: userInfoInUrl.slice(0, colon), password: new Secret(userInfoInUrl.slice(colon + 1), `${setting.source} (user info)`) };
  } else if (credentialsSource === 'URL') {
    problems.push(`${sourceSetting?.source}=URL but ${setting.source} holds no user:password@`);
  }
  const caSetting = pick('registryCaFile');
  if (caSetting && url.protocol !== 'https:') problems.push(`${caSetting.source} is set but ${setting.source} is not https: use an https:// URL or remove it`);
  const ca = caSetting ? readableFile(caSetting, cwd, readFile, problems) : undefined;
  return { url: cleanUrl, urlSource: setting.source, auth, ca };
}

function readableFile(setting: SourcedValue, cwd: string, readFile: (p: string) => string, problems: string[]): SettingFile | undefined {
  const path = isAbsolute(setting.value) ? setting.value : resolve(cwd, setting.value);
  return tryRead(readFile, path, `${setting.source}=${setting.value}`, problems) === undefined ? undefined : { path, source: setting.source };
}

function tryRead(readFile: (p: string) => string, path: string, what: string, problems: string[]): string | undefined {
  try {
    return readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : (code ?? 'unreadable');
    problems.push(`${what}: cannot read (${reason})`);
    return undefined;
  }
}

function withoutUserInfo(text: string): string {
  return text.replace(/\/\/[^/@]*@/, '//***@');
}

function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/** Settings for an open cluster and registry (tests, local tools): PLAINTEXT, no credentials. */
export function plainConnectionSettings(brokers: readonly string[], registryUrl: string = DEFAULT_REGISTRY_URL): ConnectionSettings {
  return readConnectionSettings({ env: { KAFKA_BROKERS: brokers.join(','), SCHEMA_REGISTRY_URL: registryUrl } });
}
