import { describe, expect, it } from 'vitest';
import { credentialInput, credentialTypeInput, departmentInput, emptyStaff, staffInput, toggled, trainingInput, trainingToSend } from './forms';
import type { Staff } from './bindings';

const maria: Staff = {
  id: 7, first_name: 'Maria', last_name: 'Lopez', employee_no: 'E1001', role: 'RN', job_code: 'RN2', job_title: 'RN - Charge Nurse', on_leave: false, leave_since: null,
  employment_type: 'full_time', fte_hundredths: 90, hourly_rate_cents: 5275, hire_date: '2019-06-03',
  seniority_date: null, termination_date: null, skills: [{ id: 3, name: 'Charge' }], phone: '', email: '', notes: '',
};

describe('staff form', () => {
  it('prefills an edit with the stored values as they would be typed', () => {
    const input = staffInput(maria);
    expect(input.fte).toBe('0.90');
    expect(input.hourly_rate).toBe('52.75');
    expect(input.seniority_date).toBe('');
    expect(input.skill_ids).toEqual([3]);
    expect(input.role).toBe('RN');
    expect(input.job_title).toBe('RN - Charge Nurse');
    expect([input.on_leave, input.leave_since]).toEqual([false, '']);
    const away = staffInput({ ...maria, on_leave: true, leave_since: '2026-11-02' });
    expect([away.on_leave, away.leave_since]).toEqual([true, '2026-11-02']);
  });

  it('starts a new person with nothing chosen', () => {
    const input = emptyStaff();
    expect(input.role).toBeNull();
    expect(input.employment_type).toBeNull();
    expect(input.skill_ids).toEqual([]);
  });
});

describe('department form', () => {
  it('defaults a new department to the computer’s zone and a July fiscal year', () => {
    const input = departmentInput(null, 'America/Chicago');
    expect(input.time_zone).toBe('America/Chicago');
    expect(input.fiscal_year_start_month).toBe('7');
  });

  it('prefills numbers as text', () => {
    const d = { name: '4 West', unit_type: 'icu' as const, beds: 32, time_zone: 'Europe/Paris', fiscal_year_start_month: 1, overtime_rule: 'eight_eighty' as const };
    expect(departmentInput(d, 'America/Chicago')).toEqual({
      name: '4 West', unit_type: 'icu', beds: '32', time_zone: 'Europe/Paris', fiscal_year_start_month: '1', overtime_rule: 'eight_eighty',
    });
  });
});

describe('credential forms', () => {
  it('records a missing credential with its type chosen', () => {
    expect(credentialInput(null, 4)).toEqual({ type_id: 4, number: '', issued_on: '', expires_on: '', verified_on: '' });
  });

  it('turns absent dates into empty text', () => {
    const c = { id: 1, staff_id: 7, type_id: 2, number: 'X1', issued_on: '2025-01-01', expires_on: null, verified_on: null };
    expect(credentialInput(c)).toEqual({ type_id: 2, number: 'X1', issued_on: '2025-01-01', expires_on: '', verified_on: '' });
  });

  it('a type without renewal has an empty renewal field, and a copy of its roles', () => {
    const t = { id: 1, name: 'RN license', required_for: ['RN' as const], renewal_months: null, when_expired: 'block' as const, holders: 3 };
    const input = credentialTypeInput(t);
    expect(input.renewal_months).toBe('');
    input.required_for.push('LPN');
    expect(t.required_for).toEqual(['RN']);
    expect(credentialTypeInput({ ...t, renewal_months: 24 }).renewal_months).toBe('24');
  });
});

describe('training form', () => {
  it('prefills the rating as text', () => {
    const t = { id: 1, staff_id: 7, kind: 'evaluation' as const, name: 'Annual review', due_on: '2026-12-01', completed_on: null, rating: 4, status: 'due_soon' as const };
    expect(trainingInput(t).rating).toBe('4');
    expect(trainingInput(null).kind).toBeNull();
  });

  it('sends a rating only for evaluations', () => {
    const typed = { kind: 'training' as const, name: 'Fire safety', due_on: '2026-12-01', completed_on: '', rating: '4' };
    expect(trainingToSend(typed).rating).toBe('');
    expect(trainingToSend({ ...typed, kind: 'evaluation' }).rating).toBe('4');
  });
});

describe('toggled', () => {
  it('adds once and removes every copy', () => {
    expect(toggled([1, 2], 3, true)).toEqual([1, 2, 3]);
    expect(toggled([1, 2], 2, true)).toEqual([1, 2]);
    expect(toggled([1, 2, 1], 1, false)).toEqual([2]);
  });
});
