import { describe, expect, it } from 'vitest';
import type { StaffImportColumns, StaffImportMapping } from '../../lib/bindings';
import { choose, chooseRole, columnName, examples, keepMapping, keptMapping, sameHeaders, toggleSkill } from './mapping';

const cols: StaffImportColumns = {
  headers: ['Employee ID', 'Name', ''],
  sample: [
    ['E1', 'Ana', 'x'],
    ['E2', '', 'y'],
  ],
  guess: {
    has_header: true,
    columns: ['employee_no', 'first_name', null],
    role_column: null,
    roles: [],
    employment: { from: 'fte', full_time_min: '0.90', per_diem_max: '0.00', one_type: null },
    department: null,
    date_order: null,
    new_rate: null,
    statuses: [],
  },
  remembered: false,
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

  it('lets a column chosen for the role replace the role taken from the job code', () => {
    const m: StaffImportMapping = { ...cols.guess, role_column: 2 };
    expect(choose(m, 1, 'job_code').role_column).toBe(2);
    expect(choose(m, 1, 'role').role_column).toBeNull();
  });

  it('keeps one role choice per title, whatever its case and punctuation', () => {
    let m = chooseRole(cols.guess, 'Charge Nurse', 'RN');
    m = chooseRole(m, 'CHARGE-NURSE', 'LPN');
    expect(m.roles).toEqual([{ value: 'CHARGE-NURSE', role: 'LPN', skill_ids: [] }]);
    expect(chooseRole(m, 'charge nurse', null).roles).toEqual([]);
  });

  it('keeps a title\'s skills with its role, one of each, in order', () => {
    const m = chooseRole(cols.guess, 'Charge Nurse', 'RN', toggleSkill([9], 4, true));
    expect(m.roles).toEqual([{ value: 'Charge Nurse', role: 'RN', skill_ids: [4, 9] }]);
    expect(toggleSkill([4, 9], 9, false)).toEqual([4]);
    expect(toggleSkill([4], 4, true)).toEqual([4]);
  });

  it('recognises a corrected copy of the same export', () => {
    expect(sameHeaders(['A', 'B '], ['A', 'B'])).toBe(true);
    expect(sameHeaders(['A', 'B'], ['A', 'C'])).toBe(false);
    expect(sameHeaders(['A'], ['A', 'B'])).toBe(false);
  });
});

describe('choices kept for the session', () => {
  it('gives the same export back the roles chosen before Cancel, and another export its guess', () => {
    const chosen = chooseRole(cols.guess, 'Charge Nurse', 'RN');
    keepMapping(cols.headers, chosen);
    expect(keptMapping([...cols.headers], cols.guess).roles).toEqual([{ value: 'Charge Nurse', role: 'RN', skill_ids: [] }]);
    expect(keptMapping(['Other', 'Name', ''], cols.guess).roles).toEqual([]);
    // A copy: editing what was given back leaves the kept one alone.
    keptMapping(cols.headers, cols.guess).roles.length = 0;
    expect(keptMapping(cols.headers, cols.guess).roles).toHaveLength(1);
  });
});
