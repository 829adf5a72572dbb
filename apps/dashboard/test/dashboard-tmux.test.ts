import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_NODE_ARGS, REPO_ROOT } from './cli-process.js';
import { buildLive, buildMetricsFile, buildReport } from './fixtures.js';
import { requireTmux, TmuxServer, waitFor } from './tmux-session.js';

// A real terminal: the dashboard runs in a tmux pane of fixed size; the test writes the
// files the simulator would write and reads the pane as a person would see it.

const dir = mkdtempSync(join(tmpdir(), 'buddy-dashboard-tmux-'));
const metricsPath = join(dir, 'metrics.json');
const livePath = join(dir, 'metrics.live.json');
let tmux: TmuxServer;

beforeAll(() => {
  requireTmux();
  tmux = new TmuxServer(dir);
});
afterAll(() => {
  tmux?.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** Replaces a file the way the simulator does: write a temporary file, then rename. */
function writeAtomically(path: string, content: string): void {
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

const shellQuote = (arg: string): string => `'${arg.replaceAll("'", "'\\''")}'`;

const EXIT_NOTE = 'dashboard exited with status';

// The shell outlives the dashboard, so the test sees the screen a person gets back (tmux
// resets a dead pane's modes). A long --interval: every redraw the test waits for must
// come from the file watcher.
function startDashboard(session: string, extraEnv: Record<string, string> = {}): void {
  const args = [...DASHBOARD_NODE_ARGS, '--file', metricsPath, '--interval', '300'];
  const dashboard = [process.execPath, ...args].map(shellQuote).join(' ');
  const command = `${dashboard}; echo "${EXIT_NOTE} $?"; exec sleep 600`;
  tmux.startSession(session, command, {
    width: 90,
    height: 60,
    cwd: REPO_ROOT,
    env: { NO_COLOR: '', ...extraEnv },
  });
}

const paneShows = (session: string, text: string) =>
  waitFor(
    `pane ${session} to show ${JSON.stringify(text)}`,
    () => (tmux.capture(session).includes(text) ? true : undefined),
    () => tmux.capture(session),
  );

/** Waits for the dashboard to end; returns its exit status as the shell printed it. */
const dashboardExits = (session: string) =>
  waitFor(
    `the dashboard in ${session} to exit`,
    () => tmux.capture(session).match(new RegExp(`${EXIT_NOTE} (\\d+)`))?.[1],
    () => tmux.capture(session),
  );

/** The dashboard process: the only child of the pane's shell. */
function dashboardPid(session: string): number {
  const shellPid = tmux.display(session, '#{pane_pid}');
  return Number(execFileSync('pgrep', ['-P', shellPid], { encoding: 'utf8' }).trim());
}

/** `alternate screen on, cursor visible` of the pane, e.g. `1 0` while drawing. */
const screenModes = (session: string) => tmux.display(session, '#{alternate_on} #{cursor_flag}');

const slowReport = () =>
  buildReport({
    timestamp: new Date().toISOString(),
    alerts: [
      {
        priority: 'high',
        code: 'execution_time_high',
        message: 'Average execution 8.20 ms > 5 ms',
        value: 8.2,
        threshold: 5,
      },
    ],
  });

describe('buddy-dashboard in a real terminal (tmux)', () => {
  it('waits, shows progress and metrics, survives a corrupt file, restores on q', async () => {
    const session = 'main';
    startDashboard(session);

    await paneShows(session, 'Waiting for the metrics file:');
    expect(screenModes(session)).toBe('1 0');
    expect(tmux.capture(session)).toContain('BUDDY TRAFFIC MONITORING DASHBOARD');

    writeAtomically(livePath, JSON.stringify(buildLive({ updated_at: new Date().toISOString() })));
    await paneShows(session, 'WAITING FOR THE FIRST REPORT');
    expect(tmux.capture(session)).toMatch(/Requests So Far\.+ +123/);

    writeAtomically(metricsPath, JSON.stringify(buildMetricsFile([slowReport()])));
    await paneShows(session, 'HIGH   Average execution 8.20 ms > 5 ms');
    const withData = tmux.capture(session);
    expect(withData).toMatch(/Total Requests\.+ +512/);
    expect(withData).toMatch(/Load Level\.+ +\[███░░░░░░\] 1\/3/);
    expect(withData).not.toContain('PROBLEM');

    writeAtomically(metricsPath, '{"schema_version": 2, "reports": [');
    await paneShows(session, 'The metrics file is corrupt or unreadable');
    expect(tmux.capture(session)).toContain('Still watching; showing the last good data below.');

    writeAtomically(metricsPath, JSON.stringify(buildMetricsFile([slowReport()])));
    await waitFor(
      'the problem to clear',
      () => (tmux.capture(session).includes('PROBLEM') ? undefined : true),
      () => tmux.capture(session),
    );
    truncateSync(metricsPath, 0);
    await paneShows(session, 'The metrics file is corrupt or unreadable');

    rmSync(metricsPath);
    await paneShows(session, 'The metrics file is missing');

    tmux.sendKeys(session, 'q');
    expect(await dashboardExits(session)).toBe('0');
    expect(screenModes(session)).toBe('0 1');
    const after = tmux.capture(session);
    expect(after).not.toContain('KEY METRICS');
    expect(after).not.toContain('BUDDY TRAFFIC MONITORING DASHBOARD');
  });

  it('restores the terminal on Ctrl+C', async () => {
    const session = 'ctrl-c';
    writeAtomically(metricsPath, JSON.stringify(buildMetricsFile([slowReport()])));
    startDashboard(session);
    await paneShows(session, 'KEY METRICS');
    tmux.sendKeys(session, 'C-c');
    expect(await dashboardExits(session)).toBe('0');
    expect(screenModes(session)).toBe('0 1');
  });

  it('restores the terminal on SIGTERM and exits 143', async () => {
    const session = 'sigterm';
    startDashboard(session);
    await paneShows(session, 'KEY METRICS');
    process.kill(dashboardPid(session), 'SIGTERM');
    expect(await dashboardExits(session)).toBe('143');
    expect(screenModes(session)).toBe('0 1');
    expect(tmux.capture(session)).not.toContain('KEY METRICS');
  });

  it('colours a high alert unless NO_COLOR is set', async () => {
    const session = 'colour';
    startDashboard(session, { NO_COLOR: '' });
    await paneShows(session, 'HIGH   Average');
    const painted = tmux.run(['capture-pane', '-e', '-p', '-t', session]);
    expect(painted).toMatch(/\u001b\[[0-9;]*31m[^\n]*HIGH {3}Average/);
    tmux.sendKeys(session, 'q');
    await dashboardExits(session);

    const plain = 'no-colour';
    startDashboard(plain, { NO_COLOR: '1' });
    await paneShows(plain, 'HIGH   Average');
    expect(tmux.run(['capture-pane', '-e', '-p', '-t', plain])).not.toMatch(/\u001b\[[0-9;]*31m/);
    tmux.sendKeys(plain, 'q');
    await dashboardExits(plain);
  });
});
