import { describe, expect, it } from 'vitest';

describe('markdown tables', () => {
  it('escape pipes inside cells', async () => {
    const { markdownTable } = await import('../../src/report/markdownTable.js');
    const t = markdownTable(['a', 'b'], [['|w - w*|', 'x']]);
    expect(t.split('\n')[2]).toBe('| \\|w - w*\\| | x |');
  });
});
