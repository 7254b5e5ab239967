import { describe, expect, it } from 'vitest';
import { fieldErrors, formError, isAppError, toAppError } from './errors';
import type { AppError } from './bindings';

const validation: AppError = {
  code: 'validation',
  message: 'Enter the first name.',
  field: 'first_name',
  fields: [
    { field: 'first_name', message: 'Enter the first name.' },
    { field: 'fte', message: 'FTE must be between 0 and 1.00.' },
  ],
};

describe('toAppError', () => {
  it('keeps a backend AppError as it is', () => {
    expect(toAppError(validation)).toEqual(validation);
  });

  it("keeps a refusal's cells, drops malformed ones, and adds none to other errors", () => {
    const refusal = {
      code: 'blocked',
      message: 'Not assigned, refused: Maria Lopez has approved paid time off on 16 Dec.',
      field: null,
      fields: [],
      cells: [{ staff_id: 3, date: '2026-12-16' }, { staff_id: 'x', date: 5 }],
    };
    expect(toAppError(refusal).cells).toEqual([{ staff_id: 3, date: '2026-12-16' }]);
    expect('cells' in toAppError(validation)).toBe(false);
  });

  it('turns the string Tauri sends for unreadable arguments into an internal error that keeps the detail', () => {
    const err = toAppError('invalid args `input` for command `staff_create`: missing field `fte`');
    expect(err.code).toBe('internal');
    expect(err.fields).toEqual([]);
    expect(err.field).toBeNull();
    expect(err.message).toMatch(/^Wardbook could not carry out that request, so nothing was changed\./);
    expect(err.message).toContain('missing field `fte`');
  });

  it('turns a thrown JavaScript Error into the same shape', () => {
    const err = toAppError(new TypeError('window.__TAURI_INTERNALS__ is undefined'));
    expect(err.code).toBe('internal');
    expect(err.message).toContain('__TAURI_INTERNALS__');
    expect(isAppError(err)).toBe(true);
  });

  it('fills in what a partial error object lacks and drops malformed field entries', () => {
    const err = toAppError({ code: 'teapot', message: 'Odd', fields: [{ field: 'x' }, { field: 'y', message: 'bad y' }] });
    expect(err).toEqual({ code: 'internal', message: 'Odd', field: null, fields: [{ field: 'y', message: 'bad y' }] });
  });

  it('never returns an empty message', () => {
    for (const raw of [undefined, null, 42, {}, '']) {
      expect(toAppError(raw).message.length).toBeGreaterThan(0);
    }
  });
});

describe('fieldErrors', () => {
  it('maps every field to its message', () => {
    expect(fieldErrors(validation)).toEqual({
      first_name: 'Enter the first name.',
      fte: 'FTE must be between 0 and 1.00.',
    });
  });

  it('uses `field` when an error names one field but lists none', () => {
    const err: AppError = { code: 'conflict', message: 'Taken.', field: 'employee_no', fields: [] };
    expect(fieldErrors(err)).toEqual({ employee_no: 'Taken.' });
  });

  it('renames backend fields to the form’s', () => {
    const err: AppError = { code: 'validation', message: 'Enter a date.', field: 'termination_date', fields: [{ field: 'termination_date', message: 'Enter a date.' }] };
    expect(fieldErrors(err, { termination_date: 'last_day' })).toEqual({ last_day: 'Enter a date.' });
  });

  it('is empty without an error', () => {
    expect(fieldErrors(null)).toEqual({});
  });
});

describe('formError', () => {
  it('is null when every message sits beside a shown field', () => {
    expect(formError(validation, ['first_name', 'fte'])).toBeNull();
  });

  it('shows a non-field error at the top', () => {
    const err: AppError = { code: 'storage', message: 'The disk is full.', field: null, fields: [] };
    expect(formError(err, ['first_name'])).toBe('The disk is full.');
  });

  it('shows messages about fields the form does not show, so none is lost', () => {
    const err: AppError = {
      code: 'validation', message: 'x', field: 'first_name',
      fields: [{ field: 'first_name', message: 'x' }, { field: 'skill_ids', message: 'A skill is gone.' }],
    };
    expect(formError(err, ['first_name'])).toBe('A skill is gone.');
    expect(formError(err, ['nothing'])).toBe('x');
  });
});
