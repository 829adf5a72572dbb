import type { SimulatorOptions } from './options.js';

/** The run options worth recording in the metrics file (no secrets: the API key is not here). */
export function describeConfig(options: SimulatorOptions): Record<string, unknown> {
  const { soulUrl, ...rest } = options;
  return { ...rest, soulUrl: soulUrl === undefined ? null : redactUrl(soulUrl) };
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    return parsed.toString();
  } catch {
    return '(invalid url)';
  }
}
