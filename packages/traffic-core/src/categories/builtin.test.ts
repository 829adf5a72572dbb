import { describe, expect, it } from 'vitest';
import { defaultContentOptions } from '../category.js';
import { createRandom } from '../random.js';
import { createRequestGenerator } from '../request-generator.js';
import { builtinCategories, getBuiltinCategory } from './builtin.js';

function generateMany(id: string, count: number, seed = 1) {
  const category = getBuiltinCategory(id);
  if (category === undefined) throw new Error(`no category ${id}`);
  const random = createRandom(seed);
  return Array.from({ length: count }, () =>
    category.generate({ random, options: defaultContentOptions }),
  );
}

describe('builtinCategories', () => {
  it('lists the eight SPEC categories in SPEC order with the default weights', () => {
    expect(builtinCategories.map((c) => [c.id, c.weight])).toEqual([
      ['simple', 25],
      ['multi_step', 15],
      ['low_confidence', 10],
      ['high_confidence', 15],
      ['conflicting_gates', 8],
      ['clarification_triggers', 10],
      ['edge_cases', 12],
      ['adversarial', 5],
    ]);
  });

  it('carries the oracle of SPEC 2.1 as expectations', () => {
    const expectations = Object.fromEntries(builtinCategories.map((c) => [c.id, c.expectation]));
    expect(expectations).toEqual({
      simple: { preValidation: 'passed', approvalPaths: ['approved'], minConfidence: 0.6 },
      multi_step: { preValidation: 'passed', approvalPaths: ['approved'], minConfidence: 0.55 },
      low_confidence: { approvalPaths: ['clarification', 'rejected'], belowConfidence: 0.55 },
      high_confidence: {
        preValidation: 'passed',
        approvalPaths: ['approved'],
        minConfidence: 0.85,
      },
      conflicting_gates: { approvalPaths: ['clarification', 'rejected'] },
      clarification_triggers: { preValidation: 'passed', approvalPaths: ['clarification'] },
      edge_cases: {},
      adversarial: { blocked: true },
    });
    expect(builtinCategories.filter((c) => c.attack).map((c) => c.id)).toEqual(['adversarial']);
  });

  it.each(builtinCategories.map((c) => c.id))('%s yields at least 50 distinct contents', (id) => {
    const generated = generateMany(id, 2000);
    expect(new Set(generated.map((g) => g.content)).size).toBeGreaterThanOrEqual(50);
    for (const g of generated) {
      expect(g.variant).toMatch(/^[a-z_]+$/);
      expect(g.content.length).toBeGreaterThan(0);
    }
  });

  it('generates the same contents for the same seed and different ones for another', () => {
    const contents = (seed: number) => generateMany('simple', 50, seed).map((g) => g.content);
    expect(contents(11)).toEqual(contents(11));
    expect(contents(11)).not.toEqual(contents(12));
  });

  it('marks every adversarial content as a variant of a known kind', () => {
    const variants = new Set(generateMany('adversarial', 2000).map((g) => g.variant));
    expect([...variants].sort()).toEqual(
      ['fraud', 'jailbreak', 'malware', 'phishing', 'theft', 'weapons'].sort(),
    );
  });

  it('mixes the categories close to their weights through the request generator', () => {
    const generator = createRequestGenerator({
      categories: builtinCategories,
      random: createRandom(42),
      runId: 'mix',
    });
    const counts = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      const { category } = generator.next();
      counts.set(category, (counts.get(category) ?? 0) + 1);
    }
    for (const category of builtinCategories) {
      const sharePercent = ((counts.get(category.id) ?? 0) / 5000) * 100;
      expect(Math.abs(sharePercent - category.weight)).toBeLessThanOrEqual(2);
    }
  });
});

describe('getBuiltinCategory', () => {
  it('finds a built-in category by id', () => {
    expect(getBuiltinCategory('edge_cases').id).toBe('edge_cases');
  });

  it('returns undefined for an unknown id', () => {
    expect(getBuiltinCategory('nope')).toBeUndefined();
  });
});
