/** What Eventline takes from a `sasl.jaas.config` value. */
export interface JaasConfig {
  /** e.g. `org.apache.kafka.common.security.scram.ScramLoginModule`. */
  readonly loginModule: string;
  readonly options: Readonly<Record<string, string>>;
}

/** The login modules whose username/password Eventline can hand to kafkajs. */
export const SUPPORTED_LOGIN_MODULES = {
  'org.apache.kafka.common.security.plain.PlainLoginModule': 'PLAIN',
  'org.apache.kafka.common.security.scram.ScramLoginModule': 'SCRAM',
} as const;

/**
 * Parses one JAAS entry as Kafka's clients accept it in `sasl.jaas.config`:
 * `<LoginModule> required key="value" key2=value2;`. Returns a reason (never the text,
 * which holds a password) when it is not that shape.
 */
export function parseJaasConfig(text: string): JaasConfig | { readonly problem: string } {
  const match = /^\s*([A-Za-z_$][\w$.]*)\s+(required|requisite|sufficient|optional)\b([\s\S]*)$/.exec(text);
  if (!match) return { problem: 'expected "<LoginModule> required username=\\"…\\" password=\\"…\\";"' };
  const [, loginModule, , rest] = match;
  const options: Record<string, string> = {};
  let body = rest.trim();
  if (!body.endsWith(';')) return { problem: 'the entry must end with ";"' };
  body = body.slice(0, -1);
  const option = /\s*([\w.-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s";]+))/y;
  let index = 0;
  while (index < body.length) {
    if (/^\s*$/.test(body.slice(index))) break;
    option.lastIndex = index;
    const m = option.exec(body);
    if (!m) return { problem: `cannot read the options after the login module (at character ${index + 1} of the options)` };
    options[m[1]] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
    index = option.lastIndex;
  }
  return { loginModule, options };
}
