import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { createRandom } from '../random.js';
import { fillTemplate } from './fill-template.js';

describe('fillTemplate', () => {
  it('fills named slots from their values and ranges with integers inside the bounds', () => {
    const random = createRandom(5);
    for (let i = 0; i < 200; i++) {
      const text = fillTemplate('{greeting} {3..7}', { greeting: ['hi', 'hello'] }, random);
      const [greeting, number] = text.split(' ');
      expect(['hi', 'hello']).toContain(greeting);
      expect(Number(number)).toBeGreaterThanOrEqual(3);
      expect(Number(number)).toBeLessThanOrEqual(7);
    }
  });

  it('reaches both ends of a range', () => {
    const random = createRandom(9);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add(fillTemplate('{1..3}', {}, random));
    expect([...seen].sort()).toEqual(['1', '2', '3']);
  });

  it('expands slots nested inside slot values', () => {
    const slots = { outer: ['a {inner}'], inner: ['b {1..1}'] };
    expect(fillTemplate('{outer}!', slots, createRandom(1))).toBe('a b 1!');
  });

  it('leaves braces that are not slots alone', () => {
    expect(fillTemplate('{"a":{x}} {}', { x: ['1'] }, createRandom(1))).toBe('{"a":1} {}');
  });

  it('gives the same text for the same seed', () => {
    const slots = { word: ['one', 'two', 'three', 'four'] };
    const fill = (seed: number) => fillTemplate('{word} {word} {0..99}', slots, createRandom(seed));
    expect(fill(3)).toBe(fill(3));
  });

  it('throws a ConfigError naming an unknown slot', () => {
    expect(() => fillTemplate('{missing}', {}, createRandom(1))).toThrow(ConfigError);
    expect(() => fillTemplate('{missing}', {}, createRandom(1))).toThrow('{missing}');
  });

  it('throws a ConfigError on self-referencing slots instead of looping', () => {
    expect(() => fillTemplate('{loop}', { loop: ['{loop}'] }, createRandom(1))).toThrow(
      /nested at most/,
    );
  });
});
