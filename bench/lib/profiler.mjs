/** CPU profiling of one stretch of a worker (not its module loading), via node:inspector. */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

function post(session, method, params = {}) {
  return new Promise((resolve, reject) => {
    session.post(method, params, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** Starts profiling when `path` is set; the returned `stop()` writes the .cpuprofile there. */
export async function startProfiling(path) {
  if (path === undefined) return { stop: async () => {} };
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 200 });
  await post(session, 'Profiler.start');
  return {
    async stop() {
      const { profile } = await post(session, 'Profiler.stop');
      writeFileSync(path, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
