const HOST_PORT = /^[A-Za-z0-9.\-_[\]:]+:\d{1,5}$/;

/**
 * Parses a bootstrap list ("host:port,host:port"). Returns the problem rather than throwing,
 * so a reader can report it with every other one. `source` names the setting.
 */
export function parseBrokerList(raw: string, source: string): { brokers: string[] } | { problem: string } {
  const brokers = raw
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean)
    // Kafka's tools accept SASL_SSL://host:port in bootstrap.servers; kafkajs wants host:port.
    .map((b) => b.replace(/^[A-Z_]+:\/\//, ''));
  const bad = brokers.filter((b) => !HOST_PORT.test(b) || Number(b.slice(b.lastIndexOf(':') + 1)) > 65535);
  if (brokers.length === 0 || bad.length > 0) {
    return { problem: `${source}="${raw}" is not a comma-separated list of host:port (bad: ${bad.join(', ') || 'empty'})` };
  }
  return { brokers };
}
