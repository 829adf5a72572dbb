import { describe, expect, it } from 'vitest';
import { wrapText } from './wrap-text.js';

describe('wrapText', () => {
  it('wraps at spaces within the width, indenting continuation lines', () => {
    expect(wrapText('one two three four', 12, '  ', '    ')).toEqual([
      '  one two',
      '    three',
      '    four',
    ]);
  });

  it('cuts words longer than a line', () => {
    const lines = wrapText('abcdefghijklmnop', 8, '', '  ');
    expect(lines).toEqual(['abcdefgh', '  ijklmn', '  op']);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(8);
  });

  it('keeps short text on one line', () => {
    expect(wrapText('fits', 80, '  ', '  ')).toEqual(['  fits']);
  });
});
