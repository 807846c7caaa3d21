import { parseJavaProperties } from './java-properties.parser';

describe('parseJavaProperties', () => {
  it.each([
    ['key=value', [{ key: 'key', value: 'value', line: 1 }]],
    ['key = value with spaces  ', [{ key: 'key', value: 'value with spaces  ', line: 1 }]],
    ['key:value', [{ key: 'key', value: 'value', line: 1 }]],
    ['key value', [{ key: 'key', value: 'value', line: 1 }]],
    ['# comment\n! other\n\n  a=1', [{ key: 'a', value: '1', line: 4 }]],
    ['a=first \\\n   second', [{ key: 'a', value: 'first second', line: 1 }]],
    ['a=tab\\there\\u0041', [{ key: 'a', value: 'tab\there\u0041', line: 1 }]],
    ['a\\=b=c', [{ key: 'a=b', value: 'c', line: 1 }]],
    ['empty=', [{ key: 'empty', value: '', line: 1 }]],
    ['crlf=1\r\nnext=2', [{ key: 'crlf', value: '1', line: 1 }, { key: 'next', value: '2', line: 2 }]],
    ['path=C:\\\\certs\\\\ca.pem', [{ key: 'path', value: 'C:\\certs\\ca.pem', line: 1 }]],
  ])('reads %j', (text, expected) => {
    expect(parseJavaProperties(text)).toEqual(expected);
  });

  it('keeps a JAAS value with quotes and a semicolon whole', () => {
    const text = 'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="KEY" password="p=a:s;s";';
    expect(parseJavaProperties(text)[0].value).toBe('org.apache.kafka.common.security.plain.PlainLoginModule required username="KEY" password="p=a:s;s";');
  });
});
