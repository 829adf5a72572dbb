/**
 * Finds where JSON text stops being valid. V8's JSON.parse names a position only for some
 * errors, and otherwise quotes raw text, which must not reach a terminal.
 */

class StopAt {
  constructor(readonly offset: number) {}
}

const MAX_DEPTH = 2000;
const NUMBER_PATTERN = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING_BODY_PATTERN = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;

function createScanner(text: string) {
  let at = 0;

  const skipSpace = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text.charAt(at))) at++;
  };
  const expect = (char: string): void => {
    if (text.charAt(at) !== char) throw new StopAt(at);
    at++;
  };
  const matchSticky = (pattern: RegExp): number => {
    pattern.lastIndex = at;
    return pattern.exec(text)?.[0].length ?? 0;
  };

  const scanString = (): void => {
    expect('"');
    at += matchSticky(STRING_BODY_PATTERN);
    expect('"');
  };

  const scanList = (close: string, scanItem: () => void, depth: number): void => {
    if (depth > MAX_DEPTH) throw new StopAt(at);
    at++;
    skipSpace();
    if (text.charAt(at) === close) {
      at++;
      return;
    }
    for (;;) {
      scanItem();
      skipSpace();
      if (text.charAt(at) === close) {
        at++;
        return;
      }
      expect(',');
    }
  };

  const scanValue = (depth: number): void => {
    skipSpace();
    const char = text.charAt(at);
    if (char === '{') {
      scanList('}', () => scanMember(depth), depth);
    } else if (char === '[') {
      scanList(']', () => scanValue(depth + 1), depth);
    } else if (char === '"') {
      scanString();
    } else {
      scanScalar();
    }
  };

  const scanMember = (depth: number): void => {
    skipSpace();
    scanString();
    skipSpace();
    expect(':');
    scanValue(depth + 1);
  };

  const scanScalar = (): void => {
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return;
      }
    }
    const length = matchSticky(NUMBER_PATTERN);
    if (length === 0) throw new StopAt(at);
    at += length;
  };

  return {
    scanDocument(): void {
      scanValue(0);
      skipSpace();
      if (at < text.length) throw new StopAt(at);
    },
  };
}

/** Offset of the first invalid character of `text` as JSON, or null when it is valid JSON. */
export function findJsonErrorOffset(text: string): number | null {
  try {
    createScanner(text).scanDocument();
    return null;
  } catch (error) {
    if (error instanceof StopAt) return error.offset;
    throw error;
  }
}

/** 1-based line and column of an offset. */
export function toLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
