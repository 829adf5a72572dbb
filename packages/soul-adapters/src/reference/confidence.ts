import type { TextFeatures } from './text-features.js';

/** Confidence at or above which a request that passed pre-validation is approved. */
export const APPROVAL_THRESHOLD = 0.55;

// Weights tuned on the default mix: simple asks land near 0.7, detailed ones near 0.9,
// ambiguous ones below 0.5, and the whole mix has a standard deviation near 0.29.
const BASE = 0.58;
const PER_ACTION = 0.02;
const MAX_ACTIONS = 2;
const PER_SPECIFIC = 0.05;
const MAX_SPECIFICS = 7;
const WORDS_BONUS = 0.04;
const PER_VAGUE = 0.08;
const MAX_VAGUE = 3;
const AMBIGUITY_PENALTY = 0.27;
/** Ambiguous requests never reach the approval threshold. */
const AMBIGUOUS_CEILING = 0.5;
const PASSED_CEILING = 0.93;
const PASSED_FLOOR = 0.05;
const JITTER_SPAN = 0.04;
const FAILED_FLOOR = 0.1;
const FAILED_SPAN = 0.06;
const FAILED_JITTER_SPAN = 0.04;

/** The feature score before jitter and clamping; higher means clearer and more specific. */
export function scoreFeatures(features: TextFeatures): number {
  const { words, actions, question, specifics, vague, ambiguous } = features;
  return (
    BASE +
    PER_ACTION * Math.min(actions + (question ? 1 : 0), MAX_ACTIONS) +
    PER_SPECIFIC * Math.min(specifics, MAX_SPECIFICS) +
    (words >= 4 ? WORDS_BONUS : 0) -
    PER_VAGUE * Math.min(vague, MAX_VAGUE) -
    (ambiguous ? AMBIGUITY_PENALTY : 0)
  );
}

/** Confidence of a request that passed pre-validation; `jitter` is in [0, 1). */
export function confidenceWhenPassed(features: TextFeatures, jitter: number): number {
  const score = scoreFeatures(features) + (jitter - 0.5) * JITTER_SPAN;
  const ceiling = features.ambiguous ? AMBIGUOUS_CEILING : PASSED_CEILING;
  return clamp(score, PASSED_FLOOR, ceiling);
}

/**
 * Confidence of a request that failed pre-validation: at most 0.2, yet spread by its
 * features, since piling a third of all requests at 0 would inflate the standard deviation.
 */
export function confidenceWhenFailed(features: TextFeatures, jitter: number): number {
  return (
    FAILED_FLOOR + FAILED_SPAN * clamp(scoreFeatures(features), 0, 1) + FAILED_JITTER_SPAN * jitter
  );
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
