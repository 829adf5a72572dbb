import { type CategoryDefinition, type ContentOptions, defaultContentOptions } from './category.js';
import { ConfigError } from './errors.js';
import type { Random } from './random.js';
import type { CategoryId, TrafficRequest } from './types.js';

/** Produces the run's request sequence: weighted category choice, then content. */
export interface RequestGenerator {
  next(): TrafficRequest;
  /** The categories with their normalised shares (0..1). */
  readonly shares: ReadonlyMap<CategoryId, number>;
}

export interface RequestGeneratorOptions {
  readonly categories: readonly CategoryDefinition[];
  readonly random: Random;
  /** Prefix of request ids. */
  readonly runId: string;
  readonly contentOptions?: Partial<ContentOptions>;
}

/** Checks a category list: unique ids, finite non-negative weights, at least one positive. */
export function validateCategories(categories: readonly CategoryDefinition[]): void {
  const seen = new Set<string>();
  let total = 0;
  for (const c of categories) {
    if (seen.has(c.id)) throw new ConfigError(`category "${c.id}" is defined twice`);
    seen.add(c.id);
    if (!Number.isFinite(c.weight) || c.weight < 0) {
      throw new ConfigError(`category "${c.id}": expected a weight >= 0, received ${c.weight}`);
    }
    total += c.weight;
  }
  if (!(total > 0)) throw new ConfigError('expected at least one category with a weight above 0');
}

/**
 * Creates the request sequence. Category choice and content use separate random streams,
 * so adding a category's content variety does not shift which categories are chosen.
 */
export function createRequestGenerator(options: RequestGeneratorOptions): RequestGenerator {
  const { categories, runId } = options;
  validateCategories(categories);
  const pickRandom = options.random.fork('category');
  const contentRandom = options.random.fork('content');
  const contentOptions = { ...defaultContentOptions, ...options.contentOptions };
  const total = categories.reduce((sum, c) => sum + c.weight, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const c of categories) {
    acc += c.weight / total;
    cumulative.push(acc);
  }
  const shares = new Map(categories.map((c) => [c.id, c.weight / total] as const));
  let seq = 0;

  const choose = (): CategoryDefinition => {
    const u = pickRandom.next();
    for (let i = 0; i < cumulative.length; i++) {
      if (u < (cumulative[i] as number) && (categories[i] as CategoryDefinition).weight > 0) {
        return categories[i] as CategoryDefinition;
      }
    }
    return categories.findLast((c) => c.weight > 0) as CategoryDefinition;
  };

  return {
    shares,
    next() {
      const category = choose();
      const generated = category.generate({ random: contentRandom, options: contentOptions });
      const request: TrafficRequest = {
        id: `${runId}-${seq}`,
        seq,
        category: category.id,
        content: generated.content,
        expectation: generated.expectation ?? category.expectation,
        attack: generated.attack ?? category.attack ?? false,
        // Present even when undefined: one object shape for every request (a hot path).
        variant: generated.variant,
      };
      seq++;
      return request;
    },
  };
}

/** Returns the categories with some weights replaced; unknown ids are an error. */
export function overrideWeights(
  categories: readonly CategoryDefinition[],
  weights: Readonly<Record<string, number>>,
): CategoryDefinition[] {
  const ids = new Set(categories.map((c) => c.id));
  for (const id of Object.keys(weights)) {
    if (!ids.has(id)) {
      throw new ConfigError(`unknown category "${id}"; expected one of ${[...ids].join(', ')}`);
    }
  }
  return categories.map((c) => (c.id in weights ? { ...c, weight: weights[c.id] as number } : c));
}
