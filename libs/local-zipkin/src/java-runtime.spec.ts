import { javaCommand, parseJavaMajor } from './java-runtime';

describe('parseJavaMajor reads the major version from java -version', () => {
  it.each<[string, number | undefined]>([
    ['openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['openjdk version "21-ea" 2023-09-19', 21],
    ['java version "1.8.0_292"\nJava(TM) SE Runtime Environment', 8],
    ['openjdk version "11.0.2" 2019-01-15', 11],
    ['java version "24.0.1+9"', 24],
    ['Picked up JAVA_TOOL_OPTIONS: -Xss1m\nopenjdk version "17.0.9"', 17],
    ['', undefined],
    ['command not found', undefined],
    ['openjdk version "x.y"', undefined],
  ])('%j → %s', (output, major) => {
    expect(parseJavaMajor(output)).toBe(major);
  });
});

describe('javaCommand picks the java to run', () => {
  it.each<[string | undefined, NodeJS.ProcessEnv, string]>([
    ['/opt/jdk-17', { JAVA: '/usr/bin/java' }, '/opt/jdk-17/bin/java'],
    [undefined, { JAVA: '/usr/local/bin/java17' }, '/usr/local/bin/java17'],
    [undefined, { JAVA: '' }, 'java'],
    [undefined, {}, 'java'],
  ])('javaHome %s, env %j → %s', (javaHome, env, command) => {
    expect(javaCommand(javaHome, env)).toBe(command);
  });
});
