import { ConfigError } from '@buddy/traffic-core';
import { sanitizeErrorMessage } from './classify-error.js';

/** A Soul base URL split for the HTTP client. */
export interface SoulUrl {
  /** `http://host:port`. */
  readonly origin: string;
  /** Path prefix without a trailing slash, e.g. `` or `/soul`. */
  readonly basePath: string;
}

/** Parses a Soul base URL; credentials and query strings are refused (use `apiKey`). */
export function parseSoulUrl(url: string, field = 'url'): SoulUrl {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    const shown = sanitizeErrorMessage(String(url)).slice(0, 80);
    throw new ConfigError(`${field}: expected an http(s) URL, received "${shown}"`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new ConfigError(`${field}: expected a URL without credentials; pass the key as apiKey`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ConfigError(`${field}: expected http: or https:, received ${parsed.protocol}`);
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    throw new ConfigError(`${field}: expected a base URL without query or fragment`);
  }
  return { origin: parsed.origin, basePath: parsed.pathname.replace(/\/+$/, '') };
}
