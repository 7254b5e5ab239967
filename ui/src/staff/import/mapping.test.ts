import { describe, expect, it } from 'vitest';
import type { StaffImportColumns, StaffImportMapping } from '../../lib/bindings';
import { choose, columnName, examples, sameHeaders } from './mapping';

const cols: StaffImportColumns = {
  headers: ['Employee ID', 'Name', ''],
  sample: [
    ['E1', 'Ana', 'x'],
    ['E2', '', 'y'],
  ],
  guess: { has_header: true, columns: ['employee_no', 'first_name', null] },
};

describe('the mapping step', () => {
  it('names a column by its header, or by its number when there is none', () => {
    expect(columnName(cols, cols.guess, 0)).toBe('Employee ID');
    expect(columnName(cols, cols.guess, 2)).toBe('Column 3');
    expect(columnName(cols, { ...cols.guess, has_header: false }, 0)).toBe('Column 1');
  });

  it('shows example values, counting the first row when it is data', () => {
    expect(examples(cols, cols.guess, 1)).toEqual(['Ana']);
    expect(examples(cols, { ...cols.guess, has_header: false }, 0)).toEqual(['Employee ID', 'E1', 'E2']);
  });

  it('gives a field to one column only', () => {
    const m: StaffImportMapping = choose(cols.guess, 2, 'employee_no');
    expect(m.columns).toEqual([null, 'first_name', 'employee_no']);
    expect(choose(m, 1, null).columns).toEqual([null, null, 'employee_no']);
    expect(cols.guess.columns).toEqual(['employee_no', 'first_name', null]);
  });

  it('recognises a corrected copy of the same export', () => {
    expect(sameHeaders(['A', 'B '], ['A', 'B'])).toBe(true);
    expect(sameHeaders(['A', 'B'], ['A', 'C'])).toBe(false);
    expect(sameHeaders(['A'], ['A', 'B'])).toBe(false);
  });
});
