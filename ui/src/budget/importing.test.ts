import { describe, expect, it } from 'vitest';
import { badRows, columnOptions } from './importing';

const cols = { headers: ['Account', 'Period', 'Amount'], sample: [['6010', '2026-07', '1,234.56']], guess: { has_header: true, account_column: 0, period_column: 1, amount_column: 2, cost_centre_column: null } };

describe('columnOptions', () => {
  it('names columns by the header with an example from the first row', () => {
    expect(columnOptions(cols, true).map((o) => o.label)).toEqual(['Account (e.g. 6010)', 'Period (e.g. 2026-07)', 'Amount (e.g. 1,234.56)']);
  });
  it('numbers columns when the first row is data', () => {
    expect(columnOptions(cols, false).map((o) => o.label)).toEqual(['Column 1 (e.g. Account)', 'Column 2 (e.g. Period)', 'Column 3 (e.g. Amount)']);
    expect(columnOptions(cols, false).map((o) => o.value)).toEqual(['0', '1', '2']);
  });
});

describe('badRows', () => {
  it('lists the refused rows by line number, leaving other fields out', () => {
    const err = {
      code: 'validation' as const, message: '2 rows…', field: null,
      fields: [{ field: 'line 12', message: 'b' }, { field: 'line 3', message: 'a' }, { field: 'mapping', message: 'x' }],
    };
    expect(badRows(err)).toEqual([{ line: '3', reason: 'a' }, { line: '12', reason: 'b' }]);
    expect(badRows(null)).toEqual([]);
  });
});
