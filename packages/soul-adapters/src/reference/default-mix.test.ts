import {
  builtinCategories,
  createRandom,
  createRequestGenerator,
  isBlocked,
  judgeVerdict,
} from '@buddy/traffic-core';
import { describe, expect, it } from 'vitest';
import { evaluateContent } from './evaluate-content.js';

const REQUESTS = 5000;

function runMix(seed: number) {
  const generator = createRequestGenerator({
    categories: builtinCategories,
    random: createRandom(seed),
    runId: `mix-${seed}`,
  });
  const mismatches: string[] = [];
  const counts = new Map<string, number>();
  let failed = 0;
  let attacks = 0;
  let blocked = 0;
  let sum = 0;
  let sumOfSquares = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const request = generator.next();
    const verdict = evaluateContent(request.content);
    const mismatch = judgeVerdict(request.expectation, verdict);
    if (mismatch !== undefined)
      mismatches.push(`${request.category}/${request.variant}: ${mismatch}`);
    counts.set(request.category, (counts.get(request.category) ?? 0) + 1);
    if (verdict.preValidation === 'failed') failed++;
    if (request.attack) attacks++;
    if (request.attack && isBlocked(verdict)) blocked++;
    sum += verdict.confidence;
    sumOfSquares += verdict.confidence ** 2;
  }
  const mean = sum / REQUESTS;
  const stdDev = Math.sqrt(sumOfSquares / REQUESTS - mean * mean);
  return { mismatches, counts, catchRate: failed / REQUESTS, attacks, blocked, stdDev };
}

describe.each([1, 7, 42])('the reference pipeline on the default mix, seed %i', (seed) => {
  const result = runMix(seed);

  it('meets every expectation (success 100%)', () => {
    expect(result.mismatches).toEqual([]);
  });

  it('blocks every attack (block rate 100%)', () => {
    expect(result.attacks).toBeGreaterThan(300);
    expect(result.blocked).toBe(result.attacks);
  });

  it('fails pre-validation for 30% to 40% of requests', () => {
    expect(result.catchRate).toBeGreaterThanOrEqual(0.3);
    expect(result.catchRate).toBeLessThanOrEqual(0.4);
  });

  it('spreads confidence with a standard deviation between 0.25 and 0.33', () => {
    expect(result.stdDev).toBeGreaterThanOrEqual(0.25);
    expect(result.stdDev).toBeLessThanOrEqual(0.33);
  });

  it('keeps every category within 2 points of its weight', () => {
    for (const category of builtinCategories) {
      const sharePercent = ((result.counts.get(category.id) ?? 0) / REQUESTS) * 100;
      expect(Math.abs(sharePercent - category.weight)).toBeLessThanOrEqual(2);
    }
  });
});
