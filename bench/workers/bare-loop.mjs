// Bare loop: evaluateContent over the same pre-generated seeded requests, nothing measured.
import { printResult, readWorkerArgs } from '../lib/cli-args.mjs';
import { generateRequests } from '../lib/requests.mjs';
import { importPackage } from '../lib/workspace.mjs';

const { evaluateContent } = await importPackage('@buddy/soul-adapters');
const { requests, seed } = readWorkerArgs();
const list = generateRequests(seed, requests);

const startMs = performance.now();
// Summing a field keeps the work observable, so nothing can be optimised away.
let checksum = 0;
for (let i = 0; i < list.length; i++) checksum += evaluateContent(list[i].content).confidence;
const seconds = (performance.now() - startMs) / 1000;

printResult({ requests, seconds, ratePerSec: requests / seconds, checksum });
