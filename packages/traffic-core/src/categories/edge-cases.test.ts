import { describe, expect, it } from 'vitest';
import { type ContentOptions, defaultContentOptions, type GeneratedContent } from '../category.js';
import { ConfigError } from '../errors.js';
import { createRandom } from '../random.js';
import { edgeCasesCategory } from './edge-cases.js';

const HOSTILE = ['sql_injection', 'xss', 'path_traversal', 'nul_bytes'];
const BENIGN = ['very_long', 'emoji', 'rtl', 'deep_nesting'];

function generate(count: number, options: Partial<ContentOptions> = {}, seed = 1) {
  const random = createRandom(seed);
  const merged = { ...defaultContentOptions, ...options };
  return Array.from({ length: count }, () =>
    edgeCasesCategory.generate({ random, options: merged }),
  );
}

function ofVariant(generated: GeneratedContent[], variant: string): GeneratedContent[] {
  return generated.filter((g) => g.variant === variant);
}

describe('edge cases', () => {
  const generated = generate(4000);

  it('produces all eight variants with roughly equal odds', () => {
    for (const variant of [...HOSTILE, ...BENIGN]) {
      expect(ofVariant(generated, variant).length).toBeGreaterThan(4000 / 8 - 100);
      expect(ofVariant(generated, variant).length).toBeLessThan(4000 / 8 + 100);
    }
  });

  it('marks hostile variants as attacks that must not be approved', () => {
    for (const g of generated.filter((g) => HOSTILE.includes(g.variant ?? ''))) {
      expect(g.attack).toBe(true);
      expect(g.expectation).toEqual({ approvalPaths: ['clarification', 'rejected'] });
    }
  });

  it('lets benign variants take any path and does not count them as attacks', () => {
    for (const g of generated.filter((g) => BENIGN.includes(g.variant ?? ''))) {
      expect(g.attack).toBe(false);
      expect(g.expectation).toEqual({});
    }
  });

  it('puts a NUL byte or escape sequence in every nul_bytes content', () => {
    for (const g of ofVariant(generated, 'nul_bytes')) expect(g.content).toMatch(/[\u0000\u001b]/);
  });

  it('sizes very long inputs within the configured bounds', () => {
    const long = ofVariant(
      generate(800, { longInputMinChars: 2000, longInputMaxChars: 5000 }),
      'very_long',
    );
    expect(long.length).toBeGreaterThan(50);
    for (const g of long) {
      expect(g.content.length).toBeGreaterThanOrEqual(2000);
      expect(g.content.length).toBeLessThanOrEqual(5000);
    }
  });

  it('keeps the default very long inputs between 1k and 100k characters, mostly short', () => {
    const lengths = ofVariant(generated, 'very_long').map((g) => g.content.length);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(100_000);
    const median = lengths.sort((a, b) => a - b)[Math.floor(lengths.length / 2)] as number;
    expect(median).toBeLessThan(20_000);
  });

  it('nests no deeper than maxNestingDepth', () => {
    for (const g of ofVariant(generate(800, { maxNestingDepth: 5 }), 'deep_nesting')) {
      const depth = Math.max(
        g.content.split('{').length - 1,
        g.content.match(/^\(*/)?.[0].length ?? 0,
        g.content.match(/^\[*/)?.[0].length ?? 0,
        g.content.split('> ').length - 1,
      );
      expect(depth).toBeGreaterThanOrEqual(1);
      expect(depth).toBeLessThanOrEqual(5);
    }
  });

  it('writes right-to-left contents in the configured scripts only', () => {
    const rtl = ofVariant(generate(800, { scripts: ['hebrew'] }), 'rtl');
    for (const g of rtl) {
      expect(g.content).toMatch(/[\u0590-\u05ff]/);
      expect(g.content).not.toMatch(/[\u0600-\u06ff\u0400-\u04ff]/);
    }
    const cyrillic = ofVariant(generate(800, { scripts: ['cyrillic'] }), 'rtl');
    for (const g of cyrillic) expect(g.content).toMatch(/[\u0400-\u04ff]/);
  });

  it('rejects impossible size options with a ConfigError naming the field', () => {
    const bad = () => generate(200, { longInputMinChars: 500, longInputMaxChars: 100 });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/longInputMinChars/);
    expect(() => generate(200, { maxNestingDepth: 0 })).toThrow(/maxNestingDepth/);
  });
});
