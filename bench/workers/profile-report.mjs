// Summarises a CPU profile of a worker, mapping positions in tsx's transformed code back to
// the TypeScript source. Run with --enable-source-maps; it imports the profiled repo modules
// again (same transform, same maps), never an app's cli entry.
import { readFileSync } from 'node:fs';
import { findSourceMap } from 'node:module';
import { printResult, readWorkerArgs } from '../lib/cli-args.mjs';
import { renderProfileSummary, shortUrl, summarizeProfile } from '../lib/profile-summary.mjs';

const { profile: path, limit } = readWorkerArgs();
const profile = JSON.parse(readFileSync(path, 'utf8'));

const isImportable = (url) =>
  url.startsWith('file://') &&
  url.endsWith('.ts') &&
  !url.includes('/node_modules/') &&
  !url.endsWith('/cli.ts');
const urls = new Set(profile.nodes.map((n) => n.callFrame.url).filter(isImportable));
for (const url of urls) await import(url).catch(() => undefined);

const sourceLines = new Map();
function lineOf(url, line) {
  if (!sourceLines.has(url)) {
    sourceLines.set(url, readFileSync(new URL(url), 'utf8').split('\n'));
  }
  return (sourceLines.get(url)[line] ?? '').trim().slice(0, 60);
}

function locate(frame) {
  const file = shortUrl(frame.url);
  const entry = urls.has(frame.url)
    ? findSourceMap(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber)
    : undefined;
  if (entry === undefined || entry.originalLine === undefined) {
    return {
      file,
      label: `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`,
    };
  }
  const line = entry.originalLine;
  return { file, label: `${file}:${line + 1} ${lineOf(frame.url, line)}` };
}

const summary = summarizeProfile(profile, { limit: limit ?? 20, locate });
process.stderr.write(`${renderProfileSummary(summary)}\n`);
printResult(summary);
