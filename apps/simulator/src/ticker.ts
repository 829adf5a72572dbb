import type { Clock } from '@buddy/traffic-core';

/** Repeats `fn` every `periodMs` on the injected clock until stopped. */
export function createTicker(clock: Clock, periodMs: number, fn: (ticks: number) => void) {
  let ticks = 0;
  let handle = clock.setTimer(function onTick() {
    ticks++;
    fn(ticks);
    handle = clock.setTimer(onTick, periodMs);
  }, periodMs);
  return { stop: () => clock.clearTimer(handle) };
}
