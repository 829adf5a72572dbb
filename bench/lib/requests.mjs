/** The seeded request sequence the simulator would generate, for workers that need it. */
import { importPackage } from './workspace.mjs';

const core = await importPackage('@buddy/traffic-core');

/** A generator of the built-in mix for this seed (the same sequence as `--seed`). */
export function createSeededGenerator(seed, runId = `bench-${seed}`) {
  return core.createRequestGenerator({
    categories: core.builtinCategories,
    random: core.createRandom(seed),
    runId,
  });
}

/** The first `count` requests of the seeded sequence. */
export function generateRequests(seed, count) {
  const generator = createSeededGenerator(seed);
  return Array.from({ length: count }, () => generator.next());
}

/** A request source that cycles over a fixed list forever. */
export function cycleRequests(list) {
  let i = 0;
  return {
    next() {
      const request = list[i];
      i = (i + 1) % list.length;
      return request;
    },
  };
}
