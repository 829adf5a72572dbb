import {
  checkSoulHealth,
  createHttpSoulTarget,
  createReferencePipeline,
  createSwitchableTarget,
  type SwitchableTarget,
} from '@buddy/soul-adapters';
import type { Clock, Random } from '@buddy/traffic-core';
import type { SimulatorOptions } from './options.js';
import { UsageError } from './usage-error.js';

/** Checks the real-Soul options before anything starts; the API key is never echoed. */
function requireSoulUrl(options: SimulatorOptions): string {
  const url = options.soulUrl;
  if (url === undefined || url === '') {
    throw new UsageError(
      '--use-real-soul: expected --soul-url <url> or SOUL_API_URL to name the Soul API',
    );
  }
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw new UsageError(`--soul-url: expected an http(s) URL, received '${url.slice(0, 80)}'`);
  }
  return url;
}

/**
 * Builds the switchable target: the reference pipeline always, the real Soul when asked for
 * (after a health check), with fallback to the reference only when asked for.
 */
export async function buildTarget(
  options: SimulatorOptions,
  env: NodeJS.ProcessEnv,
  clock: Clock,
  random: Random,
): Promise<SwitchableTarget> {
  const reference = createReferencePipeline({
    ...(options.latencyMedianMs !== undefined
      ? { latency: { medianMs: options.latencyMedianMs, p99Ms: options.latencyP99Ms as number } }
      : {}),
    errorRate: options.errorRate,
    random: random.fork('reference-faults'),
    clock,
  });
  const targets: Record<string, typeof reference> = { reference };
  if (options.useRealSoul || options.soulUrl !== undefined) {
    const url = requireSoulUrl(options);
    const apiKey = env.SOUL_API_KEY ? { apiKey: env.SOUL_API_KEY } : {};
    if (options.useRealSoul) {
      await checkSoulHealth(url, { timeoutMs: options.soulTimeoutMs, ...apiKey });
    }
    targets.real = createHttpSoulTarget({
      url,
      ...apiKey,
      timeoutMs: options.soulTimeoutMs,
      maxConnections: Math.min(options.maxInFlight, 256),
    });
  }
  return createSwitchableTarget({
    targets,
    active: options.useRealSoul ? 'real' : 'reference',
    ...(options.fallbackToReference ? { fallback: 'reference' } : {}),
    clock,
  });
}
