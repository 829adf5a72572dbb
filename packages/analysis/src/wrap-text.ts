/**
 * Wraps text at spaces so every line fits `width` including its indent; the first line gets
 * `firstIndent`, the rest `restIndent`. Words longer than a line are cut.
 */
export function wrapText(
  text: string,
  width: number,
  firstIndent: string,
  restIndent: string,
): string[] {
  const lines: string[] = [];
  let line = firstIndent;
  let empty = true;
  for (const word of text.split(' ')) {
    if (word.length <= width - line.length - (empty ? 0 : 1)) {
      line += empty ? word : ` ${word}`;
      empty = false;
      continue;
    }
    if (!empty) {
      lines.push(line);
      line = restIndent;
    }
    let rest = word;
    while (rest.length > width - line.length) {
      const room = Math.max(1, width - line.length);
      lines.push(line + rest.slice(0, room));
      rest = rest.slice(room);
      line = restIndent;
    }
    line += rest;
    empty = false;
  }
  lines.push(line);
  return lines.map((l) => l.trimEnd());
}
