import { describe, expect, test } from 'vitest';
import { parseFlags } from '../src/parse-flags.js';
import { UsageError } from '../src/usage-error.js';

const run = (argv: string[], env: Record<string, string> = {}) => {
  const parsed = parseFlags(argv, env);
  if (parsed.kind !== 'run') throw new Error('expected flags to run with');
  return parsed.flags;
};

describe('parseFlags', () => {
  test('defaults: 127.0.0.1:8787, no latency, no errors, no key', () => {
    expect(run([])).toEqual({ host: '127.0.0.1', port: 8787, errorRate: 0, seed: 1 });
  });

  test('reads every flag', () => {
    const argv = ['--host', '::1', '--port', '0', '--latency-median-ms', '2', '--latency-p99-ms'];
    expect(run([...argv, '20', '--error-rate', '0.05', '--seed', '9'])).toEqual({
      host: '::1',
      port: 0,
      latency: { medianMs: 2, p99Ms: 20 },
      errorRate: 0.05,
      seed: 9,
    });
  });

  test('a median alone gives a constant latency', () => {
    expect(run(['--latency-median-ms', '3']).latency).toEqual({ medianMs: 3, p99Ms: 3 });
  });

  test('the key comes from SOUL_API_KEY, only when asked for', () => {
    const env = { SOUL_API_KEY: 'sk-TEST-SECRET-123' };
    expect(run([], env).apiKey).toBeUndefined();
    expect(run(['--require-api-key'], env).apiKey).toBe('sk-TEST-SECRET-123');
  });

  test.each([
    [['--port', 'abc'], /^--port: expected a port in 0\.\.65535, received "abc"$/],
    [['--port', '70000'], /expected a port in 0\.\.65535, received "70000"/],
    [['--error-rate', '1.5'], /expected a number in 0\.\.1, received "1.5"/],
    [['--latency-median-ms', '-1'], /expected a number of ms > 0, received "-1"/],
    [['--latency-p99-ms', '5'], /^--latency-p99-ms: expected --latency-median-ms as well$/],
    [['--latency-median-ms', '10', '--latency-p99-ms', '5'], /expected a value >= 10, received 5/],
    [['--require-api-key'], /^--require-api-key: expected SOUL_API_KEY to be set/],
    [['--bogus'], /unknown option '--bogus'/],
  ])('%o is a usage error with one clear line', (argv, message) => {
    expect(() => parseFlags(argv, {})).toThrow(UsageError);
    expect(() => parseFlags(argv, {})).toThrow(message);
    try {
      parseFlags(argv, {});
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });

  test('--help is an exit with the usage text', () => {
    const parsed = parseFlags(['--help'], {});
    expect(parsed.kind).toBe('exit');
    expect(parsed.kind === 'exit' && parsed.output).toContain('--latency-median-ms');
  });
});
