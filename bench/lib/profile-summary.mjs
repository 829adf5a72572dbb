/**
 * Summarises a V8 .cpuprofile: self time by function and by file. Time in native code and
 * Node internals (regexes, JSON, buffers, fs) is charged to the nearest caller in this repo,
 * so it shows where in our code it was spent.
 */
import { fileURLToPath } from 'node:url';
import { repoRoot } from './workspace.mjs';

const rootPath = fileURLToPath(repoRoot);
const engineFrames = new Set(['(garbage collector)', '(idle)', '(program)', '(root)']);

/** Repo-relative path of a script URL, or the URL itself. */
export function shortUrl(url) {
  if (url === '') return '(native)';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  return path.startsWith(rootPath) ? path.slice(rootPath.length) : path;
}

function selfTimeByNode(profile) {
  const selfMs = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const deltaMs = (timeDeltas[i + 1] ?? 0) / 1000;
    selfMs.set(samples[i], (selfMs.get(samples[i]) ?? 0) + deltaMs);
  }
  return selfMs;
}

function parentsOf(profile) {
  const parent = new Map();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node);
  return parent;
}

const isOwnCode = (url) => url.startsWith(repoRoot.href) && !url.includes('/node_modules/');

/** The frame that owns a node's time: the nearest frame of our own code on its stack. */
function owningFrame(node, parent) {
  if (engineFrames.has(node.callFrame.functionName)) return node.callFrame;
  for (let n = node; n !== undefined; n = parent.get(n.id)) {
    if (isOwnCode(n.callFrame.url)) return n.callFrame;
  }
  return node.callFrame;
}

function addTo(map, key, ms) {
  map.set(key, (map.get(key) ?? 0) + ms);
}

function topEntries(map, totalMs, limit) {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, ms]) => ({ name, ms, share: ms / totalMs }));
}

const defaultLocate = (frame) => ({
  file: shortUrl(frame.url),
  label: `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`,
});

/**
 * Top functions and files by self time. `locate(callFrame)` names a frame (e.g. through
 * source maps); the default uses the profile's own names and lines.
 */
export function summarizeProfile(profile, { limit = 15, locate = defaultLocate } = {}) {
  const selfMs = selfTimeByNode(profile);
  const parent = parentsOf(profile);
  const byFunction = new Map();
  const byFile = new Map();
  let totalMs = 0;
  for (const node of profile.nodes) {
    const ms = selfMs.get(node.id) ?? 0;
    if (ms === 0) continue;
    const frame = owningFrame(node, parent);
    const where = isOwnCode(frame.url) ? locate(frame) : defaultLocate(frame);
    totalMs += ms;
    addTo(byFunction, where.label, ms);
    addTo(byFile, where.file, ms);
  }
  return {
    totalMs,
    functions: topEntries(byFunction, totalMs, limit),
    files: topEntries(byFile, totalMs, limit),
  };
}

/** Renders a summary as indented text lines. */
export function renderProfileSummary(summary) {
  const line = (e) =>
    `  ${(e.share * 100).toFixed(1).padStart(5)}% ${e.ms.toFixed(0).padStart(6)} ms  ${e.name}`;
  return [
    `total sampled: ${summary.totalMs.toFixed(0)} ms ` +
      '(time in natives and node internals charged to our caller)',
    'by function (self time):',
    ...summary.functions.map(line),
    'by file (self time):',
    ...summary.files.map(line),
  ].join('\n');
}
