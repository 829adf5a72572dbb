import type { Sample } from './block-builder.js';

/** Seeded mulberry32: the same seed gives the same sequence. */
export function createSeeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The default mix of SPEC 2.1, as [category, weight]. */
export const DEFAULT_MIX: [string, number][] = [
  ['simple', 25],
  ['multi_step', 15],
  ['low_confidence', 10],
  ['high_confidence', 15],
  ['conflicting_gates', 8],
  ['clarification_triggers', 10],
  ['edge_cases', 12],
  ['adversarial', 5],
];

function pickCategory(random: () => number): string {
  let roll = random() * 100;
  for (const [category, weight] of DEFAULT_MIX) {
    roll -= weight;
    if (roll < 0) return category;
  }
  return 'simple';
}

/** A plausible healthy request: right routing for its category, fast, never an error. */
export function sampleRequest(random: () => number, atMs: number): Sample {
  const category = pickCategory(random);
  const executionMs = 0.05 + random() * 0.1 + (random() < 0.01 ? 0.8 : 0);
  const base = {
    category,
    success: true,
    executionMs,
    latencyMs: executionMs + random() * 0.05,
    rules: [] as string[],
    attack: false,
    blocked: false,
    error: null,
    atMs,
  };
  const spread = random();
  switch (category) {
    case 'low_confidence':
      return {
        ...base,
        confidence: 0.2 + spread * 0.3,
        preValidation: 'passed',
        approvalPath: 'clarification',
      };
    case 'conflicting_gates':
      return failedSample(base, spread, ['contradictory_instructions']);
    case 'clarification_triggers':
      return {
        ...base,
        confidence: 0.4 + spread * 0.14,
        preValidation: 'passed',
        approvalPath: 'clarification',
      };
    case 'edge_cases':
      return random() < 0.5
        ? { ...failedSample(base, spread, ['sql_injection']), attack: true, blocked: true }
        : {
            ...base,
            confidence: 0.6 + spread * 0.2,
            preValidation: 'passed',
            approvalPath: 'approved',
          };
    case 'adversarial':
      return {
        ...failedSample(base, spread, ['jailbreak', 'harmful_intent']),
        attack: true,
        blocked: true,
      };
    case 'high_confidence':
      return {
        ...base,
        confidence: 0.86 + spread * 0.13,
        preValidation: 'passed',
        approvalPath: 'approved',
      };
    default:
      return {
        ...base,
        confidence: 0.6 + spread * 0.3,
        preValidation: 'passed',
        approvalPath: 'approved',
      };
  }
}

function failedSample(
  base: Omit<Sample, 'confidence' | 'preValidation' | 'approvalPath'>,
  spread: number,
  rules: string[],
): Sample {
  return {
    ...base,
    confidence: spread * 0.2,
    preValidation: 'failed',
    approvalPath: 'rejected',
    rules,
  };
}
