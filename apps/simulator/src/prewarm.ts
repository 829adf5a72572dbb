import { createAggregator } from '@buddy/metrics';
import { renderReportBlock } from '@buddy/report-format';
import { evaluateContent } from '@buddy/soul-adapters';
import {
  type CategoryDefinition,
  createRandom,
  createRequestGenerator,
  judgeVerdict,
} from '@buddy/traffic-core';

/**
 * Runs a few hundred throwaway requests through generation, the reference pipeline and a
 * scratch aggregator, so the first real sends do not pay for JIT compilation. Uses its own
 * random stream: the run's request sequence is unchanged.
 */
export function prewarm(categories: readonly CategoryDefinition[]): void {
  const generator = createRequestGenerator({
    categories,
    random: createRandom(0x5eed),
    runId: 'prewarm',
  });
  const scratch = createAggregator();
  for (let i = 0; i < 300; i++) {
    const request = generator.next();
    const verdict = evaluateContent(request.content);
    scratch.record({
      request,
      intendedAtMs: i,
      startedAtMs: i,
      endedAtMs: i + 0.01,
      startedWallMs: i,
      executionMs: 0.01,
      latencyMs: 0.01,
      lateByMs: 0,
      success: judgeVerdict(request.expectation, verdict) === undefined,
      verdict,
      servedBy: 'prewarm',
      warmup: false,
    });
  }
  const report = scratch.buildReport({
    nowMs: 300,
    wallMs: 0,
    runId: 'prewarm',
    loadLevel: 1,
    requestInterval: { min: 0, max: 0 },
    arrival: 'closed',
    soul: { active: 'prewarm', served: {}, fallbacks: 0, switches: [] },
  });
  renderReportBlock(report);
  JSON.stringify(report);
}
