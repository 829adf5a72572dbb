import { describe, expect, it } from 'vitest';
import { renderLineChart } from './ascii-chart.js';

const format = (v: number) => v.toFixed(1);

describe('renderLineChart', () => {
  it('draws a rising series with labelled axes', () => {
    const lines = renderLineChart([0, 1, 2, 3, 4], {
      width: 20,
      height: 5,
      formatValue: format,
      startLabel: 'a',
      endLabel: 'b',
    });
    expect(lines.join('\n')).toMatchInlineSnapshot(`
      "4.0 |             **
          |         ****
      2.0 |      ***
          |  ****
      0.0 |**
          +---------------
           a             b"
    `);
  });

  it('keeps every line within the width, even for thousands of points', () => {
    const values = Array.from({ length: 3000 }, (_, i) => Math.sin(i / 100));
    const lines = renderLineChart(values, { width: 60, height: 8, formatValue: format });
    expect(lines).toHaveLength(9);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
  });

  it('draws a flat series on one row and leaves gaps for nulls', () => {
    const lines = renderLineChart([5, null, 5], { width: 20, height: 3, formatValue: format });
    expect(lines[1]).toContain('5.0 |*');
    expect(lines[0]?.trim()).toBe('|');
  });

  it('says so when there is no data', () => {
    expect(renderLineChart([null, null], { width: 40, height: 5, formatValue: format })).toEqual([
      '(no data)',
    ]);
  });
});
