import type { Random } from './random.js';
import type { CategoryId, Expectation } from './types.js';

/** Size parameters of generated content; edge cases read them. */
export interface ContentOptions {
  /** Shortest "very long input" edge case, in characters. */
  readonly longInputMinChars: number;
  /** Longest "very long input" edge case, in characters. */
  readonly longInputMaxChars: number;
  /** Deepest nesting of the "deep nesting" edge case. */
  readonly maxNestingDepth: number;
  /** Scripts mixed into right-to-left and multi-script edge cases. */
  readonly scripts: readonly ('arabic' | 'hebrew' | 'cjk' | 'cyrillic' | 'devanagari')[];
}

/** The defaults of SPEC 2.1: long input 1k to 100k characters. */
export const defaultContentOptions: ContentOptions = {
  longInputMinChars: 1_000,
  longInputMaxChars: 100_000,
  maxNestingDepth: 64,
  scripts: ['arabic', 'hebrew', 'cjk', 'cyrillic', 'devanagari'],
};

/** What a generator gets for each request. */
export interface GenerateContext {
  readonly random: Random;
  readonly options: ContentOptions;
}

/** One generated content; may refine the category's expectation (e.g. a hostile edge case). */
export interface GeneratedContent {
  readonly content: string;
  readonly expectation?: Expectation;
  readonly attack?: boolean;
  readonly variant?: string;
}

/** A traffic category: data, so users can add their own from code or a config file. */
export interface CategoryDefinition {
  readonly id: CategoryId;
  /** Relative weight in the mix; shares are weight / sum of weights. */
  readonly weight: number;
  readonly description: string;
  /** Default expectation of the category's requests. */
  readonly expectation: Expectation;
  /** True when every request of the category is an attack (counted in the block rate). */
  readonly attack?: boolean;
  generate(context: GenerateContext): GeneratedContent;
}
