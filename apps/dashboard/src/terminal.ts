// The full-screen terminal: alternate screen, hidden cursor, raw keys; and the promise that
// whatever ends the process (quit key, signal, crash) puts the terminal back as it was.

const ENTER_FULL_SCREEN = '\x1b[?1049h\x1b[?25l\x1b[H\x1b[2J';
const LEAVE_FULL_SCREEN = '\x1b[?25h\x1b[?1049l';
const CLEAR_TO_LINE_END = '\x1b[K';
const CLEAR_TO_SCREEN_END = '\x1b[J';
const CURSOR_HOME = '\x1b[H';

/** The streams the dashboard draws on and reads keys from. */
export interface TerminalIo {
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
}

/** A place to draw frames; full-screen on a TTY, plain appended frames otherwise. */
export interface TerminalScreen {
  readonly fullScreen: boolean;
  size(): { width: number; height: number };
  draw(frame: string): void;
  /** Leaves the alternate screen, shows the cursor, releases stdin; safe to call twice. */
  restore(): void;
}

const DEFAULT_SIZE = { width: 80, height: 24 };

/** Opens the screen: full-screen only when stdout is a TTY. */
export function openScreen(io: TerminalIo, onKey: (key: string) => void): TerminalScreen {
  const fullScreen = io.stdout.isTTY === true;
  if (!fullScreen) return openPlainScreen(io);

  io.stdout.write(ENTER_FULL_SCREEN);
  const onData = (data: Buffer | string) => onKey(String(data));
  const rawKeys = io.stdin.isTTY === true;
  if (rawKeys) {
    io.stdin.setRawMode(true);
    io.stdin.on('data', onData);
    io.stdin.resume();
  }
  let restored = false;
  return {
    fullScreen,
    size: () => ({ width: io.stdout.columns ?? 80, height: io.stdout.rows ?? 24 }),
    draw(frame) {
      if (restored) return;
      const body = frame.split('\n').join(`${CLEAR_TO_LINE_END}\r\n`);
      io.stdout.write(`${CURSOR_HOME}${body}${CLEAR_TO_LINE_END}${CLEAR_TO_SCREEN_END}`);
    },
    restore() {
      if (restored) return;
      restored = true;
      if (rawKeys) {
        io.stdin.off('data', onData);
        io.stdin.setRawMode(false);
        io.stdin.pause();
      }
      io.stdout.write(LEAVE_FULL_SCREEN);
    },
  };
}

function openPlainScreen(io: TerminalIo): TerminalScreen {
  return {
    fullScreen: false,
    size: () => ({ width: io.stdout.columns ?? DEFAULT_SIZE.width, height: Infinity }),
    draw: (frame) => io.stdout.write(`${frame}\n\n`),
    restore: () => {},
  };
}

/** True for the keys that quit: `q`, `Q`, Ctrl+C (raw mode) and Ctrl+D. */
export function isQuitKey(key: string): boolean {
  return key === 'q' || key === 'Q' || key === '\x03' || key === '\x04';
}
