import { parseJaasConfig } from './jaas-config.parser';

describe('parseJaasConfig', () => {
  it.each([
    [
      'org.apache.kafka.common.security.scram.ScramLoginModule required username="alice" password="s3cr\\"et";',
      { loginModule: 'org.apache.kafka.common.security.scram.ScramLoginModule', options: { username: 'alice', password: 's3cr"et' } },
    ],
    [
      'org.apache.kafka.common.security.plain.PlainLoginModule   required\n username=KEY password="a b;c" ;',
      { loginModule: 'org.apache.kafka.common.security.plain.PlainLoginModule', options: { username: 'KEY', password: 'a b;c' } },
    ],
  ])('reads %s', (text, expected) => {
    expect(parseJaasConfig(text)).toEqual(expected);
  });

  it.each([
    ['username="a" password="b";', 'expected'],
    ['org.apache.kafka.common.security.plain.PlainLoginModule required username="a" password="b"', 'must end with ";"'],
    ['org.apache.kafka.common.security.plain.PlainLoginModule required username="a" ??? ;', 'cannot read the options'],
  ])('names the problem in %s without echoing it', (text, problem) => {
    const result = parseJaasConfig(text);
    expect(result).toEqual({ problem: expect.stringContaining(problem) });
    expect((result as { problem: string }).problem).not.toContain('"b"');
  });
});
