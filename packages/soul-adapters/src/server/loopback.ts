import { ConfigError } from '@buddy/traffic-core';

/** True for names and addresses that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

/** Throws a ConfigError unless `host` is a loopback address. */
export function requireLoopbackHost(field: string, host: string): void {
  if (!isLoopbackHost(host)) {
    throw new ConfigError(
      `${field}: expected a loopback address (127.0.0.1, ::1, localhost), received ${host}`,
    );
  }
}
