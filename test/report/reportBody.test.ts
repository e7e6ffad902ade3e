import { describe, expect, it } from 'vitest';
import { reportBody } from '../../src/report/reportBody.js';
import { upperClaim } from '../../src/report/claim.js';

describe('reportBody', () => {
  it('prints the one report form in order: title, banner, claim, source, settings, sections, figures, verdicts, notes', () => {
    const body = reportBody({
      name: 'r0',
      title: 'A title',
      banner: '**SMOKE**',
      claim: 'x stays below 1',
      source: 'a paper',
      settings: { seed: 1 },
      sections: ['## Table\n\n| a |\n| --- |\n| 1 |\n\n\n'],
      figures: [{ suffix: 'fig', caption: 'A figure' }],
      claims: [upperClaim('R0', 'x <= 1', 0.5, 1)],
      notes: ['a finding'],
    });
    const order = [
      '# A title',
      '**SMOKE**',
      '**Claim.** x stays below 1',
      '**Source.** a paper',
      '"seed": 1',
      '## Table',
      '![A figure](r0-fig.svg)',
      '## Verdicts',
      '- **R0**',
      '## Notes',
      '- a finding',
    ];
    const at = order.map((s) => body.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(body).not.toMatch(/\n{3,}/); // blank lines collapse to one
    const bare = reportBody({ name: 'r0', title: 'T', claim: 'c', source: 's', settings: {}, sections: [], figures: [], claims: [] });
    expect(bare).not.toMatch(/## Figures|## Notes|SMOKE/);
  });
});
