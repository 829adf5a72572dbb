import { ConfigError } from '@buddy/traffic-core';
import { describe, expect, test } from 'vitest';
import {
  compileResponseMapping,
  parseResponseMapping,
  type ResponseMapping,
} from './response-mapping.js';

const valid: ResponseMapping = {
  confidence: 'score',
  preValidation: { path: 'ok', passedValues: [true] },
  approvalPath: { path: 'route', map: { yes: 'approved', no: 'rejected' } },
};

describe('parseResponseMapping', () => {
  test('accepts a minimal mapping', () => {
    expect(parseResponseMapping(valid)).toEqual(valid);
  });

  test.each([
    [{ ...valid, confidence: '' }, /^response mapping\.confidence: expected a dot path/],
    [{ ...valid, confidence: 'a..b' }, /^response mapping\.confidence: expected a dot path/],
    [{ ...valid, path: 'v1/x' }, /^response mapping\.path: expected a path starting with "\/"/],
    [{ ...valid, preValidation: { path: 'ok', passedValues: [] } }, /preValidation\.passedValues/],
    [{ ...valid, approvalPath: { path: 'r', map: { yes: 'maybe' } } }, /approvalPath\.map\.yes/],
    [{ ...valid, approvalPath: { path: 'r', map: {} } }, /approvalPath\.map: expected at least/],
    [{ ...valid, extra: 1 }, /^response mapping: /],
  ])('refuses %o with one clear message', (input, message) => {
    expect(() => parseResponseMapping(input)).toThrow(ConfigError);
    expect(() => parseResponseMapping(input)).toThrow(message);
  });
});

describe('compiled mapping', () => {
  const compiled = compileResponseMapping({ ...valid, reasons: 'why', rules: 'ids' });

  test('reads a verdict from dot paths, including list indexes', () => {
    const nested = compileResponseMapping({ ...valid, confidence: 'items.0.score' });
    const body = { items: [{ score: 0.4 }], ok: true, route: 'no' };
    expect(nested.readVerdict(body)).toMatchObject({ confidence: 0.4, approvalPath: 'rejected' });
  });

  test('a single reason string becomes a list; rules come from their own path', () => {
    const verdict = compiled.readVerdict({
      score: 1,
      ok: false,
      route: 'no',
      why: 'bad',
      ids: ['x'],
    });
    expect(verdict).toMatchObject({ preValidation: 'failed', reasons: ['bad'], rules: ['x'] });
  });

  test.each([
    [{ score: 1.5, ok: true, route: 'yes' }, 'field score: expected a number in 0..1'],
    [{ score: 0.5, route: 'yes' }, 'field ok: missing'],
    [{ score: 0.5, ok: true, route: 'toString' }, 'field route: value not found'],
    [{ score: 0.5, ok: true, route: 'yes', why: [1] }, 'field why: expected a string or a list'],
  ])('refuses %o as invalid_shape', (body, message) => {
    expect(() => compiled.readVerdict(body)).toThrow(message);
  });

  test('the default body is the contract request', () => {
    const body = compiled.buildBody({ id: 'a', content: 'c', category: 'simple' });
    expect(JSON.parse(body)).toEqual({ request_id: 'a', content: 'c', category: 'simple' });
  });
});
