// Writes the first --count requests of the seeded sequence as Soul contract v1 bodies (a JSON
// array), so third-party tools send the same contents as our client.
import { writeFileSync } from 'node:fs';
import { printResult, readWorkerArgs } from '../lib/cli-args.mjs';
import { generateRequests } from '../lib/requests.mjs';

const { seed, count, out } = readWorkerArgs();
const bodies = generateRequests(seed, count).map((r) => ({
  request_id: r.id,
  content: r.content,
  category: r.category,
}));
writeFileSync(out, JSON.stringify(bodies));
const bytes = bodies.reduce((sum, b) => sum + Buffer.byteLength(JSON.stringify(b)), 0);
printResult({ count, out, meanBodyBytes: bytes / count });
