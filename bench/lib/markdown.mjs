/**
 * BENCHMARKS.md: one section per benchmark, replaced when that benchmark runs again, so a
 * partial run (`pnpm bench store`) keeps the other sections. A summary table of every goal
 * sits on top, rebuilt from the sections' rows (kept as JSON in each section's marker).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { benchmarkNames } from './args.mjs';
import { renderMarkdownTable } from './format.mjs';
import { formatLoad, renderMachine } from './machine.mjs';

const sectionPattern = /<!-- bench:(\w+) (.*?) -->\n([\s\S]*?)<!-- \/bench:\1 -->\n/g;

/** Sections already in the file: name -> { rows, text }. */
function readSections(path) {
  const sections = new Map();
  if (!existsSync(path)) return sections;
  const text = readFileSync(path, 'utf8');
  for (const match of text.matchAll(sectionPattern)) {
    sections.set(match[1], { rows: JSON.parse(match[2]), text: match[0] });
  }
  return sections;
}

function renderSection(result, run) {
  const lines = [
    `## ${result.name}`,
    '',
    `Command: \`${run.command}\`  `,
    `Date: ${run.date}  `,
    `Machine: ${renderMachine(run.machine)}  `,
    `Load average (1/5/15 min) at start: ${formatLoad(run.machine.loadAverage)}; ` +
      `when this benchmark ended: ${formatLoad(result.loadAtEnd)}`,
    '',
    result.error ? `**Failed:** ${result.error}` : renderMarkdownTable([result]),
    '',
    ...(result.notes ?? []).map((n) => `- ${n}`),
  ];
  if (result.profile) {
    lines.push(
      '',
      `${result.profileTitle ?? 'CPU profile'}:`,
      '',
      '```text',
      result.profile,
      '```',
    );
  }
  const rows = JSON.stringify(result.rows.filter((r) => r.goal !== undefined));
  const body = lines.join('\n');
  return `<!-- bench:${result.name} ${rows} -->\n${body}\n\n<!-- /bench:${result.name} -->\n`;
}

function renderSummary(sections) {
  const results = benchmarkNames
    .filter((name) => sections.has(name))
    .map((name) => ({ name, rows: sections.get(name).rows }));
  return renderMarkdownTable(results);
}

/** Writes (or updates) BENCHMARKS.md with the results of this run. */
export function writeBenchmarksFile(path, results, run) {
  const sections = readSections(path);
  for (const result of results) {
    sections.set(result.name, {
      rows: result.rows.filter((r) => r.goal !== undefined),
      text: renderSection(result, run),
    });
  }
  const ordered = benchmarkNames.filter((n) => sections.has(n)).map((n) => sections.get(n).text);
  const text = [
    '# Benchmarks',
    '',
    'Produced by `pnpm bench` (bench/run.mjs); not part of the tests or CI. Every figure comes ',
    'from a real run on the machine named in its section; each variant runs in a fresh process, ',
    'variants being compared are interleaved, and figures are medians over repeated rounds. ',
    'Rerun a single benchmark with `pnpm bench <name>`; its section below is replaced.',
    '',
    '## Goals at a glance',
    '',
    renderSummary(sections),
    '',
    ...ordered,
  ].join('\n');
  writeFileSync(path, text);
}
